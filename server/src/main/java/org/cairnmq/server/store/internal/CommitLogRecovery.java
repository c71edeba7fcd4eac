package org.cairnmq.server.store.internal;

import java.nio.ByteBuffer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where the valid CommitLog ends and cuts everything after it.
 *
 * <p>It scans from the start of a trusted segment (the one holding the checkpoint's flushed offset, or
 * the one before it after a crash), verifying every record's magic, lengths, physical offset and
 * CRC32C, and stops at the first record that fails. The rest of that segment is zeroed (after a
 * crash or a corrupt record) and every later segment deleted, so that a stale record past the cut can
 * never be read as valid again.
 *
 * <p>Owning thread: the thread that starts the store, before any store thread runs.
 */
public final class CommitLogRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(CommitLogRecovery.class);

    private final CommitLogRecordCodec codec = new CommitLogRecordCodec();

    /**
     * @param segments the loaded CommitLog segments
     * @param checkpointOffset the checkpoint's flushed offset, or -1 when there is no checkpoint
     * @param clean whether the previous run shut down cleanly
     * @return the offset where the valid data ends
     */
    public long recover(MappedSegmentList segments, long checkpointOffset, boolean clean) {
        MappedSegment[] loaded = segments.segments();
        if (loaded.length == 0) {
            return 0L;
        }
        int startIndex = startIndex(loaded, checkpointOffset, clean);
        for (int i = 0; i < startIndex; i++) {
            loaded[i].wrotePosition(loaded[i].sizeBytes());
            loaded[i].markFlushed(loaded[i].sizeBytes());
        }
        for (int i = startIndex; i < loaded.length; i++) {
            MappedSegment segment = loaded[i];
            ByteBuffer view = segment.newView();
            int position = 0;
            int result;
            while ((result = codec.check(view, position, segment.sizeBytes(), segment.sizeBytes(),
                    segment.baseOffset() + position, true)) > 0) {
                position += result;
            }
            if (result == CommitLogRecordCodec.BLANK) {
                segment.wrotePosition(segment.sizeBytes());
                segment.markFlushed(segment.sizeBytes());
                continue;
            }
            long endOffset = segment.baseOffset() + position;
            cut(segments, segment, position, result == CommitLogRecordCodec.CORRUPT || !clean);
            return endOffset;
        }
        return segments.last().endOffset();
    }

    private static int startIndex(MappedSegment[] loaded, long checkpointOffset, boolean clean) {
        if (checkpointOffset < 0) {
            return 0;
        }
        int index = loaded.length - 1;
        while (index > 0 && loaded[index].baseOffset() > checkpointOffset) {
            index--;
        }
        return clean ? index : Math.max(0, index - 1);
    }

    private static void cut(MappedSegmentList segments, MappedSegment segment, int position, boolean zeroTail) {
        if (zeroTail) {
            LOG.warn("CommitLog recovery cuts the log at {} in {}", segment.baseOffset() + position, segment.file());
            segment.truncateTo(position);
        } else {
            segment.wrotePosition(position);
            segment.markFlushed(position);
        }
        segments.deleteAfter(segment.baseOffset());
    }
}
