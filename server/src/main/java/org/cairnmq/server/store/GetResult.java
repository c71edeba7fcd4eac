package org.cairnmq.server.store;

import java.util.List;

/**
 * The outcome of a read from one ConsumeQueue.
 *
 * @param status what happened
 * @param records the records found, in queue order (empty unless {@link GetStatus#FOUND})
 * @param nextQueueOffset where the next read should start
 * @param minQueueOffset the queue's lowest readable offset at the time of the read
 * @param maxQueueOffset the queue's next offset to be written (one past the last readable)
 */
public record GetResult(GetStatus status, List<StoredRecord> records, long nextQueueOffset, long minQueueOffset,
        long maxQueueOffset) {
}
