package org.cairnmq.ra.inbound;

import java.util.Locale;

/** The {@code subscriptionDurability} activation property of a topic endpoint. */
public enum SubscriptionDurability {
    /** {@code Durable}: the subscription keeps messages while the endpoint is not active. */
    DURABLE("Durable"),
    /** {@code NonDurable}: the subscription lives as long as the activation. */
    NON_DURABLE("NonDurable");

    private final String propertyValue;

    SubscriptionDurability(final String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /**
     * Returns the value the specification names.
     *
     * @return {@code Durable} or {@code NonDurable}
     */
    public String propertyValue() {
        return propertyValue;
    }

    /**
     * Parses a property value, ignoring case, {@code -} and {@code _}.
     *
     * @param value the property value
     * @return the durability, or {@code null} if the value names neither
     */
    public static SubscriptionDurability parse(final String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")) {
            case "durable" -> DURABLE;
            case "nondurable" -> NON_DURABLE;
            default -> null;
        };
    }
}
