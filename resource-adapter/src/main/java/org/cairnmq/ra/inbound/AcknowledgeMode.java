package org.cairnmq.ra.inbound;

import java.util.Locale;

/** The {@code acknowledgeMode} activation property of a non-transacted endpoint. */
public enum AcknowledgeMode {
    /** {@code Auto-acknowledge}: each message is acknowledged once {@code onMessage} returns. */
    AUTO("Auto-acknowledge"),
    /** {@code Dups-ok-acknowledge}: acknowledged as {@link #AUTO} is; duplicates are allowed, not made. */
    DUPS_OK("Dups-ok-acknowledge");

    private final String propertyValue;

    AcknowledgeMode(final String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /**
     * Returns the value the specification names.
     *
     * @return {@code Auto-acknowledge} or {@code Dups-ok-acknowledge}
     */
    public String propertyValue() {
        return propertyValue;
    }

    /**
     * Parses a property value, ignoring case, {@code -} and {@code _} ({@code AUTO_ACKNOWLEDGE} is accepted).
     *
     * @param value the property value
     * @return the mode, or {@code null} if the value names neither
     */
    public static AcknowledgeMode parse(final String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")) {
            case "autoacknowledge" -> AUTO;
            case "dupsokacknowledge" -> DUPS_OK;
            default -> null;
        };
    }
}
