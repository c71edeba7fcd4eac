package org.cairnmq.server.store;

/**
 * The outcome of one append.
 *
 * @param status what happened; the other components are meaningful only for {@link PutStatus#OK}
 * @param commitLogOffset the physical offset of the record's first byte, or -1
 * @param queueOffset the record's logical offset in its ConsumeQueue, or -1
 * @param sizeBytes the encoded record's length in bytes, or 0
 * @param storeTimestampMs when the store wrote the record, in epoch milliseconds, or 0
 */
public record AppendResult(PutStatus status, long commitLogOffset, long queueOffset, int sizeBytes,
        long storeTimestampMs) {

    /**
     * @param status a failure status
     * @return a result carrying only that status
     */
    public static AppendResult failed(PutStatus status) {
        return new AppendResult(status, -1L, -1L, 0, 0L);
    }

    /**
     * @return whether the record was stored
     */
    public boolean isOk() {
        return status == PutStatus.OK;
    }
}
