package org.cairnmq.server.store.internal;

import static org.cairnmq.server.store.internal.KeyIndexCheckpointDescriptor.CHECKPOINT_LENGTH;
import static org.cairnmq.server.store.internal.KeyIndexCheckpointDescriptor.CRC_OFFSET;
import static org.cairnmq.server.store.internal.KeyIndexCheckpointDescriptor.INDEXED_UP_TO_OFFSET;
import static org.cairnmq.server.store.internal.KeyIndexCheckpointDescriptor.LAST_FILE_BEGIN_OFFSET;
import static org.cairnmq.server.store.internal.KeyIndexCheckpointDescriptor.LAST_FILE_ENTRY_COUNT_OFFSET;
import static org.cairnmq.server.store.internal.KeyIndexCheckpointDescriptor.MAGIC;
import static org.cairnmq.server.store.internal.KeyIndexCheckpointDescriptor.MAGIC_OFFSET;
import static org.cairnmq.server.store.internal.KeyIndexCheckpointDescriptor.VERSION;
import static org.cairnmq.server.store.internal.KeyIndexCheckpointDescriptor.VERSION_OFFSET;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.cairnmq.server.store.StoreException;

/**
 * The durable progress of the message-key index (layout in {@link KeyIndexCheckpointDescriptor}):
 * written after the index files are forced, so everything it counts is on disk.
 *
 * @param indexedUpToCommitLogOffset the CommitLog offset right after the last record dispatched to
 *     the index; replay resumes here
 * @param lastFileBeginCommitLogOffset the begin offset (the name) of the newest index file, or
 *     {@link #NO_FILE}
 * @param lastFileEntryCount how many entries of the newest file are durable
 */
public record KeyIndexCheckpoint(long indexedUpToCommitLogOffset, long lastFileBeginCommitLogOffset,
        int lastFileEntryCount) {

    /** {@link #lastFileBeginCommitLogOffset()} when there was no index file. */
    public static final long NO_FILE = -1L;

    /**
     * Writes the checkpoint durably: temporary file, force, atomic rename, directory force.
     *
     * @param target the checkpoint file
     */
    public void write(Path target) {
        ByteBuffer buffer = ByteBuffer.allocate(CHECKPOINT_LENGTH);
        buffer.putInt(MAGIC_OFFSET, MAGIC);
        buffer.putInt(VERSION_OFFSET, VERSION);
        buffer.putLong(INDEXED_UP_TO_OFFSET, indexedUpToCommitLogOffset);
        buffer.putLong(LAST_FILE_BEGIN_OFFSET, lastFileBeginCommitLogOffset);
        buffer.putInt(LAST_FILE_ENTRY_COUNT_OFFSET, lastFileEntryCount);
        buffer.putInt(CRC_OFFSET, crcOf(buffer));
        Path temporary = temporaryOf(target);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot write index checkpoint " + temporary, e);
        }
        DurableRename.replaceAtomically(temporary, target);
    }

    /**
     * @param source the checkpoint file
     * @return the checkpoint, or empty if the file is absent or fails its checks
     */
    public static Optional<KeyIndexCheckpoint> read(Path source) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot read index checkpoint " + source, e);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length != CHECKPOINT_LENGTH || buffer.getInt(MAGIC_OFFSET) != MAGIC
                || buffer.getInt(VERSION_OFFSET) != VERSION || buffer.getInt(CRC_OFFSET) != crcOf(buffer)) {
            return Optional.empty();
        }
        return Optional.of(new KeyIndexCheckpoint(buffer.getLong(INDEXED_UP_TO_OFFSET),
                buffer.getLong(LAST_FILE_BEGIN_OFFSET), buffer.getInt(LAST_FILE_ENTRY_COUNT_OFFSET)));
    }

    /**
     * @param target a checkpoint file
     * @return the temporary file a new checkpoint is written to before the rename
     */
    public static Path temporaryOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    private static int crcOf(ByteBuffer buffer) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(0, CRC_OFFSET));
        return (int) crc.getValue();
    }
}
