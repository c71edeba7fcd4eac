package org.cairnmq.protocol.selector;

/**
 * The binary arithmetic operators, in {@code long} for integral operands and {@code double}
 * otherwise. Division by zero returns {@code null} (UNKNOWN) instead of throwing or producing an
 * infinity, in both domains, so that a selector never fails a dispatch.
 */
enum ArithmeticOperator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/");

    private final String symbol;

    ArithmeticOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /** Applies the operator to integral operands, with Java's wrap-around and truncating division. */
    Long apply(long left, long right) {
        switch (this) {
            case ADD:
                return left + right;
            case SUBTRACT:
                return left - right;
            case MULTIPLY:
                return left * right;
            default:
                return right == 0 ? null : left / right;
        }
    }

    /** Applies the operator to floating-point operands. */
    Double apply(double left, double right) {
        switch (this) {
            case ADD:
                return left + right;
            case SUBTRACT:
                return left - right;
            case MULTIPLY:
                return left * right;
            default:
                return right == 0 ? null : left / right;
        }
    }
}
