package org.cairnmq.protocol.selector;

/** The literals TRUE and FALSE, which are conditions in their own right. */
final class BooleanLiteral implements Condition {

    static final BooleanLiteral TRUE = new BooleanLiteral(Ternary.TRUE);
    static final BooleanLiteral FALSE = new BooleanLiteral(Ternary.FALSE);

    private final Ternary value;

    private BooleanLiteral(Ternary value) {
        this.value = value;
    }

    @Override
    public Ternary test(PropertySource source) {
        return value;
    }
}
