package org.cairnmq.server.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import org.cairnmq.server.store.StoreException;

/**
 * The store's checkpoint: how far the CommitLog and the ConsumeQueues were durable at some moment.
 * Written to a temporary file, forced, then atomically renamed over the old one.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                      Magic (int32)                            |  0
 *  +---------------------------------------------------------------+
 *  |                      Version (int32)                          |  4
 *  +---------------------------------------------------------------+
 *  |              CommitLog Flushed Offset (int64)                 |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |            ConsumeQueue Flushed Offset (int64)                | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                   Timestamp ms (int64)                        | 24
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                  CRC32C of bytes 0..31 (int32)                | 32
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Owning thread: the housekeeping thread, and the closing thread after it stopped.
 */
public final class CheckpointFile {

    /** Offset of the magic. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the format version. */
    public static final int VERSION_OFFSET = 4;
    /** Offset of the CommitLog offset below which everything was forced. */
    public static final int COMMIT_LOG_FLUSHED_OFFSET = 8;
    /** Offset of the CommitLog offset below which every ConsumeQueue entry was forced. */
    public static final int CONSUME_QUEUE_FLUSHED_OFFSET = 16;
    /** Offset of the time the checkpoint was taken, epoch milliseconds. */
    public static final int TIMESTAMP_OFFSET = 24;
    /** Offset of the CRC32C. */
    public static final int CRC_OFFSET = 32;
    /** The file's length. */
    public static final int LENGTH_BYTES = 36;
    /** The magic. */
    public static final int MAGIC = 0xCA12_C4EC;
    /** The current version. */
    public static final int VERSION = 1;

    private final Path file;
    private final Path temporaryFile;

    /**
     * One checkpoint's values.
     *
     * @param commitLogFlushedOffset everything below was durable
     * @param consumeQueueFlushedOffset every ConsumeQueue entry of a record below was durable
     * @param timestampMs when it was taken
     */
    public record Values(long commitLogFlushedOffset, long consumeQueueFlushedOffset, long timestampMs) {
    }

    /**
     * @param dataDirectory the store's directory
     */
    public CheckpointFile(Path dataDirectory) {
        this.file = dataDirectory.resolve("checkpoint");
        this.temporaryFile = dataDirectory.resolve("checkpoint.tmp");
    }

    /**
     * @return the last checkpoint, or null if there is none or it is damaged
     */
    public Values read() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file));
            if (buffer.capacity() != LENGTH_BYTES || buffer.getInt(MAGIC_OFFSET) != MAGIC
                    || buffer.getInt(VERSION_OFFSET) != VERSION || buffer.getInt(CRC_OFFSET) != crcOf(buffer)) {
                return null;
            }
            return new Values(buffer.getLong(COMMIT_LOG_FLUSHED_OFFSET), buffer.getLong(CONSUME_QUEUE_FLUSHED_OFFSET),
                    buffer.getLong(TIMESTAMP_OFFSET));
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot read " + file, e);
        }
    }

    /**
     * Writes the checkpoint durably and atomically.
     *
     * @param values what to write
     */
    public void write(Values values) {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH_BYTES);
        buffer.putInt(MAGIC_OFFSET, MAGIC);
        buffer.putInt(VERSION_OFFSET, VERSION);
        buffer.putLong(COMMIT_LOG_FLUSHED_OFFSET, values.commitLogFlushedOffset());
        buffer.putLong(CONSUME_QUEUE_FLUSHED_OFFSET, values.consumeQueueFlushedOffset());
        buffer.putLong(TIMESTAMP_OFFSET, values.timestampMs());
        buffer.putInt(CRC_OFFSET, crcOf(buffer));
        try (FileChannel channel = FileChannel.open(temporaryFile, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot write " + temporaryFile, e);
        }
        try {
            Files.move(temporaryFile, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot replace " + file, e);
        }
    }

    private static int crcOf(ByteBuffer buffer) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(0, CRC_OFFSET));
        return (int) crc.getValue();
    }
}
