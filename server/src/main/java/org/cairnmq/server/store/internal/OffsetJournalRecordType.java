package org.cairnmq.server.store.internal;

/**
 * The kinds of record in the consumer-offset journal, with their wire values.
 */
public enum OffsetJournalRecordType {

    /** Binds a key id to a (group, topic, queue id); later records name the key by its id. */
    DEFINE_KEY(1),
    /** One queue offset acknowledged. */
    ACK(2),
    /** Every queue offset up to and including one acknowledged. */
    ACK_UP_TO(3),
    /** The acked offset moved to a queue offset, the out-of-order acks cleared. */
    RESET(4),
    /** The key's progress forgotten. */
    REMOVE_KEY(5),
    /** A code this version does not know. */
    UNKNOWN(-1);

    private static final OffsetJournalRecordType[] BY_CODE = {
        UNKNOWN, DEFINE_KEY, ACK, ACK_UP_TO, RESET, REMOVE_KEY
    };

    private final int code;

    OffsetJournalRecordType(int code) {
        this.code = code;
    }

    /**
     * @return the value written to the journal
     */
    public int code() {
        return code;
    }

    /**
     * @param code a value read from the journal
     * @return its type, or {@link #UNKNOWN}
     */
    public static OffsetJournalRecordType fromCode(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }
}
