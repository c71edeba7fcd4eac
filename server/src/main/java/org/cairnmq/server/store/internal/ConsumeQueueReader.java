package org.cairnmq.server.store.internal;

import static org.cairnmq.server.store.ConsumeQueueDescriptor.COMMIT_LOG_OFFSET_OFFSET;
import static org.cairnmq.server.store.ConsumeQueueDescriptor.SIZE_OFFSET;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.cairnmq.server.store.GetResult;
import org.cairnmq.server.store.GetStatus;
import org.cairnmq.server.store.StoredRecord;

/**
 * Reads records through a ConsumeQueue: entry, then a zero-copy slice of the CommitLog.
 *
 * <p>Thread-safe: it only reads published entries and mapped segments.
 */
public final class ConsumeQueueReader {

    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;

    /**
     * @param commitLog the CommitLog
     * @param consumeQueues the ConsumeQueues
     */
    public ConsumeQueueReader(CommitLog commitLog, ConsumeQueueTable consumeQueues) {
        this.commitLog = commitLog;
        this.consumeQueues = consumeQueues;
    }

    /**
     * @param topic the topic
     * @param queueId the queue
     * @param queueOffset the first logical offset to read
     * @param maxCount the most records to return
     * @return the records found and where to continue
     */
    public GetResult read(String topic, int queueId, long queueOffset, int maxCount) {
        ConsumeQueue queue = consumeQueues.find(topic, queueId);
        if (queue == null) {
            return new GetResult(GetStatus.NO_SUCH_QUEUE, List.of(), 0L, 0L, 0L);
        }
        long min = queue.minOffset();
        long max = queue.maxOffset();
        if (queueOffset < min) {
            return new GetResult(GetStatus.OFFSET_TOO_SMALL, List.of(), min, min, max);
        }
        if (queueOffset >= max) {
            GetStatus status = queueOffset == max ? GetStatus.NO_NEW_RECORD : GetStatus.OFFSET_TOO_BIG;
            return new GetResult(status, List.of(), max, min, max);
        }
        long end = Math.min(max, queueOffset + Math.max(0, maxCount));
        List<StoredRecord> records = new ArrayList<>((int) (end - queueOffset));
        long commitLogMin = commitLog.minOffset();
        long offset = queueOffset;
        for (; offset < end; offset++) {
            StoredRecord record = recordAt(queue, offset, commitLogMin);
            if (record != null) {
                records.add(record);
            }
        }
        GetStatus status = records.isEmpty() ? GetStatus.OFFSET_TOO_SMALL : GetStatus.FOUND;
        return new GetResult(status, records, offset, min, max);
    }

    private StoredRecord recordAt(ConsumeQueue queue, long queueOffset, long commitLogMin) {
        MappedSegment segment = queue.segmentFor(queueOffset);
        if (segment == null) {
            return null;
        }
        ByteBuffer buffer = segment.buffer();
        int position = ConsumeQueue.positionIn(segment, queueOffset);
        int sizeBytes = buffer.getInt(position + SIZE_OFFSET);
        long commitLogOffset = buffer.getLong(position + COMMIT_LOG_OFFSET_OFFSET);
        if (sizeBytes == 0 || commitLogOffset < commitLogMin) {
            return null;
        }
        return commitLog.slice(commitLogOffset, sizeBytes);
    }
}
