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
     * Forces {@code [flushedPosition, wrotePosition)} to disk and advances the flushed position.
     *
     * @return the new flushed position
     */
    public int flush() {
        int wrote = wrotePosition;
        int flushed = flushedPosition;
        if (wrote > flushed) {
            buffer.force(flushed, wrote - flushed);
            flushedPosition = wrote;
        }
        return wrote;
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
