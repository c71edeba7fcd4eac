package org.cairnmq.protocol.selector;

/** A string or numeric literal: the same boxed value for every message, so nothing is allocated. */
final class Literal implements Expression {

    private final Object value;
    private final ValueType type;

    private Literal(Object value, ValueType type) {
        this.value = value;
        this.type = type;
    }

    static Literal ofString(String value) {
        return new Literal(value, ValueType.STRING);
    }

    static Literal ofNumber(Number value) {
        return new Literal(value, ValueType.NUMERIC);
    }

    Object value() {
        return value;
    }

    @Override
    public Object evaluate(PropertySource source) {
        return value;
    }

    @Override
    public ValueType type() {
        return type;
    }
}
