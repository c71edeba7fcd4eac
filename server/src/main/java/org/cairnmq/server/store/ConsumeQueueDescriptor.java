package org.cairnmq.server.store;

/**
 * The layout of one ConsumeQueue entry: fixed width, so the entry of logical offset {@code n} is at
 * byte {@code n * ENTRY_BYTES} of the queue. All integers are big-endian.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  CommitLog Offset (int64)                     |  0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                  Size (int32, 0 = no entry)                   |  8
 *  +---------------------------------------------------------------+
 *  |                  Flags (int32)                                | 12
 *  +---------------------------------------------------------------+
 *  |                  Tags Code (int64)                            | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                  Store Timestamp ms (int64)                   | 24
 *  |                                                               |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Segment files under {@code consumequeue/<topic>/<queueId>/} are named by the byte offset of
 * their first entry ({@code firstQueueOffset * ENTRY_BYTES}), 20 digits, zero-padded.
 *
 * <p>Design note: the size is written last and a zero size means "no entry", so an entry torn by a
 * crash reads as absent. The store timestamp makes {@code queueOffsetForTimestamp} a binary search
 * over the ConsumeQueue alone, without touching the CommitLog.
 */
public final class ConsumeQueueDescriptor {

    /** Offset of the record's physical offset in the CommitLog. */
    public static final int COMMIT_LOG_OFFSET_OFFSET = 0;
    /** Offset of the record's length; zero marks an absent entry. */
    public static final int SIZE_OFFSET = 8;
    /** Offset of the record's flags. */
    public static final int FLAGS_OFFSET = 12;
    /** Offset of the record's tags code. */
    public static final int TAGS_CODE_OFFSET = 16;
    /** Offset of the record's store timestamp, epoch milliseconds. */
    public static final int STORE_TIMESTAMP_OFFSET = 24;
    /** The width of one entry. */
    public static final int ENTRY_BYTES = 32;

    private ConsumeQueueDescriptor() {
    }
}
