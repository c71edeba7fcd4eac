package org.cairnmq.ra.inbound;

import java.util.Locale;

/** The {@code destinationType} activation property: which kind of destination an endpoint consumes from. */
public enum DestinationType {
    /** {@code jakarta.jms.Queue}. */
    QUEUE("jakarta.jms.Queue"),
    /** {@code jakarta.jms.Topic}. */
    TOPIC("jakarta.jms.Topic");

    private final String propertyValue;

    DestinationType(final String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /**
     * Returns the value the specification names.
     *
     * @return {@code jakarta.jms.Queue} or {@code jakarta.jms.Topic}
     */
    public String propertyValue() {
        return propertyValue;
    }

    /**
     * Parses a property value: the specification's class names, their {@code javax.jms} forms, or
     * the simple names {@code Queue} and {@code Topic}, ignoring case.
     *
     * @param value the property value
     * @return the type, or {@code null} if the value names neither
     */
    public static DestinationType parse(final String value) {
        final String simple = value.trim().toLowerCase(Locale.ROOT).replaceFirst("^(jakarta|javax)\\.jms\\.", "");
        return switch (simple) {
            case "queue" -> QUEUE;
            case "topic" -> TOPIC;
            default -> null;
        };
    }
}
