package org.cairnmq.protocol.selector;

/**
 * A compiled Jakarta Messaging message selector (specification section 3.8.1).
 *
 * <p>{@link #compile(String)} parses the selector once into a tree of small evaluator nodes; LIKE
 * patterns are compiled at the same time. {@link #matches(PropertySource)} then walks the tree for
 * each message. A selector is immutable and may be shared by any number of threads.
 *
 * <pre>{@code
 * Selector selector = Selector.compile("JMSType = 'car' AND color = 'blue' AND weight > 2500");
 * boolean deliver = selector.matches(record);   // record implements PropertySource
 * }</pre>
 *
 * <p>Evaluation never throws for any message content: NULLs, values of the wrong type and division
 * by zero make (part of) the selector UNKNOWN, and a message matches only when the whole selector is
 * TRUE. Exceptions thrown by the {@link PropertySource} itself are passed through.
 */
public final class Selector {

    private static final Selector MATCH_ALL = new Selector("", BooleanLiteral.TRUE);

    private final String text;
    private final Condition root;

    private Selector(String text, Condition root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Compiles a selector.
     *
     * @param text the selector; {@code null}, empty or only whitespace means "no selector"
     * @return the compiled selector; {@link #matchAll()} when there is no selector
     * @throws SelectorSyntaxException when the selector is not valid
     */
    public static Selector compile(String text) {
        if (text == null || text.isBlank()) {
            return MATCH_ALL;
        }
        return new Selector(text, Parser.parse(text));
    }

    /** Returns the shared selector that matches every message; its {@link #text()} is empty. */
    public static Selector matchAll() {
        return MATCH_ALL;
    }

    /**
     * Tells whether a message is selected.
     *
     * @param source the message's header fields and properties
     * @return {@code true} only when the selector evaluates to TRUE; FALSE and UNKNOWN do not match
     */
    public boolean matches(PropertySource source) {
        return root.test(source) == Ternary.TRUE;
    }

    /** Returns the selector text as given to {@link #compile(String)}, or "" for {@link #matchAll()}. */
    public String text() {
        return text;
    }

    /** Tells whether this is the selector that matches every message. */
    public boolean isMatchAll() {
        return this == MATCH_ALL;
    }

    /** Two selectors are equal when their texts are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Selector && ((Selector) other).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "Selector[" + text + "]";
    }
}
