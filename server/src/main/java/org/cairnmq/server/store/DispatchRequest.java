package org.cairnmq.server.store;

/**
 * One record of the CommitLog as the dispatch thread hands it to the structures built from the log
 * (ConsumeQueues, the key index), after the record is appended or while recovery replays the log.
 *
 * @param topic the topic the record was appended to
 * @param queueId the queue of the topic
 * @param queueOffset the logical offset of the record in its ConsumeQueue
 * @param commitLogOffset the physical offset of the record's first byte in the CommitLog
 * @param sizeBytes the whole record's length in bytes
 * @param tagsCode a 64-bit value the producer side chose for cheap filtering (a tag hash, or a
 *     delivery time for delayed records), copied into the ConsumeQueue entry
 * @param storeTimestampMs when the broker stored the record, in epoch milliseconds
 * @param flags the record's flags, as appended
 * @param key the record's lookup key (the message id), or an empty array when it has none
 */
public record DispatchRequest(
        String topic,
        int queueId,
        long queueOffset,
        long commitLogOffset,
        int sizeBytes,
        long tagsCode,
        long storeTimestampMs,
        int flags,
        byte[] key) {
}
