package org.cairnmq.server.store.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cairnmq.server.store.StoreException;

/**
 * The ordered, contiguous segments of one log (the CommitLog, or one ConsumeQueue), all of the same
 * size, in one directory.
 *
 * <p>Owning threads: the log's writer adds segments at the tail; retention removes them at the head;
 * recovery (before any other thread runs) truncates the tail. Mutations are synchronized and publish
 * a new immutable array, so readers take a lock-free snapshot with {@link #segments()}.
 */
public final class MappedSegmentList {

    private static final MappedSegment[] EMPTY = new MappedSegment[0];

    private final Path directory;
    private final int segmentBytes;
    private volatile MappedSegment[] segments = EMPTY;

    /**
     * @param directory the log's directory (created if missing)
     * @param segmentBytes the size of every segment
     */
    public MappedSegmentList(Path directory, int segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Maps every segment file found in the directory. Both positions of every segment stay at 0;
     * recovery sets them.
     *
     * @return this list
     */
    public synchronized MappedSegmentList load() {
        List<Long> baseOffsets = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path file : files) {
                    long baseOffset = MappedSegment.parseFileName(file.getFileName().toString());
                    if (baseOffset >= 0) {
                        baseOffsets.add(baseOffset);
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot list " + directory, e);
        }
        baseOffsets.sort(Long::compare);
        MappedSegment[] loaded = new MappedSegment[baseOffsets.size()];
        for (int i = 0; i < loaded.length; i++) {
            long baseOffset = baseOffsets.get(i);
            if (i > 0 && baseOffset != baseOffsets.get(i - 1) + segmentBytes) {
                throw new StoreException(StoreException.Category.CORRUPTION,
                        "segments of " + directory + " are not contiguous at " + baseOffset);
            }
            loaded[i] = MappedSegment.open(directory, baseOffset, segmentBytes);
        }
        segments = loaded;
        return this;
    }

    /**
     * @return the directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * @return the size of every segment
     */
    public int segmentBytes() {
        return segmentBytes;
    }

    /**
     * @return an immutable snapshot of the segments, oldest first; do not modify
     */
    public MappedSegment[] segments() {
        return segments;
    }

    /**
     * @return whether there is no segment
     */
    public boolean isEmpty() {
        return segments.length == 0;
    }

    /**
     * @return the oldest segment, or null
     */
    public MappedSegment first() {
        MappedSegment[] snapshot = segments;
        return snapshot.length == 0 ? null : snapshot[0];
    }

    /**
     * @return the newest segment, or null
     */
    public MappedSegment last() {
        MappedSegment[] snapshot = segments;
        return snapshot.length == 0 ? null : snapshot[snapshot.length - 1];
    }

    /**
     * @param offset an offset in the log
     * @return the segment holding that offset, or null
     */
    public MappedSegment find(long offset) {
        MappedSegment[] snapshot = segments;
        if (snapshot.length == 0 || offset < snapshot[0].baseOffset()) {
            return null;
        }
        long index = (offset - snapshot[0].baseOffset()) / segmentBytes;
        return index < snapshot.length ? snapshot[(int) index] : null;
    }

    /**
     * Creates and maps the segment starting at {@code baseOffset}, which must follow the last one.
     *
     * @param baseOffset the new segment's base offset, a multiple of the segment size
     * @return the new segment
     */
    public synchronized MappedSegment createNext(long baseOffset) {
        requireNext(baseOffset);
        return addNext(MappedSegment.open(directory, baseOffset, segmentBytes));
    }

    /**
     * Maps the segment that will follow the last one without adding it to the list (the
     * {@link SegmentWarmer}'s standby); {@link #addNext} adds it once the writer reaches it.
     *
     * @param baseOffset the segment's base offset, the last segment's end offset
     * @return the mapped segment, not in the list
     */
    public synchronized MappedSegment openNext(long baseOffset) {
        requireNext(baseOffset);
        return MappedSegment.open(directory, baseOffset, segmentBytes);
    }

    /**
     * Adds a segment mapped by {@link #openNext} at the tail.
     *
     * @param next the segment; it must follow the last one
     * @return {@code next}
     */
    public synchronized MappedSegment addNext(MappedSegment next) {
        requireNext(next.baseOffset());
        MappedSegment[] grown = Arrays.copyOf(segments, segments.length + 1);
        grown[grown.length - 1] = next;
        segments = grown;
        return next;
    }

    private void requireNext(long baseOffset) {
        MappedSegment last = last();
        if (baseOffset % segmentBytes != 0 || last != null && baseOffset != last.endOffset()) {
            throw new StoreException(StoreException.Category.STATE,
                    "segment at " + baseOffset + " does not follow " + last + " in " + directory);
        }
        if (last == null) {
            createDirectory();
        }
    }

    private void createDirectory() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot create " + directory, e);
        }
    }

    /**
     * Deletes the oldest segment if the list holds more than one.
     *
     * @return the deleted segment, or null
     */
    public synchronized MappedSegment deleteFirst() {
        MappedSegment[] snapshot = segments;
        if (snapshot.length < 2) {
            return null;
        }
        segments = Arrays.copyOfRange(snapshot, 1, snapshot.length);
        snapshot[0].delete();
        return snapshot[0];
    }

    /**
     * Deletes every segment that starts after {@code offset}. Recovery only.
     *
     * @param offset the offset where the valid data ends
     */
    public synchronized void deleteAfter(long offset) {
        MappedSegment[] snapshot = segments;
        int keep = snapshot.length;
        while (keep > 0 && snapshot[keep - 1].baseOffset() > offset) {
            keep--;
        }
        for (int i = keep; i < snapshot.length; i++) {
            snapshot[i].delete();
        }
        segments = Arrays.copyOf(snapshot, keep);
    }

    /**
     * Deletes every segment. Recovery only, when a log is rebuilt from scratch.
     */
    public synchronized void deleteAll() {
        for (MappedSegment segment : segments) {
            segment.delete();
        }
        segments = EMPTY;
    }
}
