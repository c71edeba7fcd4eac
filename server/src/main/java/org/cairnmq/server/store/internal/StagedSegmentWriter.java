package org.cairnmq.server.store.internal;

import java.nio.ByteBuffer;

import org.cairnmq.server.store.CommitLogRecordDescriptor;

/**
 * The appender's write cursor in the current CommitLog segment. Records are encoded into a direct
 * staging buffer and reach the segment file in one {@code pwrite} per {@link #publish()} (normally
 * once per batch), after which the segment's written position and the CommitLog's written offset
 * move, in that order, so that a reader never sees a position past bytes that are in the file.
 *
 * <pre>
 *  segment:  [ published (in the file) | staged (in the buffer only) | free ]
 *            0                  publishedPosition              position()    sizeBytes
 * </pre>
 *
 * <p>In SYNC mode the writer also preallocates: it keeps up to {@value #PREALLOCATE_CHUNK_BYTES}
 * bytes of zeros written ahead of its position ({@link #preallocateAhead()}), so that the file's
 * blocks are allocated, and the allocation committed, by an occasional force instead of by every
 * group commit. When the {@link SegmentWarmer} (both modes) has already pre-touched the region
 * ahead, the writer skips it: the warmer's zeros serve the same purpose.
 *
 * <p>Owning thread: the appender.
 *
 * <p>Design note: staging costs one extra copy of each record (buffer to page cache), about 0.1 µs
 * per KiB, and buys a single system call per batch instead of a page fault per page touched through
 * the mapping and, in SYNC mode, a write-protect fault per page after every force (see
 * {@link MappedSegment}).
 *
 * <p>Design note: on ext4 a force of bytes written into a hole must also allocate blocks and commit
 * the journal. Measured on the build machine, 16 KiB write-and-force cycles ran at 3.9 to 4.8
 * thousand a second into a sparse file and at 4.9 to 8.6 thousand into blocks written before (the
 * pattern of {@code DiskBaselineBenchmark}). Writing zeros ahead costs each byte a second write to
 * the page cache and the disk, in 1 MiB runs, against one journal commit per 1 MiB instead of one
 * per group commit; ASYNC mode, which forces rarely, does not preallocate. Zeros past the written
 * position are what recovery expects there anyway (end of data).
 */
final class StagedSegmentWriter {

    private static final int MIN_STAGING_BYTES = 1 << 20;
    static final int PREALLOCATE_CHUNK_BYTES = 1 << 20;

    private final CommitLog commitLog;
    private final ByteBuffer staging;
    private final ByteBuffer zeros;
    private MappedSegment segment;
    private int publishedPosition;
    private int stagedBytes;
    private int preallocatedPosition;

    /**
     * @param commitLog the log whose written offset this writer publishes
     * @param maxRecordBytes the longest record; the staging buffer holds at least one
     * @param preallocate whether {@link #preallocateAhead()} writes zeros ahead (SYNC mode)
     */
    StagedSegmentWriter(CommitLog commitLog, int maxRecordBytes, boolean preallocate) {
        this.commitLog = commitLog;
        this.staging = ByteBuffer.allocateDirect(Math.max(MIN_STAGING_BYTES,
                maxRecordBytes + CommitLogRecordDescriptor.BLANK_MARKER_BYTES));
        this.zeros = preallocate ? ByteBuffer.allocateDirect(PREALLOCATE_CHUNK_BYTES) : null;
    }

    /**
     * @return the current segment, or null before the first one
     */
    MappedSegment segment() {
        return segment;
    }

    /**
     * Continues writing in {@code next} at its written position; the previous segment must have
     * been published.
     *
     * @param next the segment to write
     */
    void switchTo(MappedSegment next) {
        segment = next;
        publishedPosition = next == null ? 0 : next.wrotePosition();
        preallocatedPosition = publishedPosition;
        stagedBytes = 0;
    }

    /**
     * Writes the next chunk of zeros past the position once less than half a chunk of written zeros
     * is left ahead of it; does nothing unless preallocating. Between batches, so that no append
     * waits for it.
     *
     * @throws org.cairnmq.server.store.StoreException of category IO if the write fails
     */
    void preallocateAhead() {
        if (zeros == null || segment == null) {
            return;
        }
        int from = Math.max(Math.max(preallocatedPosition, segment.touchedPosition()), position());
        if (from - position() >= PREALLOCATE_CHUNK_BYTES / 2 || from >= segment.sizeBytes()) {
            return;
        }
        int length = Math.min(PREALLOCATE_CHUNK_BYTES, segment.sizeBytes() - from);
        zeros.clear().limit(length);
        segment.write(zeros, from);
        preallocatedPosition = from + length;
    }

    /**
     * @return the segment position where the next record goes (published plus staged bytes)
     */
    int position() {
        return publishedPosition + stagedBytes;
    }

    /**
     * Makes room for a record of {@code recordBytes} in the staging buffer, publishing what is staged
     * if it does not fit.
     *
     * @param recordBytes the record's length, at most the staging buffer's capacity
     * @return the staging buffer, to encode into at {@link #stagingIndex()}
     */
    ByteBuffer reserve(int recordBytes) {
        if (staging.capacity() - stagedBytes < recordBytes) {
            publish();
        }
        return staging;
    }

    /**
     * @return where the next record goes in the staging buffer
     */
    int stagingIndex() {
        return stagedBytes;
    }

    /**
     * Counts {@code recordBytes} more bytes, encoded at {@link #stagingIndex()}, as staged.
     *
     * @param recordBytes the record's length
     */
    void advance(int recordBytes) {
        stagedBytes += recordBytes;
    }

    /**
     * Stages a blank marker over the rest of the segment, publishes it and marks the segment full.
     */
    void sealWithBlank() {
        int position = position();
        reserve(CommitLogRecordDescriptor.BLANK_MARKER_BYTES);
        CommitLogRecordCodec.encodeBlankAt(staging, stagedBytes, segment.sizeBytes() - position);
        stagedBytes += CommitLogRecordDescriptor.BLANK_MARKER_BYTES;
        writeStaged();
        publishedPosition = segment.sizeBytes();
        segment.wrotePosition(publishedPosition);
        commitLog.writtenOffset(segment.endOffset());
    }

    /**
     * Writes the staged bytes to the segment file and then publishes the new positions.
     *
     * @throws org.cairnmq.server.store.StoreException of category IO if the write fails; the staged
     *     bytes are then dropped and nothing is published
     */
    void publish() {
        if (stagedBytes == 0) {
            return;
        }
        int end = publishedPosition + stagedBytes;
        writeStaged();
        publishedPosition = end;
        segment.wrotePosition(end);
        commitLog.writtenOffset(segment.baseOffset() + end);
    }

    private void writeStaged() {
        staging.limit(stagedBytes).position(0);
        try {
            segment.write(staging, publishedPosition);
        } finally {
            staging.clear();
            stagedBytes = 0;
        }
    }
}
