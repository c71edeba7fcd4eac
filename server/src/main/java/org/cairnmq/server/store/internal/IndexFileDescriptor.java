package org.cairnmq.server.store.internal;

/**
 * The layout of one message-key index file: a header, a fixed table of hash slots, and fixed-width
 * entries appended in CommitLog order. Integers are big-endian. Entry numbers start at 1; 0 means
 * "none" in a slot or a previous-entry link, so a zero-filled file is a valid empty index.
 *
 * <pre>
 * Header ({@value #HEADER_LENGTH} bytes):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                     magic 0x43414B49 'CAKI'                   |  0
 * +---------------------------------------------------------------+
 * |                           version                             |  4
 * +---------------------------------------------------------------+
 * |                           slotCount                           |  8
 * +---------------------------------------------------------------+
 * |                  entryCapacity (entries)                      | 12
 * +---------------------------------------------------------------+
 * |        beginTimestampMs (long): first entry's store time      | 16
 * |                                                               |
 * +---------------------------------------------------------------+
 * |        maxTimestampMs (long): latest store time of an entry   | 24
 * |                                                               |
 * +---------------------------------------------------------------+
 * |        beginCommitLogOffset (long): first entry's record      | 32
 * |                                                               |
 * +---------------------------------------------------------------+
 * |        endCommitLogOffset (long): last entry's record         | 40
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                           entryCount                          | 48
 * +---------------------------------------------------------------+
 * |                           reserved (0)                        | 52
 * +---------------------------------------------------------------+
 *
 * Slot table at {@value #SLOTS_OFFSET}: slotCount x int, the number of the newest entry whose
 * key hash falls in the slot (0 = empty). slot = unsigned(keyHash) mod slotCount.
 *
 * Entries at SLOTS_OFFSET + 4 x slotCount, entryCapacity x {@value #ENTRY_LENGTH} bytes:
 * +---------------------------------------------------------------+
 * |                 keyHash ({@link MessageKeyHash})              | +0
 * +---------------------------------------------------------------+
 * |                 commitLogOffset (long) of the record          | +4
 * |                                                               |
 * +---------------------------------------------------------------+
 * |      timeDeltaMs: store time minus beginTimestampMs           | +12
 * +---------------------------------------------------------------+
 * |      previousEntry: the next older entry of the slot (0=none) | +16
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>A file is named after its first entry's CommitLog offset, zero-padded to 20 digits, with
 * the suffix {@value #FILE_SUFFIX}.
 */
public final class IndexFileDescriptor {

    /** {@code 'CAKI'}: Cairn key index. */
    public static final int MAGIC = 0x43414B49;
    /** The format version written. */
    public static final int VERSION = 1;

    /** Offset of the magic number. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the version. */
    public static final int VERSION_OFFSET = 4;
    /** Offset of the slot count. */
    public static final int SLOT_COUNT_OFFSET = 8;
    /** Offset of the entry capacity. */
    public static final int ENTRY_CAPACITY_OFFSET = 12;
    /** Offset of the begin timestamp. */
    public static final int BEGIN_TIMESTAMP_OFFSET = 16;
    /** Offset of the max timestamp. */
    public static final int MAX_TIMESTAMP_OFFSET = 24;
    /** Offset of the begin CommitLog offset. */
    public static final int BEGIN_COMMIT_LOG_OFFSET_OFFSET = 32;
    /** Offset of the end CommitLog offset. */
    public static final int END_COMMIT_LOG_OFFSET_OFFSET = 40;
    /** Offset of the entry count. */
    public static final int ENTRY_COUNT_OFFSET = 48;
    /** Length of the header; the slot table starts here. */
    public static final int HEADER_LENGTH = 56;
    /** Offset of the slot table. */
    public static final int SLOTS_OFFSET = HEADER_LENGTH;
    /** Length of one slot. */
    public static final int SLOT_LENGTH = Integer.BYTES;

    /** Offset of the key hash within an entry. */
    public static final int ENTRY_KEY_HASH_OFFSET = 0;
    /** Offset of the CommitLog offset within an entry. */
    public static final int ENTRY_COMMIT_LOG_OFFSET_OFFSET = 4;
    /** Offset of the time delta within an entry. */
    public static final int ENTRY_TIME_DELTA_OFFSET = 12;
    /** Offset of the previous entry number within an entry. */
    public static final int ENTRY_PREVIOUS_OFFSET = 16;
    /** Length of one entry. */
    public static final int ENTRY_LENGTH = 20;

    /** The entry number meaning "no entry". */
    public static final int NO_ENTRY = 0;
    /** The suffix of index file names. */
    public static final String FILE_SUFFIX = ".idx";

    private IndexFileDescriptor() {
    }

    /**
     * @param slotCount the slot table's size
     * @param entryCapacity the number of entries
     * @return the file's length in bytes
     */
    public static long fileLength(int slotCount, int entryCapacity) {
        return SLOTS_OFFSET + (long) SLOT_LENGTH * slotCount + (long) ENTRY_LENGTH * entryCapacity;
    }

    /**
     * @param slotCount the slot table's size
     * @param entryNumber an entry number, from 1
     * @return the entry's offset in the file
     */
    public static int entryOffset(int slotCount, int entryNumber) {
        return SLOTS_OFFSET + SLOT_LENGTH * slotCount + ENTRY_LENGTH * (entryNumber - 1);
    }

    /**
     * @param slotCount the slot table's size
     * @param keyHash a key hash
     * @return the offset of the slot the hash falls in
     */
    public static int slotOffset(int slotCount, int keyHash) {
        return SLOTS_OFFSET + SLOT_LENGTH * Integer.remainderUnsigned(keyHash, slotCount);
    }

    /**
     * @param firstCommitLogOffset the CommitLog offset of the file's first entry
     * @return the file's name
     */
    public static String fileName(long firstCommitLogOffset) {
        return String.format("%020d", firstCommitLogOffset) + FILE_SUFFIX;
    }
}
