package org.cairnmq.server.store.internal;

/**
 * The layout of the consumer-offset snapshot file: the whole state at one moment, written to a
 * temporary file, forced and renamed into place, so it is either wholly there or not at all.
 * Integers are big-endian.
 *
 * <pre>
 * Header ({@value #HEADER_LENGTH} bytes):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                     magic 0x43414F53 'CAOS'                   |  0
 * +---------------------------------------------------------------+
 * |                           version                             |  4
 * +---------------------------------------------------------------+
 * |        generation (long): the journal generation that         |  8
 * |        continues this snapshot                                |
 * +---------------------------------------------------------------+
 * |                nextKeyId: the next key id to assign           | 16
 * +---------------------------------------------------------------+
 * |                entryCount                                     | 20
 * +---------------------------------------------------------------+
 *
 * entryCount entries, each:
 * +---------------------------------------------------------------+
 * |                keyId                                          | +0
 * +---------------------------------------------------------------+
 * |                queueId                                        | +4
 * +---------------------------------------------------------------+
 * |                ackedOffset (long)                             | +8
 * |                                                               |
 * +---------------------------------------------------------------+
 * |                ackedAboveCount                                | +16
 * +-------------------------------+-------------------------------+
 * |  groupLength (short)          |  group (UTF-8) ...            | +20
 * +-------------------------------+-------------------------------+
 * |  topicLength (short)          |  topic (UTF-8) ...            |
 * +-------------------------------+-------------------------------+
 * |  ackedAboveCount x queue offset (long), ascending             |
 * +---------------------------------------------------------------+
 *
 * Trailer:
 * +---------------------------------------------------------------+
 * |         CRC-32C of every byte before the trailer              |
 * +---------------------------------------------------------------+
 * </pre>
 */
public final class OffsetSnapshotDescriptor {

    /** {@code 'CAOS'}: Cairn offset snapshot. */
    public static final int MAGIC = 0x43414F53;
    /** The format version written. */
    public static final int VERSION = 1;

    /** Offset of the magic number. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the version. */
    public static final int VERSION_OFFSET = 4;
    /** Offset of the generation. */
    public static final int GENERATION_OFFSET = 8;
    /** Offset of the next key id. */
    public static final int NEXT_KEY_ID_OFFSET = 16;
    /** Offset of the entry count. */
    public static final int ENTRY_COUNT_OFFSET = 20;
    /** Length of the header; the first entry starts here. */
    public static final int HEADER_LENGTH = 24;

    /** Offset of the key id within an entry. */
    public static final int ENTRY_KEY_ID_OFFSET = 0;
    /** Offset of the queue id within an entry. */
    public static final int ENTRY_QUEUE_ID_OFFSET = 4;
    /** Offset of the acked offset within an entry. */
    public static final int ENTRY_ACKED_OFFSET_OFFSET = 8;
    /** Offset of the count of acked offsets above within an entry. */
    public static final int ENTRY_ACKED_ABOVE_COUNT_OFFSET = 16;
    /** Offset of the group name length within an entry; the names and offsets follow. */
    public static final int ENTRY_GROUP_LENGTH_OFFSET = 20;

    /** Length of the trailing CRC. */
    public static final int TRAILER_LENGTH = 4;

    private OffsetSnapshotDescriptor() {
    }
}
