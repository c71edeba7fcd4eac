package org.cairnmq.protocol.selector;

/**
 * Unary {@code -} or {@code +} on an expression that is not a literal (literals are folded by the
 * parser). Integral values are widened to {@code long}, floating ones to {@code double}; a
 * non-numeric or NULL operand gives NULL, so {@code +name = 'x'} is UNKNOWN for a string name.
 */
final class UnaryArithmetic implements Expression {

    private final boolean negate;
    private final Expression operand;
    private final int depth;

    UnaryArithmetic(boolean negate, Expression operand) {
        this.negate = negate;
        this.operand = operand;
        this.depth = Nodes.depthOver(operand);
    }

    @Override
    public Object evaluate(PropertySource source) {
        Object value = operand.evaluate(source);
        if (Values.isIntegral(value)) {
            long number = ((Number) value).longValue();
            return negate ? -number : number;
        }
        if (Values.isFloating(value)) {
            double number = ((Number) value).doubleValue();
            return negate ? -number : number;
        }
        return null;
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
