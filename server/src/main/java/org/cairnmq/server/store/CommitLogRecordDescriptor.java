package org.cairnmq.server.store;

/**
 * The layout of one CommitLog record and of the blank marker that ends a segment. All integers are
 * big-endian.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                      Total Length (int32)                     |  0
 *  +---------------------------------------------------------------+
 *  |                      Magic (int32)                            |  4
 *  +---------------------------------------------------------------+
 *  |                      CRC32C (int32, over bytes 12..end)       |  8
 *  +---------------------------------------------------------------+
 *  |                      Queue Id (int32)                         | 12
 *  +---------------------------------------------------------------+
 *  |                      Queue Offset (int64)                     | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                      Physical Offset (int64)                  | 24
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                      Born Timestamp ms (int64)                | 32
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                      Store Timestamp ms (int64)               | 40
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                      Flags (int32)                            | 48
 *  +---------------------------------------------------------------+
 *  |                      Tags Code (int64)                        | 52
 *  |                                                               |
 *  +-------------------------------+-------------------------------+
 *  |   Topic Length (int16)        |  Topic (UTF-8) ...            | 60
 *  +-------------------------------+-------------------------------+
 *  |   Key Length (int16)          |  Key (message id) ...         | 62 + T
 *  +-------------------------------+-------------------------------+
 *  |                      Payload Length (int32)                   | 64 + T + K
 *  +---------------------------------------------------------------+
 *  |                      Payload ...                              | 68 + T + K
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Blank marker: when a record does not fit in the rest of a segment, the appender writes
 * {@code Total Length = bytes left in the segment} and {@code Magic = BLANK_MAGIC} at the write
 * position and continues in the next segment, so records never span segments. A zero Total Length
 * marks the end of written data.
 */
public final class CommitLogRecordDescriptor {

    /** Offset of the record's whole length, header included. */
    public static final int TOTAL_LENGTH_OFFSET = 0;
    /** Offset of the magic that tells a record from a blank marker. */
    public static final int MAGIC_OFFSET = 4;
    /** Offset of the CRC32C over bytes {@link #CRC_START_OFFSET}..end of record. */
    public static final int CRC_OFFSET = 8;
    /** Offset of the queue id. */
    public static final int QUEUE_ID_OFFSET = 12;
    /** Offset of the logical offset within the ConsumeQueue. */
    public static final int QUEUE_OFFSET_OFFSET = 16;
    /** Offset of the record's own physical offset in the CommitLog. */
    public static final int PHYSICAL_OFFSET_OFFSET = 24;
    /** Offset of the producer's timestamp, epoch milliseconds. */
    public static final int BORN_TIMESTAMP_OFFSET = 32;
    /** Offset of the store's timestamp, epoch milliseconds. */
    public static final int STORE_TIMESTAMP_OFFSET = 40;
    /** Offset of the flags. */
    public static final int FLAGS_OFFSET = 48;
    /** Offset of the tags code. */
    public static final int TAGS_CODE_OFFSET = 52;
    /** Offset of the topic length (int16), followed by the topic's UTF-8 bytes. */
    public static final int TOPIC_LENGTH_OFFSET = 60;
    /** Where the CRC coverage starts. */
    public static final int CRC_START_OFFSET = QUEUE_ID_OFFSET;
    /** Bytes before the topic. */
    public static final int FIXED_HEADER_BYTES = 60;
    /** Bytes of the three length prefixes (topic, key, payload). */
    public static final int LENGTH_PREFIXES_BYTES = 2 + 2 + 4;
    /** The shortest possible record (one-byte topic, empty key and payload). */
    public static final int MIN_RECORD_BYTES = FIXED_HEADER_BYTES + LENGTH_PREFIXES_BYTES + 1;
    /** The longest topic in UTF-8 bytes. */
    public static final int MAX_TOPIC_BYTES = 127;
    /** The longest key in bytes. */
    public static final int MAX_KEY_BYTES = Short.MAX_VALUE;

    /** Magic of a record. */
    public static final int RECORD_MAGIC = 0xCA12_0001;
    /** Magic of the blank marker that fills the end of a segment. */
    public static final int BLANK_MAGIC = 0xCA12_0BB0;
    /** The bytes a blank marker needs: Total Length and Magic. Every segment keeps room for it. */
    public static final int BLANK_MARKER_BYTES = 8;
    /** The smallest segment the store accepts. */
    public static final int MIN_SEGMENT_BYTES = 4096;

    private CommitLogRecordDescriptor() {
    }

    /**
     * @param topicBytes the topic's UTF-8 length
     * @param keyBytes the key's length
     * @param payloadBytes the payload's length
     * @return the whole record's length, as a long so that overflow is visible
     */
    public static long recordLength(int topicBytes, int keyBytes, int payloadBytes) {
        return (long) FIXED_HEADER_BYTES + LENGTH_PREFIXES_BYTES + topicBytes + keyBytes + payloadBytes;
    }

    /**
     * @param topicBytes the topic's UTF-8 length
     * @return the offset of the key length
     */
    public static int keyLengthOffset(int topicBytes) {
        return TOPIC_LENGTH_OFFSET + 2 + topicBytes;
    }

    /**
     * @param topicBytes the topic's UTF-8 length
     * @param keyBytes the key's length
     * @return the offset of the payload length
     */
    public static int payloadLengthOffset(int topicBytes, int keyBytes) {
        return keyLengthOffset(topicBytes) + 2 + keyBytes;
    }
}
