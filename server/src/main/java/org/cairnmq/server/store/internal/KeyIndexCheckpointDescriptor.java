package org.cairnmq.server.store.internal;

/**
 * The layout of the message-key index checkpoint file. Integers are big-endian.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                     magic 0x43414B43 'CAKC'                   |  0
 * +---------------------------------------------------------------+
 * |                           version                             |  4
 * +---------------------------------------------------------------+
 * |         indexedUpToCommitLogOffset (long)                     |  8
 * |                                                               |
 * +---------------------------------------------------------------+
 * |         lastFileBeginCommitLogOffset (long), -1 = no file     | 16
 * |                                                               |
 * +---------------------------------------------------------------+
 * |         lastFileEntryCount                                    | 24
 * +---------------------------------------------------------------+
 * |         CRC-32C of bytes 0..27                                | 28
 * +---------------------------------------------------------------+
 * </pre>
 */
public final class KeyIndexCheckpointDescriptor {

    /** {@code 'CAKC'}: Cairn key-index checkpoint. */
    public static final int MAGIC = 0x43414B43;
    /** The format version written. */
    public static final int VERSION = 1;

    /** Offset of the magic number. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the version. */
    public static final int VERSION_OFFSET = 4;
    /** Offset of the indexed-up-to CommitLog offset. */
    public static final int INDEXED_UP_TO_OFFSET = 8;
    /** Offset of the newest file's begin CommitLog offset. */
    public static final int LAST_FILE_BEGIN_OFFSET = 16;
    /** Offset of the newest file's durable entry count. */
    public static final int LAST_FILE_ENTRY_COUNT_OFFSET = 24;
    /** Offset of the CRC. */
    public static final int CRC_OFFSET = 28;
    /** Length of the file. */
    public static final int CHECKPOINT_LENGTH = 32;

    private KeyIndexCheckpointDescriptor() {
    }
}
