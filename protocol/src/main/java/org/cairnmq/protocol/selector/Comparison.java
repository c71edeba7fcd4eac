package org.cairnmq.protocol.selector;

/** {@code left op right} for one of the six comparison operators; see {@link Values#compare}. */
final class Comparison implements Condition {

    private final ComparisonOperator operator;
    private final Expression left;
    private final Expression right;
    private final int depth;

    Comparison(ComparisonOperator operator, Expression left, Expression right) {
        this.operator = operator;
        this.left = left;
        this.right = right;
        this.depth = Nodes.depthOver(left, right);
    }

    @Override
    public Ternary test(PropertySource source) {
        Object leftValue = left.evaluate(source);
        if (leftValue == null) {
            return Ternary.UNKNOWN;
        }
        return Values.compare(operator, leftValue, right.evaluate(source));
    }

    @Override
    public int depth() {
        return depth;
    }
}
