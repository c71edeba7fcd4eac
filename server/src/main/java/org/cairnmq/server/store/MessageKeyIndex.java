package org.cairnmq.server.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.cairnmq.server.store.internal.IndexFile;
import org.cairnmq.server.store.internal.KeyIndexCheckpoint;
import org.cairnmq.server.store.internal.KeyIndexRecovery;
import org.cairnmq.server.store.internal.MessageKeyHash;

/**
 * Finds CommitLog records by their key (the message id): for lookup and for the duplicate-detection
 * window. Built by the dispatch thread from every record with a non-empty key, like RocketMQ's
 * IndexFile: memory-mapped files of a hash-slot table and fixed-width entries chaining collisions
 * (layout in {@code IndexFileDescriptor}); a full file rolls over to a new one.
 *
 * <pre>
 *  dispatch(record) --> newest index file: entry {keyHash, commitLogOffset, timeDelta, previous}
 *                                          slot[keyHash mod slots] = entry
 *  lookup(key, since, max) --> newest file first, each slot chain newest first
 *                              --> candidate commitLogOffsets (hashes collide: verify the key)
 *  flush() --> force the files, then write the checkpoint {indexedUpTo, newest file, its entries}
 * </pre>
 *
 * <p>Recovery: {@link #indexedUpToCommitLogOffset()} after {@link #open} is the checkpointed
 * position; the store replays the CommitLog from there (or from its minimum offset, if higher).
 * Replayed records below the position are ignored, so replay never indexes a record twice.
 *
 * <p>{@link MessageStore} opens one in {@code dataDirectory/index} and drives it through the
 * {@link CommitLogDispatcher} hooks: replay from {@link #recoveredUpToCommitLogOffset()},
 * {@link #truncateAbove} with the recovered CommitLog end, {@link #deleteBelow} after retention and
 * {@link #flush} every checkpoint interval.
 *
 * <p>Owning thread: {@link #dispatch}, {@link #truncateAbove} and {@link #deleteBelow} belong to
 * the store's dispatch thread (or the starting thread before it runs); {@link #lookup} and
 * {@link #flush} may be called from any thread.
 * A read-write lock keeps lookups consistent with puts; flushes are serialised by their own lock
 * and force the files outside the read-write lock.
 */
public final class MessageKeyIndex implements CommitLogDispatcher, AutoCloseable {

    /** The checkpoint file's name inside the directory. */
    public static final String CHECKPOINT_FILE_NAME = "key-index.checkpoint";
    /** The largest {@code maxResults} a lookup accepts. */
    public static final int MAX_LOOKUP_RESULTS = 65_536;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ReentrantLock flushLock = new ReentrantLock();
    private final KeyIndexConfig config;
    private final Path checkpointPath;
    private final List<IndexFile> files;
    private long indexedUpToCommitLogOffset;
    private KeyIndexCheckpoint lastCheckpoint;
    private boolean closed;

    private MessageKeyIndex(KeyIndexConfig config, Path checkpointPath, KeyIndexRecovery.Recovered recovered) {
        this.config = config;
        this.checkpointPath = checkpointPath;
        this.files = recovered.files();
        this.indexedUpToCommitLogOffset = recovered.indexedUpToCommitLogOffset();
    }

    /**
     * Opens the index in {@code config.directory()}, creating it if absent, and recovers it to its
     * checkpoint (see {@code KeyIndexRecovery}), then writes a fresh checkpoint.
     *
     * @param config the settings
     * @return the open index
     * @throws StoreException on an I/O failure
     */
    public static MessageKeyIndex open(KeyIndexConfig config) {
        Path checkpointPath = config.directory().resolve(CHECKPOINT_FILE_NAME);
        MessageKeyIndex index = new MessageKeyIndex(config, checkpointPath,
                KeyIndexRecovery.recover(config.directory(), checkpointPath));
        index.flush();
        return index;
    }

    /**
     * Indexes the record if it has a key, and advances {@link #indexedUpToCommitLogOffset()} past
     * it. A record below that position (replayed again) is ignored.
     *
     * @param request the record's coordinates
     */
    @Override
    public void dispatch(DispatchRequest request) {
        byte[] key = request.key();
        lock.writeLock().lock();
        try {
            ensureOpen();
            if (request.commitLogOffset() < indexedUpToCommitLogOffset) {
                return;
            }
            if (key != null && key.length > 0) {
                writableFile(request).put(MessageKeyHash.of(key), request.commitLogOffset(),
                        request.storeTimestampMs());
            }
            indexedUpToCommitLogOffset = request.commitLogOffset() + request.sizeBytes();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Finds the records that may carry {@code key} and were stored at or after {@code sinceEpochMs}.
     * The duplicate-detection window is {@code lookup(key, nowMs - windowMs, n)}.
     *
     * <p>The result holds candidates: different keys can share a hash, so the caller reads each
     * record and compares its key. A candidate below the CommitLog's minimum offset may remain until
     * its file is deleted by {@link #deleteBelow}; reading it fails, and the caller skips it.
     *
     * @param key the key, not empty
     * @param sinceEpochMs the earliest store time wanted, in epoch milliseconds ({@code Long.MIN_VALUE}
     *     for all)
     * @param maxResults the most candidates returned, 1..{@value #MAX_LOOKUP_RESULTS}
     * @return candidate CommitLog offsets, newest first
     */
    public long[] lookup(byte[] key, long sinceEpochMs, int maxResults) {
        Objects.requireNonNull(key, "key");
        if (key.length == 0 || maxResults < 1 || maxResults > MAX_LOOKUP_RESULTS) {
            throw new IllegalArgumentException("key must not be empty and maxResults must be 1.."
                    + MAX_LOOKUP_RESULTS + ", was " + key.length + " bytes and " + maxResults);
        }
        int keyHash = MessageKeyHash.of(key);
        long[] results = new long[maxResults];
        int found = 0;
        lock.readLock().lock();
        try {
            ensureOpen();
            for (int i = files.size() - 1; i >= 0 && found < maxResults; i--) {
                IndexFile file = files.get(i);
                if (file.maxTimestampMs() >= sinceEpochMs) {
                    found = file.lookup(keyHash, sinceEpochMs, results, found);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return found == maxResults ? results : Arrays.copyOf(results, found);
    }

    /**
     * @return {@link #indexedUpToCommitLogOffset()}: the store replays the CommitLog into the index
     *     from there
     */
    @Override
    public long recoveredUpToCommitLogOffset() {
        return indexedUpToCommitLogOffset();
    }

    /**
     * Calls {@link #truncateAbove(long)}.
     *
     * @param newEndOffset the CommitLog's end offset after recovery
     */
    @Override
    public void onCommitLogTruncated(long newEndOffset) {
        truncateAbove(newEndOffset);
    }

    /**
     * Calls {@link #deleteBelow(long)}.
     *
     * @param newMinOffset the CommitLog's new minimum offset
     */
    @Override
    public void onCommitLogDeletedBelow(long newMinOffset) {
        deleteBelow(newMinOffset);
    }

    /**
     * @return the CommitLog offset right after the last record dispatched to the index: where
     *     replay resumes after a restart (the checkpointed value, right after {@link #open})
     */
    public long indexedUpToCommitLogOffset() {
        lock.readLock().lock();
        try {
            return indexedUpToCommitLogOffset;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Drops every entry whose record starts at or after {@code commitLogOffset}, the CommitLog's end
     * after recovery cut a torn tail, so that offsets reused by new records are never reported for
     * old keys; lowers {@link #indexedUpToCommitLogOffset()} to it if higher. Durable on return:
     * the checkpoint is written before the emptied files are deleted, and lookups wait meanwhile.
     *
     * @param commitLogOffset the CommitLog's new end offset
     */
    public void truncateAbove(long commitLogOffset) {
        List<IndexFile> removed = new ArrayList<>();
        flushLock.lock();
        try {
            lock.writeLock().lock();
            try {
                ensureOpen();
                truncateFilesFrom(commitLogOffset, removed);
                indexedUpToCommitLogOffset = Math.min(indexedUpToCommitLogOffset, commitLogOffset);
                flushLocked();
                removed.forEach(IndexFile::delete);
            } finally {
                lock.writeLock().unlock();
            }
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * Deletes the index files whose every entry points below {@code commitLogOffset}, the
     * CommitLog's minimum offset after retention. The newest file is always kept.
     *
     * @param commitLogOffset the CommitLog's minimum offset
     * @return how many files were deleted
     */
    public int deleteBelow(long commitLogOffset) {
        List<IndexFile> removed = new ArrayList<>();
        lock.writeLock().lock();
        try {
            ensureOpen();
            while (files.size() > 1 && files.get(0).endCommitLogOffset() < commitLogOffset) {
                removed.add(files.remove(0));
            }
        } finally {
            lock.writeLock().unlock();
        }
        removed.forEach(IndexFile::delete);
        return removed.size();
    }

    /**
     * Forces the index files and then writes the checkpoint, so that after a crash the index
     * recovers to this moment. Does nothing when nothing changed since the last flush.
     */
    @Override
    public void flush() {
        flushLock.lock();
        try {
            flushLocked();
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * @return how many index files exist
     */
    public int fileCount() {
        lock.readLock().lock();
        try {
            return files.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Flushes and closes the index. Further calls fail with a {@link StoreException} of category
     * STATE; closing twice does nothing.
     */
    @Override
    public void close() {
        flushLock.lock();
        try {
            if (isClosed()) {
                return;
            }
            flushLocked();
            lock.writeLock().lock();
            try {
                closed = true;
                files.clear();
            } finally {
                lock.writeLock().unlock();
            }
        } finally {
            flushLock.unlock();
        }
    }

    private void flushLocked() {
        List<IndexFile> toForce;
        KeyIndexCheckpoint checkpoint;
        lock.readLock().lock();
        try {
            ensureOpen();
            toForce = List.copyOf(files);
            checkpoint = currentCheckpoint();
        } finally {
            lock.readLock().unlock();
        }
        toForce.forEach(IndexFile::force);
        if (!checkpoint.equals(lastCheckpoint)) {
            checkpoint.write(checkpointPath);
            lastCheckpoint = checkpoint;
        }
    }

    private KeyIndexCheckpoint currentCheckpoint() {
        if (files.isEmpty()) {
            return new KeyIndexCheckpoint(indexedUpToCommitLogOffset, KeyIndexCheckpoint.NO_FILE, 0);
        }
        IndexFile last = files.get(files.size() - 1);
        return new KeyIndexCheckpoint(indexedUpToCommitLogOffset, last.beginCommitLogOffset(), last.entryCount());
    }

    private void truncateFilesFrom(long commitLogOffset, List<IndexFile> removed) {
        while (!files.isEmpty()) {
            IndexFile last = files.get(files.size() - 1);
            int keep = last.countBelow(commitLogOffset);
            if (keep == last.entryCount()) {
                return;
            }
            if (keep > 0) {
                last.truncateToEntryCount(keep);
                return;
            }
            removed.add(files.remove(files.size() - 1));
        }
    }

    private IndexFile writableFile(DispatchRequest request) {
        IndexFile last = files.isEmpty() ? null : files.get(files.size() - 1);
        if (last != null && last.accepts(request.storeTimestampMs())) {
            return last;
        }
        IndexFile created = IndexFile.create(config.directory(), request.commitLogOffset(),
                request.storeTimestampMs(), config.slotCount(), config.maxEntriesPerFile());
        files.add(created);
        return created;
    }

    private boolean isClosed() {
        lock.readLock().lock();
        try {
            return closed;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException(StoreException.Category.STATE, "the message key index is closed");
        }
    }
}
