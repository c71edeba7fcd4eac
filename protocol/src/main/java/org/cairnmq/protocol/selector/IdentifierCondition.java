package org.cairnmq.protocol.selector;

/**
 * An identifier used as a condition ({@code active AND price > 2}): TRUE or FALSE when the message
 * carries a {@link Boolean}, UNKNOWN otherwise.
 *
 * <p>Design note: a value of another type is UNKNOWN rather than FALSE, so that {@code NOT count}
 * does not match a message whose {@code count} is the number 5.
 */
final class IdentifierCondition implements Condition {

    private final Identifier identifier;

    IdentifierCondition(Identifier identifier) {
        this.identifier = identifier;
    }

    @Override
    public Ternary test(PropertySource source) {
        return Ternary.ofValue(identifier.evaluate(source));
    }
}
