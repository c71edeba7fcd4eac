package org.cairnmq.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.cairnmq.server.store.internal.OffsetJournal;
import org.cairnmq.server.store.internal.OffsetJournalRecordType;
import org.cairnmq.server.store.internal.OffsetSnapshotFile;
import org.cairnmq.server.store.internal.OffsetTable;

/**
 * Per consumer group and queue, the acknowledged offset plus the out-of-order acks above it,
 * persisted so that a restart redelivers only what was not acknowledged.
 *
 * <pre>
 *  ack / ackUpTo / resetTo / removeGroup
 *        |  (under the lock: apply to memory, append a record if the state changed)
 *        v
 *  consumer-offsets.journal  --flush()--> one force for every record appended since the last one
 *        |  (past compactEveryJournalBytes, flush() folds it in:)
 *        v
 *  consumer-offsets.snapshot  (temp file, force, atomic rename; journal restarted empty)
 * </pre>
 *
 * <p>Durability: a change is durable once a {@link #flush()} that started after it returns. Open
 * loads the snapshot and replays the journal, cutting off a torn or corrupt tail; a change lost that
 * way was never flushed, and its messages are redelivered.
 *
 * <p>A queue with no recorded progress has none: {@link #progress} is empty for it. The first
 * {@link #ack}/{@link #ackUpTo} of such a queue starts it at acked offset 0, so the broker sets the
 * starting point of a new subscription with {@link #resetTo} (for example to the queue's max offset).
 *
 * <p>Owning thread: any. Every method is thread-safe; mutations and reads run under one lock, and
 * {@link #flush()} forces the journal outside it, so acks from other threads proceed during the
 * force and many acks share one force (group flush).
 *
 * <p>Design note: the journal is replayed, not scanned for the latest value per key, so its records
 * are tiny (21 bytes per ack) and a key is named by an int id bound once by a DEFINE_KEY record. A
 * snapshot carries the ids, and the journal's header carries the snapshot generation it continues,
 * so a crash between renaming a new snapshot and restarting the journal never replays old records
 * twice.
 */
public final class ConsumerOffsetStore implements AutoCloseable {

    /** The snapshot file's name inside the directory. */
    public static final String SNAPSHOT_FILE_NAME = "consumer-offsets.snapshot";
    /** The journal file's name inside the directory. */
    public static final String JOURNAL_FILE_NAME = "consumer-offsets.journal";

    private final ReentrantLock lock = new ReentrantLock();
    private final OffsetStoreConfig config;
    private final Path snapshotPath;
    private final OffsetTable table;
    private final OffsetJournal journal;
    private long generation;
    private long flushedBytes;
    private boolean closed;

    private ConsumerOffsetStore(OffsetStoreConfig config, Path snapshotPath, OffsetTable table,
            OffsetJournal journal, long generation) {
        this.config = config;
        this.snapshotPath = snapshotPath;
        this.table = table;
        this.journal = journal;
        this.generation = generation;
    }

    /**
     * Opens the store in {@code config.directory()}, creating it if absent, and recovers its state.
     *
     * @param config the settings
     * @return the open store
     * @throws StoreException if the files cannot be read or the snapshot is corrupt
     */
    public static ConsumerOffsetStore open(OffsetStoreConfig config) {
        Path directory = config.directory();
        Path snapshotPath = directory.resolve(SNAPSHOT_FILE_NAME);
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(OffsetSnapshotFile.temporaryOf(snapshotPath));
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot prepare " + directory, e);
        }
        OffsetTable table = new OffsetTable();
        long generation = Files.exists(snapshotPath) ? OffsetSnapshotFile.read(snapshotPath, table) : 0L;
        OffsetJournal journal = OffsetJournal.open(directory.resolve(JOURNAL_FILE_NAME), generation, table);
        return new ConsumerOffsetStore(config, snapshotPath, table, journal, generation);
    }

    /**
     * Acknowledges one queue offset. Acking an offset already acknowledged changes nothing.
     *
     * @param group the consumer group
     * @param topic the topic
     * @param queueId the queue of the topic
     * @param queueOffset the acknowledged offset, not negative
     */
    public void ack(String group, String topic, int queueId, long queueOffset) {
        requireOffset(queueOffset);
        ConsumerQueueKey key = new ConsumerQueueKey(group, topic, queueId);
        lock.lock();
        try {
            OffsetTable.Entry entry = entryForWrite(key);
            if (entry.window().ack(queueOffset)) {
                journal.appendOffsetRecord(OffsetJournalRecordType.ACK, entry.keyId(), queueOffset);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Acknowledges every queue offset up to and including {@code queueOffsetInclusive}.
     *
     * @param group the consumer group
     * @param topic the topic
     * @param queueId the queue of the topic
     * @param queueOffsetInclusive the last acknowledged offset, not negative
     */
    public void ackUpTo(String group, String topic, int queueId, long queueOffsetInclusive) {
        requireOffset(queueOffsetInclusive);
        ConsumerQueueKey key = new ConsumerQueueKey(group, topic, queueId);
        lock.lock();
        try {
            OffsetTable.Entry entry = entryForWrite(key);
            if (entry.window().ackUpTo(queueOffsetInclusive)) {
                journal.appendOffsetRecord(OffsetJournalRecordType.ACK_UP_TO, entry.keyId(), queueOffsetInclusive);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the acked offset back (replay) or forward (skip) to {@code queueOffset} and forgets the
     * out-of-order acks; creates the queue's progress if it had none.
     *
     * @param group the consumer group
     * @param topic the topic
     * @param queueId the queue of the topic
     * @param queueOffset the new acked offset: the next offset delivered, not negative
     */
    public void resetTo(String group, String topic, int queueId, long queueOffset) {
        requireOffset(queueOffset);
        ConsumerQueueKey key = new ConsumerQueueKey(group, topic, queueId);
        lock.lock();
        try {
            OffsetTable.Entry entry = entryForWrite(key);
            entry.window().resetTo(queueOffset);
            journal.appendOffsetRecord(OffsetJournalRecordType.RESET, entry.keyId(), queueOffset);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets every queue's progress of a consumer group.
     *
     * @param group the consumer group
     * @return how many queues' progress was forgotten
     */
    public int removeGroup(String group) {
        lock.lock();
        try {
            ensureOpen();
            List<OffsetTable.Entry> entries = table.entriesOf(group);
            for (OffsetTable.Entry entry : entries) {
                table.remove(entry.key());
                journal.appendRemoveKey(entry.keyId());
            }
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param group the consumer group
     * @param topic the topic
     * @param queueId the queue of the topic
     * @return an immutable view of the queue's progress, or empty if none was recorded
     */
    public Optional<QueueProgress> progress(String group, String topic, int queueId) {
        ConsumerQueueKey key = new ConsumerQueueKey(group, topic, queueId);
        lock.lock();
        try {
            ensureOpen();
            OffsetTable.Entry entry = table.get(key);
            return entry == null ? Optional.empty()
                    : Optional.of(new QueueProgress(key, entry.window().ackedOffset(), entry.window().ackedAbove()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the names of the groups with recorded progress, sorted
     */
    public Set<String> groups() {
        lock.lock();
        try {
            ensureOpen();
            Set<String> groups = new TreeSet<>();
            for (OffsetTable.Entry entry : table.entries()) {
                groups.add(entry.key().group());
            }
            return groups;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param group a consumer group
     * @return the progress of each queue of the group, in no particular order
     */
    public List<QueueProgress> progressOf(String group) {
        lock.lock();
        try {
            ensureOpen();
            List<QueueProgress> progress = new ArrayList<>();
            for (OffsetTable.Entry entry : table.entriesOf(group)) {
                progress.add(new QueueProgress(entry.key(), entry.window().ackedOffset(), entry.window().ackedAbove()));
            }
            return progress;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes every change made before this call durable, with one force of the journal however many
     * changes there were; then compacts if the journal grew past
     * {@link OffsetStoreConfig#compactEveryJournalBytes()}. Returns at once if nothing changed since
     * the last flush.
     *
     * <p>Design note: compaction runs inside the flush that notices the journal's size, under the
     * lock, so acks from other threads wait for one snapshot write; the journal stays bounded without
     * a background thread, and the caller of flush already expects to wait for the disk.
     *
     * @throws StoreException of category STATE if the store is closed, IO if forcing fails
     */
    public void flush() {
        long target;
        lock.lock();
        try {
            ensureOpen();
            target = journal.appendedBytesTotal();
            if (target <= flushedBytes) {
                return;
            }
        } finally {
            lock.unlock();
        }
        journal.force();
        lock.lock();
        try {
            flushedBytes = Math.max(flushedBytes, target);
            if (!closed && journal.sizeBytes() >= config.compactEveryJournalBytes()) {
                compactLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the whole state to a new snapshot and restarts the journal empty; makes every change
     * durable.
     */
    public void compact() {
        lock.lock();
        try {
            ensureOpen();
            compactLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the journal's current length in bytes (it shrinks on compaction)
     */
    public long journalSizeBytes() {
        lock.lock();
        try {
            return journal.sizeBytes();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Flushes and closes the journal. Further calls fail with a {@link StoreException} of category
     * STATE; closing twice does nothing.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            journal.force();
            closed = true;
            journal.close();
        } finally {
            lock.unlock();
        }
    }

    private void compactLocked() {
        long nextGeneration = generation + 1;
        OffsetSnapshotFile.write(snapshotPath, nextGeneration, table);
        journal.restart(nextGeneration);
        generation = nextGeneration;
        flushedBytes = journal.appendedBytesTotal();
    }

    private OffsetTable.Entry entryForWrite(ConsumerQueueKey key) {
        ensureOpen();
        OffsetTable.Entry entry = table.get(key);
        if (entry == null) {
            entry = table.define(key);
            journal.appendDefineKey(entry.keyId(), key);
        }
        return entry;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(StoreException.Category.STATE, "the consumer offset store is closed");
        }
    }

    private static void requireOffset(long queueOffset) {
        if (queueOffset < 0) {
            throw new IllegalArgumentException("queue offset must not be negative: " + queueOffset);
        }
    }
}
