package org.cairnmq.server.store.internal;

import java.nio.ByteBuffer;

import org.cairnmq.server.store.CommitLogRecordDescriptor;
import org.cairnmq.server.store.FlushMode;
import org.cairnmq.server.store.StoredRecord;

/**
 * The CommitLog's segments and its two global positions: {@code flushedOffset <= writtenOffset}.
 *
 * <p>Owning threads: {@link CommitLogAppender} writes the segments and sets {@code writtenOffset};
 * {@link #flush()} is called by the {@link GroupCommitter} in SYNC mode (on its thread, or on the
 * appender's while nothing is pending there) and by the flusher in ASYNC mode, and by
 * anyone through {@link org.cairnmq.server.store.MessageStore#flush()}; it is synchronized, so forces
 * never overlap and the flushed offset only grows. Any thread may read records below
 * {@link #confirmedOffset()}.
 */
public final class CommitLog {

    private final MappedSegmentList segments;
    private final FlushMode flushMode;
    private volatile long writtenOffset;
    private volatile long flushedOffset;
    /** SYNC mode: the end of the last batch with no durable record, readable without a force. */
    private volatile long confirmedUnforcedOffset;
    private volatile long forceCount;

    /**
     * @param segments the loaded segments
     * @param flushMode decides which position readers may see
     */
    public CommitLog(MappedSegmentList segments, FlushMode flushMode) {
        this.segments = segments;
        this.flushMode = flushMode;
    }

    /**
     * @return the segments
     */
    public MappedSegmentList segments() {
        return segments;
    }

    /**
     * Sets both positions after recovery, before any thread starts.
     *
     * @param recoveredEndOffset where the valid data ends
     */
    public void recovered(long recoveredEndOffset) {
        writtenOffset = recoveredEndOffset;
        flushedOffset = recoveredEndOffset;
        confirmedUnforcedOffset = recoveredEndOffset;
    }

    /**
     * SYNC mode: lets readers see everything written so far without forcing it. Appender only, after
     * a batch none of whose records is durable, while no batch waits for the group commit; every
     * earlier durable batch was forced before it, so only records that may be lost are readable
     * unforced.
     */
    public void confirmWrittenUnforced() {
        confirmedUnforcedOffset = writtenOffset;
    }

    /**
     * @return the offset one past the last written byte
     */
    public long writtenOffset() {
        return writtenOffset;
    }

    /**
     * Publishes written data. Appender only.
     *
     * @param offset the new written offset
     */
    public void writtenOffset(long offset) {
        writtenOffset = offset;
    }

    /**
     * @return the offset up to which the log is durable
     */
    public long flushedOffset() {
        return flushedOffset;
    }

    /**
     * @return the offset up to which records may be dispatched and read: in SYNC mode the flushed
     *     offset, or the end of a later batch with no durable record; the written offset in ASYNC mode
     */
    public long confirmedOffset() {
        return flushMode == FlushMode.SYNC ? Math.max(flushedOffset, confirmedUnforcedOffset) : writtenOffset;
    }

    /**
     * @return the offset of the oldest byte still stored
     */
    public long minOffset() {
        MappedSegment first = segments.first();
        return first == null ? writtenOffset : first.baseOffset();
    }

    /**
     * Forces everything written so far and advances the flushed offset.
     *
     * @return the new flushed offset
     */
    public synchronized long flush() {
        long target = writtenOffset;
        long flushed = flushedOffset;
        if (target <= flushed) {
            return flushed;
        }
        for (MappedSegment segment : segments.segments()) {
            if (segment.endOffset() > flushed && segment.baseOffset() < target) {
                segment.flush();
            }
        }
        flushedOffset = target;
        forceCount++;
        return target;
    }

    /**
     * @return how many times {@link #flush()} forced new data (each is one group commit in SYNC
     *     mode); written under the flush lock
     */
    public long forceCount() {
        return forceCount;
    }

    /**
     * Closes the segments' write channels; the mappings stay readable. After the appender and the
     * flusher stopped.
     */
    public void close() {
        for (MappedSegment segment : segments.segments()) {
            segment.close();
        }
    }

    /**
     * @param commitLogOffset where a record starts
     * @param sizeBytes the record's length
     * @return a read-only view of the record, or null when its segment is gone
     */
    public StoredRecord slice(long commitLogOffset, int sizeBytes) {
        MappedSegment segment = segments.find(commitLogOffset);
        if (segment == null) {
            return null;
        }
        int position = (int) (commitLogOffset - segment.baseOffset());
        return new StoredRecord(commitLogOffset, segment.readOnlySlice(position, sizeBytes));
    }

    /**
     * Reads the record starting at {@code commitLogOffset}, checking that one does start there.
     *
     * @param commitLogOffset a physical offset
     * @return the record, or null when no confirmed record starts there
     */
    public StoredRecord readAt(long commitLogOffset) {
        long confirmed = confirmedOffset();
        MappedSegment segment = segments.find(commitLogOffset);
        if (segment == null || commitLogOffset >= confirmed) {
            return null;
        }
        ByteBuffer buffer = segment.buffer();
        int position = (int) (commitLogOffset - segment.baseOffset());
        if (position + CommitLogRecordDescriptor.MIN_RECORD_BYTES > segment.sizeBytes()
                || buffer.getInt(position + CommitLogRecordDescriptor.MAGIC_OFFSET)
                        != CommitLogRecordDescriptor.RECORD_MAGIC
                || buffer.getLong(position + CommitLogRecordDescriptor.PHYSICAL_OFFSET_OFFSET) != commitLogOffset) {
            return null;
        }
        int sizeBytes = buffer.getInt(position + CommitLogRecordDescriptor.TOTAL_LENGTH_OFFSET);
        if (sizeBytes < CommitLogRecordDescriptor.MIN_RECORD_BYTES || commitLogOffset + sizeBytes > confirmed) {
            return null;
        }
        return new StoredRecord(commitLogOffset, segment.readOnlySlice(position, sizeBytes));
    }
}
