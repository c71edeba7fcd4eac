package org.cairnmq.protocol.selector;

import java.util.Set;

/**
 * A reference to a property or to one of the header fields a selector may name.
 *
 * <p>Per section 3.8.1.1, header references are restricted to {@code JMSDeliveryMode},
 * {@code JMSPriority}, {@code JMSMessageID}, {@code JMSTimestamp}, {@code JMSCorrelationID} and
 * {@code JMSType}; names beginning {@code JMSX} are Jakarta Messaging defined properties and names
 * beginning {@code JMS_} provider-specific properties. Any other name beginning {@code JMS} (such as
 * {@code JMSDestination}, {@code JMSExpiration} or {@code JMSRedelivered}) is not selectable: it
 * always evaluates to NULL and the {@link PropertySource} is never asked for it, so that a source
 * which happens to know such a header cannot widen the grammar. Identifiers are case-sensitive.
 */
final class Identifier implements Expression {

    private static final Set<String> SELECTABLE_HEADERS = Set.of(
            "JMSDeliveryMode", "JMSPriority", "JMSMessageID", "JMSTimestamp", "JMSCorrelationID", "JMSType");

    private final String name;
    private final boolean selectable;

    Identifier(String name) {
        this.name = name;
        this.selectable = isSelectable(name);
    }

    /** Tells whether a selector may read the identifier from a message. */
    static boolean isSelectable(String name) {
        if (!name.startsWith("JMS") || name.startsWith("JMSX") || name.startsWith("JMS_")) {
            return true;
        }
        return SELECTABLE_HEADERS.contains(name);
    }

    String name() {
        return name;
    }

    @Override
    public Object evaluate(PropertySource source) {
        return selectable ? source.get(name) : null;
    }

    @Override
    public ValueType type() {
        return ValueType.ANY;
    }
}
