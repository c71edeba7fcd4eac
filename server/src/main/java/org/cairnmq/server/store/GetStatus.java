package org.cairnmq.server.store;

/**
 * The outcome of a read from a ConsumeQueue.
 */
public enum GetStatus {
    /** At least one record was found at or after the requested offset. */
    FOUND(0),
    /** The requested offset equals the queue's max offset: nothing new yet. */
    NO_NEW_RECORD(1),
    /** The requested offset is below the queue's min offset (deleted by retention). */
    OFFSET_TOO_SMALL(2),
    /** The requested offset is above the queue's max offset. */
    OFFSET_TOO_BIG(3),
    /** No record was ever dispatched to this topic and queue. */
    NO_SUCH_QUEUE(4),
    /** A status this version does not know. */
    UNKNOWN(-1);

    private static final GetStatus[] BY_CODE = {FOUND, NO_NEW_RECORD, OFFSET_TOO_SMALL, OFFSET_TOO_BIG, NO_SUCH_QUEUE};

    private final int code;

    GetStatus(int code) {
        this.code = code;
    }

    /**
     * @return the stable numeric value of this status
     */
    public int code() {
        return code;
    }

    /**
     * @param code a numeric value
     * @return the status with that value, or {@link #UNKNOWN}
     */
    public static GetStatus fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }
}
