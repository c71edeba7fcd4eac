package org.cairnmq.protocol.record;

/**
 * Layout of the message record: the one binary form of a JMS message, sent by the producer inside
 * a SEND frame, appended to the CommitLog unchanged and served to consumers inside DELIVER frames.
 * All integers are big-endian.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                      Record Length                            |  0
 *  +---------------+---------------+---------------+---------------+
 *  |    Version    |   Body Type   |   Priority    |   Reserved    |  4
 *  +---------------+---------------+---------------+---------------+
 *  |                          Flags                                |  8
 *  +---------------------------------------------------------------+
 *  |                      Delivery Count                           | 12
 *  +---------------------------------------------------------------+
 *  |                      Timestamp (ms)                           | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                      Expiration (ms)                          | 24
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                      Delivery Time (ms)                       | 32
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |  variable part, from offset 40, each field directly after the previous one:
 *  |    Message Id      string                         if HAS_MESSAGE_ID
 *  |    Destination     kind byte, string
 *  |    Correlation Id  int length, bytes               if HAS_CORRELATION_ID
 *  |                    (UTF-8, raw when CORRELATION_ID_IS_BYTES)
 *  |    Reply-To        kind byte, string              if HAS_REPLY_TO
 *  |    JMSType         string                         if HAS_TYPE
 *  |    Properties      int section length (bytes after this int), int count,
 *  |                    count x (name string, ValueType tag, value)
 *  |    Body            int body length (-1: null text / null object), body bytes
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <ul>
 *   <li>string: an int byte length, then that many bytes of UTF-8. Design note: an int rather
 *       than a short prefix because JMS strings (text bodies, property values) may be longer than
 *       64 KiB; one rule everywhere keeps the codecs simple, at two bytes per short name.</li>
 *   <li>Record Length: the whole record, this field included; the body ends the record.</li>
 *   <li>Body Type: a {@link BodyType}; Priority: 0 to 9; Reserved: written as 0, ignored.</li>
 *   <li>Timestamp, Expiration, Delivery Time: epoch milliseconds, 0 when not set (an expiration
 *       of 0 never expires).</li>
 *   <li>Delivery Count: the count the producer or the store set (0 for a new message).
 *       Design note: JMSRedelivered and JMSXDeliveryCount change with every delivery; the broker
 *       sends them in the DELIVER frame beside the stored record instead of rewriting the record,
 *       so the record stays byte-for-byte what the CommitLog holds.</li>
 *   <li>Properties: a property value uses the {@link ValueType} tags {@code NULL}, {@code BOOLEAN},
 *       {@code BYTE}, {@code SHORT}, {@code INT}, {@code LONG}, {@code FLOAT}, {@code DOUBLE} and
 *       {@code STRING}. The section is length-prefixed so that a reader can skip it.</li>
 * </ul>
 */
public final class MessageRecordDescriptor {

    /** Offset of the int record length. */
    public static final int RECORD_LENGTH_OFFSET = 0;
    /** Offset of the byte record version. */
    public static final int VERSION_OFFSET = 4;
    /** Offset of the byte {@link BodyType}. */
    public static final int BODY_TYPE_OFFSET = 5;
    /** Offset of the byte priority. */
    public static final int PRIORITY_OFFSET = 6;
    /** Offset of the reserved byte. */
    public static final int RESERVED_OFFSET = 7;
    /** Offset of the int flags. */
    public static final int FLAGS_OFFSET = 8;
    /** Offset of the int delivery count. */
    public static final int DELIVERY_COUNT_OFFSET = 12;
    /** Offset of the long timestamp. */
    public static final int TIMESTAMP_OFFSET = 16;
    /** Offset of the long expiration. */
    public static final int EXPIRATION_OFFSET = 24;
    /** Offset of the long delivery time. */
    public static final int DELIVERY_TIME_OFFSET = 32;
    /** Length of the fixed part; the variable part starts here. */
    public static final int FIXED_LENGTH = 40;

    /** Length of the properties section's header: section length and count. */
    public static final int PROPERTIES_HEADER_LENGTH = 8;
    /** Length of the body section's header: the body length. */
    public static final int BODY_HEADER_LENGTH = 4;
    /** The body length that stands for a {@code null} text or object. */
    public static final int NULL_BODY_LENGTH = -1;
    /** The smallest possible record: fixed part, destination, empty properties, empty body. */
    public static final int MIN_RECORD_LENGTH = FIXED_LENGTH + 1 + 4 + PROPERTIES_HEADER_LENGTH + BODY_HEADER_LENGTH;

    /** The record version this code writes and the only one it reads. */
    public static final byte CURRENT_VERSION = 1;

    /** Flag: JMSDeliveryMode is PERSISTENT. */
    public static final int PERSISTENT_FLAG = 1;
    /** Flag: a message id is present. */
    public static final int HAS_MESSAGE_ID_FLAG = 1 << 1;
    /** Flag: a correlation id is present. */
    public static final int HAS_CORRELATION_ID_FLAG = 1 << 2;
    /** Flag: the correlation id is raw bytes (JMSCorrelationIDAsBytes), not UTF-8. */
    public static final int CORRELATION_ID_IS_BYTES_FLAG = 1 << 3;
    /** Flag: a reply-to destination is present. */
    public static final int HAS_REPLY_TO_FLAG = 1 << 4;
    /** Flag: a JMSType is present. */
    public static final int HAS_TYPE_FLAG = 1 << 5;

    /** The lowest JMS priority. */
    public static final int MIN_PRIORITY = 0;
    /** The highest JMS priority. */
    public static final int MAX_PRIORITY = 9;

    private MessageRecordDescriptor() {
    }
}
