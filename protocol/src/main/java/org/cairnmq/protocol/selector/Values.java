package org.cairnmq.protocol.selector;

/**
 * The type rules of section 3.8.1.1 applied to evaluated values.
 *
 * <p>Integral values ({@link Byte}, {@link Short}, {@link Integer}, {@link Long}) are widened to
 * {@code long}; when either side is a {@link Float} or {@link Double} both are widened to
 * {@code double}, as Java's binary numeric promotion does. Strings and booleans compare only with
 * their own type and only with {@code =} and {@code <>}. Anything else, including values of a type a
 * selector does not know, compares as FALSE: "if the comparison of non-like type values is
 * attempted, the value of the operation is false". NULL on either side is UNKNOWN.
 */
final class Values {

    private Values() {
    }

    static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte;
    }

    static boolean isFloating(Object value) {
        return value instanceof Double || value instanceof Float;
    }

    static boolean isNumeric(Object value) {
        return isIntegral(value) || isFloating(value);
    }

    /** Compares two evaluated values. */
    static Ternary compare(ComparisonOperator operator, Object left, Object right) {
        if (left == null || right == null) {
            return Ternary.UNKNOWN;
        }
        if (isIntegral(left) && isIntegral(right)) {
            return Ternary.of(operator.apply(((Number) left).longValue(), ((Number) right).longValue()));
        }
        if (isNumeric(left) && isNumeric(right)) {
            return Ternary.of(operator.apply(((Number) left).doubleValue(), ((Number) right).doubleValue()));
        }
        if (!operator.isEquality()) {
            return Ternary.FALSE;
        }
        if (left instanceof String && right instanceof String) {
            return Ternary.of(operator.applyEquality(left.equals(right)));
        }
        if (left instanceof Boolean && right instanceof Boolean) {
            return Ternary.of(operator.applyEquality(left.equals(right)));
        }
        return Ternary.FALSE;
    }
}
