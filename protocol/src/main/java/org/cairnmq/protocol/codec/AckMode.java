package org.cairnmq.protocol.codec;

/** What an ACK's delivery ids mean. */
public enum AckMode {
    /** Acknowledges exactly the listed deliveries (per-message acknowledgement). */
    INDIVIDUAL(0),
    /** Acknowledges every delivery to the session up to and including the one given. */
    UP_TO(1),
    /** A code this version does not know. Never written. */
    UNKNOWN(-1);

    private final int code;

    AckMode(final int code) {
        this.code = code;
    }

    /**
     * Returns the wire value.
     *
     * @return the mode byte
     */
    public int code() {
        return code;
    }

    /**
     * Looks up a wire value.
     *
     * @param code the byte read from an ACK body
     * @return the mode, or {@link #UNKNOWN}
     */
    public static AckMode fromCode(final int code) {
        return switch (code) {
            case 0 -> INDIVIDUAL;
            case 1 -> UP_TO;
            default -> UNKNOWN;
        };
    }
}
