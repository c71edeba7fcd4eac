package org.cairnmq.protocol.selector;

/** {@code NOT operand} per table 3-6: UNKNOWN stays UNKNOWN. */
final class Not implements Condition {

    private final Condition operand;
    private final int depth;

    Not(Condition operand) {
        this.operand = operand;
        this.depth = Nodes.depthOver(operand);
    }

    @Override
    public Ternary test(PropertySource source) {
        return operand.test(source).not();
    }

    @Override
    public int depth() {
        return depth;
    }
}
