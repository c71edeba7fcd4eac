package org.cairnmq.server.store.internal;

import org.cairnmq.server.store.ConsumerQueueKey;

/**
 * The layout of the consumer-offset journal file: a header, then records appended one after another.
 * Integers are big-endian.
 *
 * <pre>
 * File header ({@value #HEADER_LENGTH} bytes):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                     magic 0x43414F4A 'CAOJ'                   |  0
 * +---------------------------------------------------------------+
 * |                           version                             |  4
 * +---------------------------------------------------------------+
 * |                generation (long): the snapshot                |  8
 * |                generation this journal continues              |
 * +---------------------------------------------------------------+
 * |                  CRC-32C of bytes 0..15                       | 16
 * +---------------------------------------------------------------+
 *
 * Record (every type):
 * +---------------------------------------------------------------+
 * |           recordLength: the whole record, in bytes            |  0
 * +---------------------------------------------------------------+
 * |         CRC-32C of bytes 8 .. recordLength - 1                |  4
 * +---------------+-----------------------------------------------+
 * |     type      |                 keyId (int)                   |  8, 9
 * +---------------+-----------------------------------------------+
 * |                     body, by type ...                         | 13
 *
 * ACK, ACK_UP_TO, RESET ({@value #OFFSET_RECORD_LENGTH} bytes):  13 queueOffset (long)
 * REMOVE_KEY ({@value #REMOVE_RECORD_LENGTH} bytes):             no body
 * DEFINE_KEY (variable):  13 queueId (int)
 *                         17 groupLength (short), group (UTF-8)
 *                         .. topicLength (short), topic (UTF-8)
 * </pre>
 *
 * <p>Recovery reads records until the first one that is short, has an impossible length, type or
 * body, or fails its CRC: that record and everything after it is a torn tail and is cut off.
 */
public final class OffsetJournalDescriptor {

    /** {@code 'CAOJ'}: Cairn offset journal. */
    public static final int MAGIC = 0x43414F4A;
    /** The format version written. */
    public static final int VERSION = 1;

    /** Offset of the magic number in the file header. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the version in the file header. */
    public static final int VERSION_OFFSET = 4;
    /** Offset of the generation in the file header. */
    public static final int GENERATION_OFFSET = 8;
    /** Offset of the header's CRC in the file header. */
    public static final int HEADER_CRC_OFFSET = 16;
    /** Length of the file header; the first record starts here. */
    public static final int HEADER_LENGTH = 20;

    /** Offset of the record length in a record. */
    public static final int RECORD_LENGTH_OFFSET = 0;
    /** Offset of the CRC in a record. */
    public static final int RECORD_CRC_OFFSET = 4;
    /** Offset of the type code in a record; the CRC covers the record from here. */
    public static final int RECORD_TYPE_OFFSET = 8;
    /** Offset of the key id in a record. */
    public static final int RECORD_KEY_ID_OFFSET = 9;
    /** Offset of the body in a record. */
    public static final int RECORD_BODY_OFFSET = 13;

    /** Offset of the queue offset in ACK, ACK_UP_TO and RESET records. */
    public static final int QUEUE_OFFSET_OFFSET = RECORD_BODY_OFFSET;
    /** Length of ACK, ACK_UP_TO and RESET records. */
    public static final int OFFSET_RECORD_LENGTH = QUEUE_OFFSET_OFFSET + Long.BYTES;
    /** Length of REMOVE_KEY records. */
    public static final int REMOVE_RECORD_LENGTH = RECORD_BODY_OFFSET;

    /** Offset of the queue id in DEFINE_KEY records. */
    public static final int QUEUE_ID_OFFSET = RECORD_BODY_OFFSET;
    /** Offset of the group name length in DEFINE_KEY records; the group name follows. */
    public static final int GROUP_LENGTH_OFFSET = QUEUE_ID_OFFSET + Integer.BYTES;
    /** Length of a DEFINE_KEY record without its two names. */
    public static final int DEFINE_RECORD_FIXED_LENGTH = GROUP_LENGTH_OFFSET + 2 * Short.BYTES;

    /** The shortest valid record. */
    public static final int MIN_RECORD_LENGTH = REMOVE_RECORD_LENGTH;
    /** The longest valid record: a DEFINE_KEY with two names of the longest length. */
    public static final int MAX_RECORD_LENGTH = DEFINE_RECORD_FIXED_LENGTH + 2 * ConsumerQueueKey.MAX_NAME_BYTES;

    private OffsetJournalDescriptor() {
    }

    /**
     * @param groupBytes the UTF-8 group name
     * @param topicBytes the UTF-8 topic name
     * @return the length of the DEFINE_KEY record holding them
     */
    public static int defineRecordLength(byte[] groupBytes, byte[] topicBytes) {
        return DEFINE_RECORD_FIXED_LENGTH + groupBytes.length + topicBytes.length;
    }
}
