package org.cairnmq.server.store.internal;

import static org.cairnmq.server.store.ConsumeQueueDescriptor.COMMIT_LOG_OFFSET_OFFSET;
import static org.cairnmq.server.store.ConsumeQueueDescriptor.ENTRY_BYTES;
import static org.cairnmq.server.store.ConsumeQueueDescriptor.FLAGS_OFFSET;
import static org.cairnmq.server.store.ConsumeQueueDescriptor.SIZE_OFFSET;
import static org.cairnmq.server.store.ConsumeQueueDescriptor.STORE_TIMESTAMP_OFFSET;
import static org.cairnmq.server.store.ConsumeQueueDescriptor.TAGS_CODE_OFFSET;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.cairnmq.server.store.ConsumeQueueDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of one (topic, queue id): fixed-width entries laid out as in
 * {@link ConsumeQueueDescriptor}, so logical offset {@code n} is at byte {@code n * ENTRY_BYTES}.
 *
 * <p>Owning threads: the dispatch thread writes entries and flushes ({@link #put}, {@link #flush});
 * the housekeeping thread drops old segments ({@link #deleteBelow}); recovery runs {@link #load}
 * before either starts. Readers see entries below {@link #maxOffset()}, which is published after the
 * entry is written.
 */
public final class ConsumeQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueue.class);

    private final String topic;
    private final int queueId;
    private final MappedSegmentList segments;
    private volatile long minOffset;
    private volatile long maxOffset;
    private boolean dirty;

    /**
     * @param topic the topic
     * @param queueId the queue id
     * @param directory the queue's directory
     * @param entriesPerSegment entries per segment file
     */
    public ConsumeQueue(String topic, int queueId, Path directory, int entriesPerSegment) {
        this.topic = topic;
        this.queueId = queueId;
        this.segments = new MappedSegmentList(directory, entriesPerSegment * ENTRY_BYTES);
    }

    /**
     * @return the topic
     */
    public String topic() {
        return topic;
    }

    /**
     * @return the queue id
     */
    public int queueId() {
        return queueId;
    }

    /**
     * @return the lowest readable logical offset
     */
    public long minOffset() {
        return minOffset;
    }

    /**
     * @return one past the highest written logical offset
     */
    public long maxOffset() {
        return maxOffset;
    }

    /**
     * Maps the queue's files, drops entries that point past {@code commitLogEndOffset} and sets the
     * offsets. Recovery only.
     *
     * @param commitLogMinOffset the CommitLog's oldest offset
     * @param commitLogEndOffset where the recovered CommitLog ends
     */
    public void load(long commitLogMinOffset, long commitLogEndOffset) {
        segments.load();
        MappedSegment[] loaded = segments.segments();
        if (loaded.length == 0) {
            return;
        }
        long max = loaded[0].baseOffset() / ENTRY_BYTES;
        for (int i = loaded.length - 1; i >= 0; i--) {
            int lastIndex = lastEntryIndex(loaded[i]);
            if (lastIndex >= 0) {
                max = loaded[i].baseOffset() / ENTRY_BYTES + lastIndex + 1;
                break;
            }
        }
        long first = loaded[0].baseOffset() / ENTRY_BYTES;
        while (max > first && entryEnd(max - 1) > commitLogEndOffset) {
            zeroEntry(max - 1);
            max--;
        }
        segments.deleteAfter(max * ENTRY_BYTES);
        for (MappedSegment segment : segments.segments()) {
            int position = (int) Math.min(segment.sizeBytes(), Math.max(0, max * ENTRY_BYTES - segment.baseOffset()));
            segment.wrotePosition(position);
            segment.flush();
        }
        maxOffset = max;
        minOffset = firstOffsetAtOrAbove(commitLogMinOffset);
    }

    /**
     * Writes the entry of {@code queueOffset}; an offset already written is skipped, so that replays
     * after recovery are harmless. Dispatch thread only.
     *
     * @param queueOffset the record's logical offset
     * @param commitLogOffset the record's physical offset
     * @param sizeBytes the record's length, positive
     * @param flags the record's flags
     * @param tagsCode the record's tags code
     * @param storeTimestampMs the record's store timestamp
     */
    public void put(long queueOffset, long commitLogOffset, int sizeBytes, int flags, long tagsCode,
            long storeTimestampMs) {
        long max = maxOffset;
        if (queueOffset < max) {
            return;
        }
        if (segments.isEmpty()) {
            minOffset = queueOffset;
        } else if (queueOffset > max) {
            LOG.warn("ConsumeQueue {}-{} has a gap from {} to {}", topic, queueId, max, queueOffset);
        }
        MappedSegment segment = segmentForWrite(queueOffset * ENTRY_BYTES);
        ByteBuffer buffer = segment.buffer();
        int position = (int) (queueOffset * ENTRY_BYTES - segment.baseOffset());
        buffer.putLong(position + COMMIT_LOG_OFFSET_OFFSET, commitLogOffset);
        buffer.putInt(position + FLAGS_OFFSET, flags);
        buffer.putLong(position + TAGS_CODE_OFFSET, tagsCode);
        buffer.putLong(position + STORE_TIMESTAMP_OFFSET, storeTimestampMs);
        buffer.putInt(position + SIZE_OFFSET, sizeBytes);
        segment.wrotePosition(position + ENTRY_BYTES);
        maxOffset = queueOffset + 1;
        dirty = true;
    }

    private MappedSegment segmentForWrite(long byteOffset) {
        int segmentBytes = segments.segmentBytes();
        if (segments.isEmpty()) {
            return segments.createNext(byteOffset - byteOffset % segmentBytes);
        }
        MappedSegment segment = segments.find(byteOffset);
        while (segment == null) {
            MappedSegment last = segments.last();
            last.wrotePosition(segmentBytes);
            segments.createNext(last.endOffset());
            segment = segments.find(byteOffset);
        }
        return segment;
    }

    /**
     * Forces entries written since the last flush. Dispatch thread only.
     */
    public void flush() {
        if (!dirty) {
            return;
        }
        for (MappedSegment segment : segments.segments()) {
            if (segment.flushedPosition() < segment.wrotePosition()) {
                segment.flush();
            }
        }
        dirty = false;
    }

    /**
     * @param queueOffset a logical offset
     * @return the segment holding its entry, or null
     */
    public MappedSegment segmentFor(long queueOffset) {
        return segments.find(queueOffset * ENTRY_BYTES);
    }

    /**
     * @param segment the segment from {@link #segmentFor}
     * @param queueOffset the logical offset
     * @return the entry's position in the segment
     */
    public static int positionIn(MappedSegment segment, long queueOffset) {
        return (int) (queueOffset * ENTRY_BYTES - segment.baseOffset());
    }

    /**
     * @param queueOffset a logical offset below {@link #maxOffset()}
     * @return the entry's CommitLog offset, or -1 when the entry is absent or deleted
     */
    public long commitLogOffsetAt(long queueOffset) {
        MappedSegment segment = segmentFor(queueOffset);
        if (segment == null) {
            return -1L;
        }
        int position = positionIn(segment, queueOffset);
        ByteBuffer buffer = segment.buffer();
        return buffer.getInt(position + SIZE_OFFSET) == 0 ? -1L : buffer.getLong(position + COMMIT_LOG_OFFSET_OFFSET);
    }

    /**
     * Binary search by store timestamp, which the appender keeps non-decreasing.
     *
     * @param epochMs a time
     * @return the first logical offset whose record was stored at or after {@code epochMs}, or
     *     {@link #maxOffset()} if none
     */
    public long offsetForTimestamp(long epochMs) {
        long low = minOffset;
        long high = maxOffset;
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (storeTimestampAt(mid) < epochMs) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private long storeTimestampAt(long queueOffset) {
        MappedSegment segment = segmentFor(queueOffset);
        if (segment == null) {
            return Long.MIN_VALUE;
        }
        int position = positionIn(segment, queueOffset);
        ByteBuffer buffer = segment.buffer();
        return buffer.getInt(position + SIZE_OFFSET) == 0 ? Long.MIN_VALUE
                : buffer.getLong(position + STORE_TIMESTAMP_OFFSET);
    }

    /**
     * Deletes segments whose entries all point below {@code commitLogMinOffset} (never the last) and
     * moves the min offset. Housekeeping thread only.
     *
     * @param commitLogMinOffset the CommitLog's new oldest offset
     */
    public void deleteBelow(long commitLogMinOffset) {
        MappedSegment[] snapshot = segments.segments();
        int index = 0;
        while (index < snapshot.length - 1) {
            MappedSegment segment = snapshot[index];
            long lastOffset = segment.endOffset() / ENTRY_BYTES - 1;
            if (entryEnd(lastOffset) > commitLogMinOffset) {
                break;
            }
            segments.deleteFirst();
            index++;
        }
        minOffset = firstOffsetAtOrAbove(commitLogMinOffset);
    }

    private long firstOffsetAtOrAbove(long commitLogMinOffset) {
        MappedSegment first = segments.first();
        long offset = first == null ? maxOffset : Math.max(minOffset, first.baseOffset() / ENTRY_BYTES);
        long max = maxOffset;
        while (offset < max) {
            long commitLogOffset = commitLogOffsetAt(offset);
            if (commitLogOffset >= commitLogMinOffset) {
                return offset;
            }
            offset++;
        }
        return max;
    }

    private long entryEnd(long queueOffset) {
        MappedSegment segment = segmentFor(queueOffset);
        if (segment == null) {
            return 0L;
        }
        int position = positionIn(segment, queueOffset);
        ByteBuffer buffer = segment.buffer();
        int size = buffer.getInt(position + SIZE_OFFSET);
        return size == 0 ? 0L : buffer.getLong(position + COMMIT_LOG_OFFSET_OFFSET) + size;
    }

    private void zeroEntry(long queueOffset) {
        MappedSegment segment = segmentFor(queueOffset);
        int position = positionIn(segment, queueOffset);
        segment.buffer().put(position, new byte[ENTRY_BYTES]);
    }

    private static int lastEntryIndex(MappedSegment segment) {
        ByteBuffer buffer = segment.buffer();
        for (int index = segment.sizeBytes() / ENTRY_BYTES - 1; index >= 0; index--) {
            if (buffer.getInt(index * ENTRY_BYTES + SIZE_OFFSET) != 0) {
                return index;
            }
        }
        return -1;
    }
}
