package org.cairnmq.protocol.selector;

/** {@code identifier IS [NOT] NULL}: never UNKNOWN. */
final class IsNull implements Condition {

    private final Identifier identifier;
    private final boolean negated;

    IsNull(Identifier identifier, boolean negated) {
        this.identifier = identifier;
        this.negated = negated;
    }

    @Override
    public Ternary test(PropertySource source) {
        return Ternary.of((identifier.evaluate(source) == null) != negated);
    }
}
