package org.cairnmq.server.store.internal;

import static org.cairnmq.server.store.internal.IndexFileDescriptor.BEGIN_COMMIT_LOG_OFFSET_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.BEGIN_TIMESTAMP_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.END_COMMIT_LOG_OFFSET_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.ENTRY_CAPACITY_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.ENTRY_COMMIT_LOG_OFFSET_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.ENTRY_COUNT_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.ENTRY_KEY_HASH_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.ENTRY_PREVIOUS_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.ENTRY_TIME_DELTA_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.MAGIC;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.MAGIC_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.MAX_TIMESTAMP_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.NO_ENTRY;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.SLOTS_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.SLOT_COUNT_OFFSET;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.SLOT_LENGTH;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.VERSION;
import static org.cairnmq.server.store.internal.IndexFileDescriptor.VERSION_OFFSET;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cairnmq.server.store.StoreException;

/**
 * One memory-mapped message-key index file (layout in {@link IndexFileDescriptor}): puts append an
 * entry and make it the head of its slot's chain; lookups walk the chain, newest first.
 *
 * <p>Owning thread: not thread-safe; the owner ({@code MessageKeyIndex}) runs puts under its write
 * lock and lookups under its read lock. {@link #force()} may run concurrently with either.
 *
 * <p>Design note: the mapping is never unmapped explicitly (Java 17 has no public unmap); a closed
 * or deleted file's mapping is released when the buffer is garbage-collected.
 */
public final class IndexFile {

    private final Path path;
    private final MappedByteBuffer buffer;
    private final int slotCount;
    private final int entryCapacity;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private int entryCount;

    private IndexFile(Path path, MappedByteBuffer buffer) {
        this.path = path;
        this.buffer = buffer;
        this.slotCount = buffer.getInt(SLOT_COUNT_OFFSET);
        this.entryCapacity = buffer.getInt(ENTRY_CAPACITY_OFFSET);
        this.entryCount = buffer.getInt(ENTRY_COUNT_OFFSET);
    }

    /**
     * Creates an empty file named after its first entry.
     *
     * @param directory the index directory
     * @param firstCommitLogOffset the CommitLog offset of the first entry to come
     * @param firstTimestampMs the store time of the first entry to come: the file's time base
     * @param slotCount the slot table's size
     * @param entryCapacity how many entries the file holds
     * @return the file
     */
    public static IndexFile create(Path directory, long firstCommitLogOffset, long firstTimestampMs,
            int slotCount, int entryCapacity) {
        Path path = directory.resolve(IndexFileDescriptor.fileName(firstCommitLogOffset));
        long length = IndexFileDescriptor.fileLength(slotCount, entryCapacity);
        MappedByteBuffer buffer = map(path, length, true);
        buffer.putInt(MAGIC_OFFSET, MAGIC);
        buffer.putInt(VERSION_OFFSET, VERSION);
        buffer.putInt(SLOT_COUNT_OFFSET, slotCount);
        buffer.putInt(ENTRY_CAPACITY_OFFSET, entryCapacity);
        buffer.putLong(BEGIN_TIMESTAMP_OFFSET, firstTimestampMs);
        buffer.putLong(MAX_TIMESTAMP_OFFSET, firstTimestampMs);
        buffer.putLong(BEGIN_COMMIT_LOG_OFFSET_OFFSET, firstCommitLogOffset);
        buffer.putLong(END_COMMIT_LOG_OFFSET_OFFSET, firstCommitLogOffset);
        buffer.putInt(ENTRY_COUNT_OFFSET, 0);
        IndexFile file = new IndexFile(path, buffer);
        file.dirty.set(true);
        return file;
    }

    /**
     * Maps an existing file and checks its header.
     *
     * @param path the file
     * @return the file
     * @throws StoreException of category CORRUPTION if the header does not describe this file
     */
    public static IndexFile open(Path path) {
        long length;
        try {
            length = Files.size(path);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot read index file " + path, e);
        }
        if (length < SLOTS_OFFSET || length > Integer.MAX_VALUE) {
            throw corrupt(path, "has length " + length);
        }
        MappedByteBuffer buffer = map(path, length, false);
        int slots = buffer.getInt(SLOT_COUNT_OFFSET);
        int capacity = buffer.getInt(ENTRY_CAPACITY_OFFSET);
        int count = buffer.getInt(ENTRY_COUNT_OFFSET);
        if (buffer.getInt(MAGIC_OFFSET) != MAGIC || buffer.getInt(VERSION_OFFSET) != VERSION
                || slots < 1 || capacity < 1 || IndexFileDescriptor.fileLength(slots, capacity) != length
                || count < 0 || count > capacity) {
            throw corrupt(path, "has a bad header");
        }
        return new IndexFile(path, buffer);
    }

    /**
     * @return the file's path
     */
    public Path path() {
        return path;
    }

    /**
     * @return how many entries the file holds
     */
    public int entryCount() {
        return entryCount;
    }

    /**
     * @return how many entries the file can hold
     */
    public int entryCapacity() {
        return entryCapacity;
    }

    /**
     * @return the CommitLog offset of the first entry
     */
    public long beginCommitLogOffset() {
        return buffer.getLong(BEGIN_COMMIT_LOG_OFFSET_OFFSET);
    }

    /**
     * @return the CommitLog offset of the last entry (the first entry's when empty)
     */
    public long endCommitLogOffset() {
        return buffer.getLong(END_COMMIT_LOG_OFFSET_OFFSET);
    }

    /**
     * @return the latest store time of any entry, in epoch milliseconds
     */
    public long maxTimestampMs() {
        return buffer.getLong(MAX_TIMESTAMP_OFFSET);
    }

    /**
     * @param storeTimestampMs the store time of an entry to put
     * @return whether the file has room for it and its time fits the file's int time delta
     */
    public boolean accepts(long storeTimestampMs) {
        long deltaMs = storeTimestampMs - buffer.getLong(BEGIN_TIMESTAMP_OFFSET);
        return entryCount < entryCapacity && deltaMs >= Integer.MIN_VALUE && deltaMs <= Integer.MAX_VALUE;
    }

    /**
     * Appends an entry and makes it the head of its slot. The caller checked {@link #accepts}, and
     * puts entries in increasing CommitLog order.
     *
     * @param keyHash the key's {@link MessageKeyHash}
     * @param commitLogOffset the record's CommitLog offset
     * @param storeTimestampMs the record's store time
     */
    public void put(int keyHash, long commitLogOffset, long storeTimestampMs) {
        int number = entryCount + 1;
        int slotOffset = IndexFileDescriptor.slotOffset(slotCount, keyHash);
        int entryOffset = IndexFileDescriptor.entryOffset(slotCount, number);
        buffer.putInt(entryOffset + ENTRY_KEY_HASH_OFFSET, keyHash);
        buffer.putLong(entryOffset + ENTRY_COMMIT_LOG_OFFSET_OFFSET, commitLogOffset);
        buffer.putInt(entryOffset + ENTRY_TIME_DELTA_OFFSET,
                (int) (storeTimestampMs - buffer.getLong(BEGIN_TIMESTAMP_OFFSET)));
        buffer.putInt(entryOffset + ENTRY_PREVIOUS_OFFSET, buffer.getInt(slotOffset));
        buffer.putInt(slotOffset, number);
        buffer.putLong(END_COMMIT_LOG_OFFSET_OFFSET, commitLogOffset);
        buffer.putLong(MAX_TIMESTAMP_OFFSET, Math.max(maxTimestampMs(), storeTimestampMs));
        entryCount = number;
        buffer.putInt(ENTRY_COUNT_OFFSET, number);
        dirty.set(true);
    }

    /**
     * Adds the CommitLog offsets of the entries with this hash and a store time at or after
     * {@code sinceEpochMs} to {@code results}, newest first, until it is full.
     *
     * @param keyHash the key's {@link MessageKeyHash}
     * @param sinceEpochMs the earliest store time wanted
     * @param results where the offsets go
     * @param found how many of {@code results} are already filled
     * @return how many are filled now
     */
    public int lookup(int keyHash, long sinceEpochMs, long[] results, int found) {
        long beginTimestampMs = buffer.getLong(BEGIN_TIMESTAMP_OFFSET);
        int filled = found;
        int number = buffer.getInt(IndexFileDescriptor.slotOffset(slotCount, keyHash));
        int bound = entryCount + 1;
        while (number > NO_ENTRY && number < bound && filled < results.length) {
            int entryOffset = IndexFileDescriptor.entryOffset(slotCount, number);
            long timestampMs = beginTimestampMs + buffer.getInt(entryOffset + ENTRY_TIME_DELTA_OFFSET);
            if (buffer.getInt(entryOffset + ENTRY_KEY_HASH_OFFSET) == keyHash && timestampMs >= sinceEpochMs) {
                results[filled++] = buffer.getLong(entryOffset + ENTRY_COMMIT_LOG_OFFSET_OFFSET);
            }
            bound = number;
            number = buffer.getInt(entryOffset + ENTRY_PREVIOUS_OFFSET);
        }
        return filled;
    }

    /**
     * @param commitLogOffset a CommitLog offset
     * @return how many entries point below it (entries are in increasing CommitLog order)
     */
    public int countBelow(long commitLogOffset) {
        int low = 0;
        int high = entryCount;
        while (low < high) {
            int middle = (low + high) >>> 1;
            long offset = buffer.getLong(IndexFileDescriptor.entryOffset(slotCount, middle + 1)
                    + ENTRY_COMMIT_LOG_OFFSET_OFFSET);
            if (offset < commitLogOffset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Keeps only the first {@code count} entries and rebuilds the slot table and the header from
     * them, so slots and links written for later entries, or never written at all, do not matter.
     *
     * @param count how many entries to keep, at most {@link #entryCount()} as recovered
     */
    public void truncateToEntryCount(int count) {
        for (int slot = 0; slot < slotCount; slot++) {
            buffer.putInt(SLOTS_OFFSET + SLOT_LENGTH * slot, NO_ENTRY);
        }
        long beginTimestampMs = buffer.getLong(BEGIN_TIMESTAMP_OFFSET);
        long maxTimestampMs = beginTimestampMs;
        long endCommitLogOffset = beginCommitLogOffset();
        for (int number = 1; number <= count; number++) {
            int entryOffset = IndexFileDescriptor.entryOffset(slotCount, number);
            int slotOffset = IndexFileDescriptor.slotOffset(slotCount,
                    buffer.getInt(entryOffset + ENTRY_KEY_HASH_OFFSET));
            buffer.putInt(entryOffset + ENTRY_PREVIOUS_OFFSET, buffer.getInt(slotOffset));
            buffer.putInt(slotOffset, number);
            maxTimestampMs = Math.max(maxTimestampMs,
                    beginTimestampMs + buffer.getInt(entryOffset + ENTRY_TIME_DELTA_OFFSET));
            endCommitLogOffset = buffer.getLong(entryOffset + ENTRY_COMMIT_LOG_OFFSET_OFFSET);
        }
        buffer.putLong(MAX_TIMESTAMP_OFFSET, maxTimestampMs);
        buffer.putLong(END_COMMIT_LOG_OFFSET_OFFSET, endCommitLogOffset);
        buffer.putInt(ENTRY_COUNT_OFFSET, count);
        entryCount = count;
        dirty.set(true);
    }

    /**
     * Writes the file's changed pages to disk, if there were changes since the last force.
     */
    public void force() {
        if (dirty.getAndSet(false)) {
            buffer.force();
        }
    }

    /**
     * Deletes the file. The instance must not be used afterwards.
     */
    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot delete index file " + path, e);
        }
    }

    private static MappedByteBuffer map(Path path, long length, boolean create) {
        StandardOpenOption[] options = create
                ? new StandardOpenOption[] {StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE}
                : new StandardOpenOption[] {StandardOpenOption.READ, StandardOpenOption.WRITE};
        try (FileChannel channel = FileChannel.open(path, options)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot map index file " + path, e);
        }
    }

    private static StoreException corrupt(Path path, String what) {
        return new StoreException(StoreException.Category.CORRUPTION, "index file " + path + " " + what);
    }
}
