package org.cairnmq.server.store;

/**
 * When an append is acknowledged relative to the {@code force} that makes it durable.
 */
public enum FlushMode {
    /** The append's future completes only after its record is forced to disk (group commit). */
    SYNC(0),
    /** The append's future completes after the write; a periodic flusher forces the log. */
    ASYNC(1),
    /** A mode this version does not know. */
    UNKNOWN(-1);

    private final int code;

    FlushMode(int code) {
        this.code = code;
    }

    /**
     * @return the stable numeric value of this mode
     */
    public int code() {
        return code;
    }

    /**
     * @param code a numeric value
     * @return the mode with that value, or {@link #UNKNOWN}
     */
    public static FlushMode fromCode(int code) {
        for (FlushMode mode : values()) {
            if (mode.code == code) {
                return mode;
            }
        }
        return UNKNOWN;
    }
}
