package org.cairnmq.protocol.selector;

/**
 * {@code left op right} for {@code + - * /}. A non-numeric or NULL operand makes the result NULL
 * (UNKNOWN), as "a string cannot be used in an arithmetic expression".
 *
 * <p>Design note: the result is boxed, which allocates for values outside the small {@link Long}
 * cache. Arithmetic is rare in selectors; plain comparisons of properties with literals, the common
 * case, allocate nothing.
 */
final class Arithmetic implements Expression {

    private final ArithmeticOperator operator;
    private final Expression left;
    private final Expression right;
    private final int depth;

    Arithmetic(ArithmeticOperator operator, Expression left, Expression right) {
        this.operator = operator;
        this.left = left;
        this.right = right;
        this.depth = Nodes.depthOver(left, right);
    }

    @Override
    public Object evaluate(PropertySource source) {
        Object leftValue = left.evaluate(source);
        if (!Values.isNumeric(leftValue)) {
            return null;
        }
        Object rightValue = right.evaluate(source);
        if (!Values.isNumeric(rightValue)) {
            return null;
        }
        Number leftNumber = (Number) leftValue;
        Number rightNumber = (Number) rightValue;
        if (Values.isIntegral(leftValue) && Values.isIntegral(rightValue)) {
            return operator.apply(leftNumber.longValue(), rightNumber.longValue());
        }
        return operator.apply(leftNumber.doubleValue(), rightNumber.doubleValue());
    }

    @Override
    public ValueType type() {
        return ValueType.NUMERIC;
    }

    @Override
    public int depth() {
        return depth;
    }
}
