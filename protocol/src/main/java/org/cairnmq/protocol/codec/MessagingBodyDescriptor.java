package org.cairnmq.protocol.codec;

/**
 * Offsets of the fixed fields of the hot command bodies, SEND, DELIVER and ACK, relative to the
 * body's first byte. Their flyweights read these fields in place; the record (SEND, DELIVER) starts
 * right after them and runs to the body's end. All integers are big-endian.
 *
 * <pre>
 *  SEND                       DELIVER                       ACK
 *  0  long txId               0  long consumerId            0  long sessionId
 *  8  int  queueId            8  long deliveryId            8  long txId
 *  12 record ...              16 int  deliveryCount         16 byte mode
 *                             20 record ...                 17 int  count
 *                                                           21 count x long deliveryId
 * </pre>
 */
public final class MessagingBodyDescriptor {

    /** SEND: the transaction id, 0 for none. */
    public static final int SEND_TX_ID_OFFSET = 0;
    /** SEND: the queue id, -1 when the broker picks. */
    public static final int SEND_QUEUE_ID_OFFSET = 8;
    /** SEND: where the record starts. */
    public static final int SEND_RECORD_OFFSET = 12;

    /** DELIVER: the consumer id. */
    public static final int DELIVER_CONSUMER_ID_OFFSET = 0;
    /** DELIVER: the delivery id. */
    public static final int DELIVER_DELIVERY_ID_OFFSET = 8;
    /** DELIVER: the delivery count, 1 on the first delivery. */
    public static final int DELIVER_DELIVERY_COUNT_OFFSET = 16;
    /** DELIVER: where the record starts. */
    public static final int DELIVER_RECORD_OFFSET = 20;

    /** ACK: the session id. */
    public static final int ACK_SESSION_ID_OFFSET = 0;
    /** ACK: the transaction id, 0 for none. */
    public static final int ACK_TX_ID_OFFSET = 8;
    /** ACK: the {@link AckMode} byte. */
    public static final int ACK_MODE_OFFSET = 16;
    /** ACK: the number of delivery ids. */
    public static final int ACK_COUNT_OFFSET = 17;
    /** ACK: where the delivery ids start, 8 bytes each. */
    public static final int ACK_DELIVERY_IDS_OFFSET = 21;

    /** A SEND's txId that means "no transaction". */
    public static final long NO_TRANSACTION = 0L;
    /** A SEND's queueId that lets the broker pick the queue. */
    public static final int ANY_QUEUE = -1;

    private MessagingBodyDescriptor() {
    }
}
