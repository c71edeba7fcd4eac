package org.cairnmq.protocol.selector;

/**
 * What a message selector reads from a message: its properties and the JMS header fields the
 * specification lets a selector name.
 *
 * <p>Implementations read straight from an encoded message record where they can, so that the broker
 * filters without building a message object.
 */
@FunctionalInterface
public interface PropertySource {

    /**
     * Returns the value a selector identifier stands for.
     *
     * @param identifier a property name, or one of the header identifiers {@code JMSDeliveryMode}
     *     (as the string {@code "PERSISTENT"} or {@code "NON_PERSISTENT"}), {@code JMSPriority},
     *     {@code JMSMessageID}, {@code JMSTimestamp}, {@code JMSCorrelationID}, {@code JMSType}
     * @return a {@link Boolean}, {@link Byte}, {@link Short}, {@link Integer}, {@link Long},
     *     {@link Float}, {@link Double} or {@link String}; {@code null} when the message has no such
     *     value (the selector's unknown)
     */
    Object get(String identifier);
}
