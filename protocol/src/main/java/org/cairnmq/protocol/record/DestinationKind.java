package org.cairnmq.protocol.record;

/** The kind of a destination named in a record (its destination and its reply-to). */
public enum DestinationKind {
    /** A queue. */
    QUEUE(1),
    /** A topic. */
    TOPIC(2),
    /** A temporary queue, living as long as the connection that created it. */
    TEMP_QUEUE(3),
    /** A temporary topic, living as long as the connection that created it. */
    TEMP_TOPIC(4),
    /** A code this version does not know. Never written. */
    UNKNOWN(-1);

    private static final DestinationKind[] BY_CODE = {null, QUEUE, TOPIC, TEMP_QUEUE, TEMP_TOPIC};

    private final int code;

    DestinationKind(final int code) {
        this.code = code;
    }

    /**
     * Returns the wire value.
     *
     * @return the byte written to the record
     */
    public int code() {
        return code;
    }

    /**
     * Tells whether this kind is a topic, temporary or not.
     *
     * @return {@code true} for {@link #TOPIC} and {@link #TEMP_TOPIC}
     */
    public boolean isTopic() {
        return this == TOPIC || this == TEMP_TOPIC;
    }

    /**
     * Looks up a wire value.
     *
     * @param code the byte read from a record
     * @return the kind, or {@link #UNKNOWN}
     */
    public static DestinationKind fromCode(final int code) {
        if (code < 1 || code >= BY_CODE.length) {
            return UNKNOWN;
        }
        return BY_CODE[code];
    }
}
