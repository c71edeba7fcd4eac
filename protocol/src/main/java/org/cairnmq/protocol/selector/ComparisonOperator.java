package org.cairnmq.protocol.selector;

/** The comparison operators, applied with Java's primitive semantics (so NaN equals nothing). */
enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /** Tells whether this is {@code =} or {@code <>}, the only operators strings and booleans allow. */
    boolean isEquality() {
        return this == EQUAL || this == NOT_EQUAL;
    }

    boolean apply(long left, long right) {
        switch (this) {
            case EQUAL:
                return left == right;
            case NOT_EQUAL:
                return left != right;
            case LESS:
                return left < right;
            case LESS_OR_EQUAL:
                return left <= right;
            case GREATER:
                return left > right;
            default:
                return left >= right;
        }
    }

    boolean apply(double left, double right) {
        switch (this) {
            case EQUAL:
                return left == right;
            case NOT_EQUAL:
                return left != right;
            case LESS:
                return left < right;
            case LESS_OR_EQUAL:
                return left <= right;
            case GREATER:
                return left > right;
            default:
                return left >= right;
        }
    }

    /** Applies {@code =} or {@code <>} to two values of a type without an order. */
    boolean applyEquality(boolean equal) {
        return this == EQUAL ? equal : !equal;
    }
}
