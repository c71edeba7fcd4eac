package org.cairnmq.server.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.cairnmq.server.store.StoreException;

/**
 * One fixed-size, memory-mapped file, named by the offset of its first byte in the log it belongs to
 * (20 digits, zero-padded, as in RocketMQ).
 *
 * <p>Positions, relative to the segment start: {@code flushedPosition <= wrotePosition <= sizeBytes}.
 * {@code wrotePosition} is set only by the segment's single writer; {@code flushedPosition} only by
 * whoever calls {@link #flush()} (the writer in SYNC mode, the flusher in ASYNC mode). Both are
 * volatile so that other threads may read them.
 *
 * <p>All access to the mapping is absolute ({@code getInt(index)}, {@code slice(index, length)}), so
 * any number of threads may read it; only the writer writes.
 *
 * <p>A writer may write through the mapping (the ConsumeQueues) or through {@link #write} (the
 * CommitLog appender), which opens a {@link FileChannel} on first use. Both land in the same page
 * cache, so readers of the mapping see either.
 *
 * <p>Design note: the CommitLog writes with {@code pwrite} and forces with {@code fdatasync} rather
 * than storing into the mapping and calling {@code msync}. Measured on the build machine, a group
 * commit of 16 KiB stored through the mapping and forced ran at roughly 0.7 to 2.3 thousand forces a
 * second whichever of msync or fdatasync forced it, while the same bytes written with pwrite and
 * forced ran at 2 to 5 thousand: after each force the kernel write-protects every page dirtied
 * through the mapping (a TLB shoot-down), and the next store into that page takes a write fault
 * again, several times per page when 1 KiB records are forced one group at a time. The channel is
 * closed once the segment is full and forced, or on {@link #close()} and {@link #delete()}.
 *
 * <p>Pre-touching ({@link #touchAhead}): a background thread may write zeros ahead of the writer so
 * that the writer's {@code pwrite} lands in page-cache pages that already exist instead of making
 * the kernel allocate and zero a page for every 4 KiB. The two never write the same bytes: the
 * toucher writes only at or above {@code max(touchedPosition, writeFrontier, wrotePosition)} while
 * holding {@code touchLock}, and publishes {@code touchedPosition} after its write; the writer
 * writes below {@code touchedPosition} freely and, before writing past it, raises
 * {@code writeFrontier} under the same lock (waiting for a chunk being touched to finish).
 *
 * <p>Design note: the mapping is not unmapped explicitly on close or delete. Unmapping needs
 * {@code sun.misc.Unsafe.invokeCleaner}, which is unsafe while readers still hold zero-copy slices
 * (an access after unmap crashes the JVM). The garbage collector releases the mapping once no view
 * of it is reachable; on Linux a deleted file's pages stay valid until then.
 */
public final class MappedSegment {

    /** Length of a segment file name. */
    public static final int FILE_NAME_DIGITS = 20;

    private final Path file;
    private final long baseOffset;
    private final int sizeBytes;
    private final MappedByteBuffer buffer;
    private volatile int wrotePosition;
    private volatile int flushedPosition;
    private volatile FileChannel channel;
    private final Object touchLock = new Object();
    private volatile int touchedPosition;
    private int writeFrontier;

    private MappedSegment(Path file, long baseOffset, int sizeBytes, MappedByteBuffer buffer) {
        this.file = file;
        this.baseOffset = baseOffset;
        this.sizeBytes = sizeBytes;
        this.buffer = buffer;
    }

    /**
     * Maps the segment of the given base offset in {@code directory}, creating the (sparse) file of
     * {@code sizeBytes} if it does not exist.
     *
     * @param directory the log's directory
     * @param baseOffset the offset of the segment's first byte in its log
     * @param sizeBytes the segment's fixed size
     * @return the mapped segment, with both positions at 0
     */
    public static MappedSegment open(Path directory, long baseOffset, int sizeBytes) {
        Path file = directory.resolve(fileName(baseOffset));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long existing = channel.size();
            if (existing > sizeBytes) {
                throw new IOException("segment " + file + " is " + existing + " bytes, expected " + sizeBytes);
            }
            if (existing < sizeBytes) {
                channel.write(ByteBuffer.allocate(1), sizeBytes - 1L);
            }
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, sizeBytes);
            return new MappedSegment(file, baseOffset, sizeBytes, buffer);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot map " + file, e);
        }
    }

    /**
     * @param baseOffset a segment's base offset
     * @return the segment's file name
     */
    public static String fileName(long baseOffset) {
        String digits = Long.toString(baseOffset);
        return "0".repeat(FILE_NAME_DIGITS - digits.length()) + digits;
    }

    /**
     * @param fileName a file name
     * @return the base offset it names, or -1 if it is not a segment file name
     */
    public static long parseFileName(String fileName) {
        if (fileName.length() != FILE_NAME_DIGITS) {
            return -1L;
        }
        for (int i = 0; i < fileName.length(); i++) {
            if (fileName.charAt(i) < '0' || fileName.charAt(i) > '9') {
                return -1L;
            }
        }
        return Long.parseLong(fileName);
    }

    /**
     * @return the offset of the segment's first byte in its log
     */
    public long baseOffset() {
        return baseOffset;
    }

    /**
     * @return the offset one past the segment's last byte
     */
    public long endOffset() {
        return baseOffset + sizeBytes;
    }

    /**
     * @return the segment's fixed size
     */
    public int sizeBytes() {
        return sizeBytes;
    }

    /**
     * @return the segment's file
     */
    public Path file() {
        return file;
    }

    /**
     * @return the shared mapping; use absolute access only
     */
    public ByteBuffer buffer() {
        return buffer;
    }

    /**
     * @return a fresh view of the mapping whose position and limit the caller owns
     */
    public ByteBuffer newView() {
        return buffer.duplicate();
    }

    /**
     * @param position an index in the segment
     * @param length a length
     * @return a read-only slice of the mapping (zero copy)
     */
    public ByteBuffer readOnlySlice(int position, int length) {
        return buffer.slice(position, length).asReadOnlyBuffer();
    }

    /**
     * @return the position up to which the writer has written
     */
    public int wrotePosition() {
        return wrotePosition;
    }

    /**
     * Called by the writer only.
     *
     * @param position the new written position, not below the flushed one
     */
    public void wrotePosition(int position) {
        assert position >= flushedPosition && position <= sizeBytes : "position " + position;
        wrotePosition = position;
    }

    /**
     * @return the position up to which the segment is durable
     */
    public int flushedPosition() {
        return flushedPosition;
    }

    /**
     * Marks data up to {@code position} as durable without forcing; used by recovery for data that
     * was read back from the file.
     *
     * @param position the durable position
     */
    public void markFlushed(int position) {
        flushedPosition = position;
    }

    /**
     * Writes {@code source}'s remaining bytes at {@code position} through the file channel (not the
     * mapping); the writer only. It does not move {@link #wrotePosition()}.
     *
     * @param source the bytes; consumed
     * @param position where they go in the segment
     * @throws StoreException of category IO if the write fails
     */
    public void write(ByteBuffer source, int position) {
        int end = position + source.remaining();
        if (end > sizeBytes) {
            throw new StoreException(StoreException.Category.STATE, "write past the end of " + file);
        }
        if (end > touchedPosition) {
            synchronized (touchLock) {
                writeFrontier = Math.max(writeFrontier, end);
            }
        }
        try {
            FileChannel target = writeChannel();
            long at = position;
            while (source.hasRemaining()) {
                at += target.write(source, at);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot write " + file, e);
        }
    }

    /**
     * @return the position below which every page was pre-touched or written
     */
    public int touchedPosition() {
        return touchedPosition;
    }

    /**
     * Pre-touches the next chunk below {@code upTo}: writes {@code zeros}' capacity (or less, at
     * {@code upTo}) of zeros through the file channel at the first position the writer has not
     * claimed. Only one thread may touch a segment; see the class comment for the protocol.
     *
     * @param upTo the position to touch up to, at most {@link #sizeBytes()}
     * @param zeros a buffer of zeros; its position and limit are overwritten
     * @param force whether to force the file after the write (so that the zeros' blocks are
     *     allocated and committed now rather than by the writer's next force)
     * @return how many bytes were touched (0 when already touched up to {@code upTo})
     * @throws StoreException of category IO if the write or the force fails
     */
    public int touchAhead(int upTo, ByteBuffer zeros, boolean force) {
        synchronized (touchLock) {
            int from = Math.max(touchedPosition, Math.max(writeFrontier, wrotePosition));
            int length = Math.min(zeros.capacity(), Math.min(upTo, sizeBytes) - from);
            if (length <= 0) {
                touchedPosition = Math.max(touchedPosition, from);
                return 0;
            }
            zeros.clear().limit(length);
            try {
                FileChannel target = writeChannel();
                long at = from;
                while (zeros.hasRemaining()) {
                    at += target.write(zeros, at);
                }
                if (force) {
                    target.force(false);
                }
            } catch (IOException e) {
                throw new StoreException(StoreException.Category.IO, "cannot pre-touch " + file, e);
            }
            touchedPosition = from + length;
            return length;
        }
    }

    private synchronized FileChannel writeChannel() throws IOException {
        FileChannel current = channel;
        if (current == null) {
            current = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel = current;
        }
        return current;
    }

    /**
     * Forces {@code [flushedPosition, wrotePosition)} to disk and advances the flushed position:
     * with {@code fdatasync} when the segment is written through {@link #write}, else with
     * {@code msync} of the range. A full segment's channel is closed once forced.
     *
     * @return the new flushed position
     * @throws StoreException of category IO if the force fails
     */
    public int flush() {
        int wrote = wrotePosition;
        int flushed = flushedPosition;
        if (wrote > flushed) {
            FileChannel current = channel;
            if (current == null) {
                buffer.force(flushed, wrote - flushed);
            } else {
                forceChannel(current);
            }
            flushedPosition = wrote;
            if (wrote == sizeBytes) {
                close();
            }
        }
        return wrote;
    }

    private void forceChannel(FileChannel current) {
        try {
            current.force(false);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot force " + file, e);
        }
    }

    /**
     * Closes the write channel, if open; the mapping stays readable. Called when no write or flush
     * of this segment can follow (full and forced, store closed, deleted).
     */
    public synchronized void close() {
        FileChannel current = channel;
        channel = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                throw new StoreException(StoreException.Category.IO, "cannot close " + file, e);
            }
        }
    }

    /**
     * Zeroes {@code [position, sizeBytes)}, forces it and sets both positions to {@code position}.
     * Used by recovery to cut a torn tail.
     *
     * @param position where valid data ends
     */
    public void truncateTo(int position) {
        int chunk = 4096;
        byte[] zeros = new byte[chunk];
        for (int index = position; index < sizeBytes; index += chunk) {
            int length = Math.min(chunk - index % chunk, sizeBytes - index);
            if (!isZero(index, length)) {
                buffer.put(index, zeros, 0, length);
            }
        }
        buffer.force(position, sizeBytes - position);
        flushedPosition = position;
        wrotePosition = position;
    }

    private boolean isZero(int index, int length) {
        for (int i = index; i < index + length; i++) {
            if (buffer.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Deletes the file. The mapping stays readable until it is collected.
     */
    public void delete() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot delete " + file, e);
        }
    }

    @Override
    public String toString() {
        return "MappedSegment{" + file.getFileName() + ", wrote=" + wrotePosition + ", flushed=" + flushedPosition
                + '}';
    }
}
