package org.cairnmq.protocol.selector;

/**
 * A node of a compiled selector that produces a truth value; its value form is a {@link Boolean} or
 * {@code null} for UNKNOWN, so that conditions can also be compared with {@code =} and {@code <>}.
 */
interface Condition extends Expression {

    /** Evaluates this condition against one message. */
    Ternary test(PropertySource source);

    @Override
    default Object evaluate(PropertySource source) {
        return test(source).toBoolean();
    }

    @Override
    default ValueType type() {
        return ValueType.BOOLEAN;
    }
}
