package org.cairnmq.server.store.internal;

import static org.cairnmq.server.store.internal.OffsetSnapshotDescriptor.ENTRY_COUNT_OFFSET;
import static org.cairnmq.server.store.internal.OffsetSnapshotDescriptor.GENERATION_OFFSET;
import static org.cairnmq.server.store.internal.OffsetSnapshotDescriptor.HEADER_LENGTH;
import static org.cairnmq.server.store.internal.OffsetSnapshotDescriptor.MAGIC;
import static org.cairnmq.server.store.internal.OffsetSnapshotDescriptor.MAGIC_OFFSET;
import static org.cairnmq.server.store.internal.OffsetSnapshotDescriptor.NEXT_KEY_ID_OFFSET;
import static org.cairnmq.server.store.internal.OffsetSnapshotDescriptor.TRAILER_LENGTH;
import static org.cairnmq.server.store.internal.OffsetSnapshotDescriptor.VERSION;
import static org.cairnmq.server.store.internal.OffsetSnapshotDescriptor.VERSION_OFFSET;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.cairnmq.server.store.ConsumerQueueKey;
import org.cairnmq.server.store.StoreException;

/**
 * Writes and reads the consumer-offset snapshot (layout in {@link OffsetSnapshotDescriptor}).
 */
public final class OffsetSnapshotFile {

    private static final int WRITE_BUFFER_BYTES = 64 * 1024;

    private OffsetSnapshotFile() {
    }

    /**
     * Writes the table durably to {@code target}: into {@code target}'s temporary sibling, forced,
     * then renamed over {@code target} atomically, then the directory forced.
     *
     * @param target the snapshot file
     * @param generation the generation of the journal that continues this snapshot
     * @param table the state to write
     */
    public static void write(Path target, long generation, OffsetTable table) {
        Path temporary = temporaryOf(target);
        try (FileOutputStream file = new FileOutputStream(temporary.toFile())) {
            CheckedOutputStream checked = new CheckedOutputStream(
                    new BufferedOutputStream(file, WRITE_BUFFER_BYTES), new CRC32C());
            DataOutputStream out = new DataOutputStream(checked);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(generation);
            out.writeInt(table.nextKeyId());
            out.writeInt(table.entries().size());
            for (OffsetTable.Entry entry : table.entries()) {
                writeEntry(out, entry);
            }
            out.flush();
            new DataOutputStream(file).writeInt((int) checked.getChecksum().getValue());
            file.getChannel().force(true);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot write offset snapshot " + temporary, e);
        }
        DurableRename.replaceAtomically(temporary, target);
    }

    /**
     * Loads a snapshot into an empty table.
     *
     * @param source the snapshot file
     * @param table receives the entries
     * @return the snapshot's generation
     * @throws StoreException if the file cannot be read or fails its checks
     */
    public static long read(Path source, OffsetTable table) {
        ByteBuffer buffer;
        try {
            buffer = ByteBuffer.wrap(Files.readAllBytes(source));
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot read offset snapshot " + source, e);
        }
        try {
            verify(buffer, source);
            int entryCount = buffer.getInt(ENTRY_COUNT_OFFSET);
            buffer.position(HEADER_LENGTH).limit(buffer.capacity() - TRAILER_LENGTH);
            for (int i = 0; i < entryCount; i++) {
                table.restore(readEntry(buffer));
            }
            table.reserveKeyIdsBelow(buffer.getInt(NEXT_KEY_ID_OFFSET));
            return buffer.getLong(GENERATION_OFFSET);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new StoreException(StoreException.Category.CORRUPTION,
                    "offset snapshot " + source + " is malformed", e);
        }
    }

    /**
     * @param target a snapshot file
     * @return the temporary file a new snapshot is written to before the rename
     */
    public static Path temporaryOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    private static void writeEntry(DataOutputStream out, OffsetTable.Entry entry) throws IOException {
        AckedOffsetWindow window = entry.window();
        byte[] group = entry.key().group().getBytes(StandardCharsets.UTF_8);
        byte[] topic = entry.key().topic().getBytes(StandardCharsets.UTF_8);
        out.writeInt(entry.keyId());
        out.writeInt(entry.key().queueId());
        out.writeLong(window.ackedOffset());
        out.writeInt(window.ackedAboveCount());
        out.writeShort(group.length);
        out.write(group);
        out.writeShort(topic.length);
        out.write(topic);
        for (long offset : window.ackedAbove()) {
            out.writeLong(offset);
        }
    }

    private static OffsetTable.Entry readEntry(ByteBuffer buffer) {
        int keyId = buffer.getInt();
        int queueId = buffer.getInt();
        long ackedOffset = buffer.getLong();
        int ackedAboveCount = buffer.getInt();
        String group = readName(buffer);
        String topic = readName(buffer);
        if (ackedAboveCount < 0 || ackedAboveCount > buffer.remaining() / Long.BYTES) {
            throw new IllegalArgumentException("bad acked-above count " + ackedAboveCount);
        }
        long[] ackedAbove = new long[ackedAboveCount];
        buffer.asLongBuffer().get(ackedAbove);
        buffer.position(buffer.position() + ackedAboveCount * Long.BYTES);
        ConsumerQueueKey key = new ConsumerQueueKey(group, topic, queueId);
        return new OffsetTable.Entry(keyId, key, AckedOffsetWindow.restore(ackedOffset, ackedAbove));
    }

    private static String readName(ByteBuffer buffer) {
        byte[] name = new byte[Short.toUnsignedInt(buffer.getShort())];
        buffer.get(name);
        return new String(name, StandardCharsets.UTF_8);
    }

    private static void verify(ByteBuffer buffer, Path source) {
        int length = buffer.capacity();
        if (length < HEADER_LENGTH + TRAILER_LENGTH
                || buffer.getInt(MAGIC_OFFSET) != MAGIC
                || buffer.getInt(VERSION_OFFSET) != VERSION) {
            throw new StoreException(StoreException.Category.CORRUPTION,
                    "offset snapshot " + source + " has a bad header");
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(0, length - TRAILER_LENGTH));
        if (buffer.getInt(length - TRAILER_LENGTH) != (int) crc.getValue()) {
            throw new StoreException(StoreException.Category.CORRUPTION,
                    "offset snapshot " + source + " fails its CRC");
        }
    }
}
