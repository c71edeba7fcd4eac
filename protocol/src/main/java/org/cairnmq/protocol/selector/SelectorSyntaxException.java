package org.cairnmq.protocol.selector;

/**
 * Thrown when a message selector is not syntactically valid. The provider turns it into a
 * {@code jakarta.jms.InvalidSelectorException}; the broker into an error response.
 *
 * <p>The message reads like {@code "Unexpected token ')' at position 12: expected end of selector"}.
 */
public final class SelectorSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SelectorError error;
    private final int position;
    private final String selector;

    /**
     * Creates the exception.
     *
     * @param error the category of the error
     * @param subject what was found, such as {@code "')'"}, placed after the description; may be
     *     {@code null}
     * @param detail what was expected, appended after the position; may be {@code null}
     * @param selector the selector text that was rejected
     * @param position the 0-based character offset in {@code selector} where the error was found
     */
    SelectorSyntaxException(SelectorError error, String subject, String detail, String selector,
            int position) {
        super(message(error, subject, detail, position));
        this.error = error;
        this.position = position;
        this.selector = selector;
    }

    private static String message(SelectorError error, String subject, String detail, int position) {
        StringBuilder text = new StringBuilder(error.description());
        if (subject != null) {
            text.append(' ').append(subject);
        }
        text.append(" at position ").append(position);
        if (detail != null) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }

    /** Returns the category of the error. */
    public SelectorError error() {
        return error;
    }

    /** Returns the 0-based character offset in the selector where the error was found. */
    public int position() {
        return position;
    }

    /** Returns the rejected selector text. */
    public String selector() {
        return selector;
    }
}
