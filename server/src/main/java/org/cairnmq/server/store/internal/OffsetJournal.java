package org.cairnmq.server.store.internal;

import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.GENERATION_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.GROUP_LENGTH_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.HEADER_CRC_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.HEADER_LENGTH;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.MAGIC;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.MAGIC_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.OFFSET_RECORD_LENGTH;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.QUEUE_ID_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.QUEUE_OFFSET_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.RECORD_CRC_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.RECORD_KEY_ID_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.RECORD_LENGTH_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.RECORD_TYPE_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.REMOVE_RECORD_LENGTH;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.VERSION;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.VERSION_OFFSET;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.cairnmq.server.store.ConsumerQueueKey;
import org.cairnmq.server.store.StoreException;

/**
 * The append-only journal of consumer-offset changes (layout in {@link OffsetJournalDescriptor}).
 * Records are written with plain writes; {@link #force()} makes everything written so far durable.
 *
 * <p>Owning thread: not thread-safe except {@link #force()}, which may run concurrently with an
 * append; the owner ({@code ConsumerOffsetStore}) serialises everything else under its lock.
 */
public final class OffsetJournal implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer fixedRecord = ByteBuffer.allocate(OFFSET_RECORD_LENGTH);
    private final CRC32C crc = new CRC32C();
    private long writePosition;
    private long appendedBytesTotal;

    private OffsetJournal(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Opens the journal, creating it if absent. If it continues {@code snapshotGeneration}, its
     * records are replayed into {@code visitor} and a torn tail is cut off; if it is older (already
     * folded into the snapshot), absent or has a torn header, it is restarted empty.
     *
     * @param path the journal file
     * @param snapshotGeneration the generation of the snapshot just loaded
     * @param visitor receives the replayed records
     * @return the journal, positioned after its last valid record
     * @throws StoreException if the journal is newer than the snapshot, or on an I/O failure
     */
    public static OffsetJournal open(Path path, long snapshotGeneration, OffsetJournalVisitor visitor) {
        FileChannel channel = openChannel(path);
        OffsetJournal journal = new OffsetJournal(path, channel);
        try {
            long generation = readGeneration(channel);
            if (generation == snapshotGeneration) {
                journal.writePosition = OffsetJournalReader.replay(channel, visitor);
                journal.cutTornTail();
            } else if (generation > snapshotGeneration) {
                throw new StoreException(StoreException.Category.CORRUPTION, "offset journal " + path
                        + " has generation " + generation + ", newer than its snapshot's "
                        + snapshotGeneration + ": the snapshot is missing or stale");
            } else {
                journal.restart(snapshotGeneration);
            }
            return journal;
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new StoreException(StoreException.Category.IO, "cannot open offset journal " + path, e);
        } catch (RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    /**
     * Appends a DEFINE_KEY record.
     *
     * @param keyId the id later records use for {@code key}
     * @param key the key
     */
    public void appendDefineKey(int keyId, ConsumerQueueKey key) {
        byte[] group = key.group().getBytes(StandardCharsets.UTF_8);
        byte[] topic = key.topic().getBytes(StandardCharsets.UTF_8);
        int length = OffsetJournalDescriptor.defineRecordLength(group, topic);
        ByteBuffer record = ByteBuffer.allocate(length);
        putPrefix(record, length, OffsetJournalRecordType.DEFINE_KEY, keyId);
        record.putInt(QUEUE_ID_OFFSET, key.queueId());
        record.putShort(GROUP_LENGTH_OFFSET, (short) group.length);
        record.put(GROUP_LENGTH_OFFSET + Short.BYTES, group);
        int topicLengthOffset = GROUP_LENGTH_OFFSET + Short.BYTES + group.length;
        record.putShort(topicLengthOffset, (short) topic.length);
        record.put(topicLengthOffset + Short.BYTES, topic);
        seal(record, length);
    }

    /**
     * Appends an ACK, ACK_UP_TO or RESET record.
     *
     * @param type one of the three offset record types
     * @param keyId a defined key id
     * @param queueOffset the record's queue offset
     */
    public void appendOffsetRecord(OffsetJournalRecordType type, int keyId, long queueOffset) {
        ByteBuffer record = fixedRecord.clear();
        putPrefix(record, OFFSET_RECORD_LENGTH, type, keyId);
        record.putLong(QUEUE_OFFSET_OFFSET, queueOffset);
        seal(record, OFFSET_RECORD_LENGTH);
    }

    /**
     * Appends a REMOVE_KEY record.
     *
     * @param keyId a defined key id
     */
    public void appendRemoveKey(int keyId) {
        ByteBuffer record = fixedRecord.clear();
        putPrefix(record, REMOVE_RECORD_LENGTH, OffsetJournalRecordType.REMOVE_KEY, keyId);
        seal(record, REMOVE_RECORD_LENGTH);
    }

    /**
     * @return the journal's length in bytes, header included
     */
    public long sizeBytes() {
        return writePosition;
    }

    /**
     * @return how many record bytes were appended since this journal was opened; never decreases,
     *     not even on {@link #restart}
     */
    public long appendedBytesTotal() {
        return appendedBytesTotal;
    }

    /**
     * Makes everything appended so far durable. May run concurrently with an append.
     */
    public void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot force offset journal " + path, e);
        }
    }

    /**
     * Empties the journal and starts it again under a new generation, durably.
     *
     * @param generation the generation of the snapshot the new journal continues
     */
    public void restart(long generation) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH);
        header.putInt(MAGIC_OFFSET, MAGIC);
        header.putInt(VERSION_OFFSET, VERSION);
        header.putLong(GENERATION_OFFSET, generation);
        header.putInt(HEADER_CRC_OFFSET, crcOf(header, 0, HEADER_CRC_OFFSET));
        try {
            channel.truncate(0);
            writeFully(header, 0);
            channel.force(true);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot restart offset journal " + path, e);
        }
        writePosition = HEADER_LENGTH;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot close offset journal " + path, e);
        }
    }

    private void putPrefix(ByteBuffer record, int length, OffsetJournalRecordType type, int keyId) {
        record.putInt(RECORD_LENGTH_OFFSET, length);
        record.put(RECORD_TYPE_OFFSET, (byte) type.code());
        record.putInt(RECORD_KEY_ID_OFFSET, keyId);
    }

    private void seal(ByteBuffer record, int length) {
        record.putInt(RECORD_CRC_OFFSET, crcOf(record, RECORD_TYPE_OFFSET, length - RECORD_TYPE_OFFSET));
        record.limit(length).position(0);
        try {
            writeFully(record, writePosition);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot append to offset journal " + path, e);
        }
        writePosition += length;
        appendedBytesTotal += length;
    }

    private void cutTornTail() throws IOException {
        if (channel.size() > writePosition) {
            channel.truncate(writePosition);
            channel.force(true);
        }
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private int crcOf(ByteBuffer buffer, int offset, int length) {
        crc.reset();
        crc.update(buffer.slice(offset, length));
        return (int) crc.getValue();
    }

    private static long readGeneration(FileChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH);
        while (header.hasRemaining()) {
            if (channel.read(header, header.position()) < 0) {
                return -1L;
            }
        }
        CRC32C headerCrc = new CRC32C();
        headerCrc.update(header.slice(0, HEADER_CRC_OFFSET));
        boolean valid = header.getInt(MAGIC_OFFSET) == MAGIC
                && header.getInt(VERSION_OFFSET) == VERSION
                && header.getInt(HEADER_CRC_OFFSET) == (int) headerCrc.getValue();
        return valid ? header.getLong(GENERATION_OFFSET) : -1L;
    }

    private static FileChannel openChannel(Path path) {
        try {
            return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot open offset journal " + path, e);
        }
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
