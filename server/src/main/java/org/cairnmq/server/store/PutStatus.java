package org.cairnmq.server.store;

/**
 * The outcome of an append. The append path reports these values and does not throw.
 */
public enum PutStatus {
    /** The record is stored (and, in {@link FlushMode#SYNC}, durable). */
    OK(0),
    /** Free disk space is below {@link StoreConfig#diskFullReserveBytes()}; nothing was written. */
    DISK_FULL(1),
    /** The encoded record is longer than {@link StoreConfig#maxRecordBytes()}; nothing was written. */
    RECORD_TOO_LARGE(2),
    /** The store is not started or is closing; nothing was written. */
    STORE_CLOSED(3),
    /** Writing or forcing failed; the record may not be durable and the store refuses further appends. */
    IO_ERROR(4),
    /** A status this version does not know. */
    UNKNOWN(-1);

    private static final PutStatus[] BY_CODE = {OK, DISK_FULL, RECORD_TOO_LARGE, STORE_CLOSED, IO_ERROR};

    private final int code;

    PutStatus(int code) {
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
    public static PutStatus fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }
}
