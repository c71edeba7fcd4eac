package org.cairnmq.protocol.selector;

/**
 * {@code identifier [NOT] LIKE 'pattern' [ESCAPE 'c']}. UNKNOWN when the identifier is NULL. A value
 * that is not a string cannot be compared with a pattern, which like any comparison of non-like
 * types is FALSE, for LIKE and NOT LIKE alike.
 */
final class Like implements Condition {

    private final Identifier identifier;
    private final LikePattern pattern;
    private final boolean negated;

    Like(Identifier identifier, LikePattern pattern, boolean negated) {
        this.identifier = identifier;
        this.pattern = pattern;
        this.negated = negated;
    }

    @Override
    public Ternary test(PropertySource source) {
        Object value = identifier.evaluate(source);
        if (value == null) {
            return Ternary.UNKNOWN;
        }
        if (!(value instanceof String)) {
            return Ternary.FALSE;
        }
        return Ternary.of(pattern.matches((String) value) != negated);
    }
}
