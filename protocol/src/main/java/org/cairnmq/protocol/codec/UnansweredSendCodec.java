package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The one-way SEND_UNANSWERED body: a non-persistent message sent outside a transaction, which the
 * broker does not answer when it succeeds. The layout is SEND's with the sending session in place of
 * the transaction id; the record runs to the body's end and is read in place, never copied.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |          sessionId (echoed by SEND_FAILED; 0 = none)          |  0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 queueId (-1 = the broker picks)               |  8
 *  +---------------------------------------------------------------+
 *  |          message record, to the end of the body ...           | 12
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Flow control: the client may have at most its send window of body bytes (the whole body, header
 * included: {@link #bodyLength}) sent and not yet handed back; the broker hands back every body's
 * length exactly once, in a SEND_CREDIT ({@link SendCreditCodec}) when it succeeded or in the
 * SEND_FAILED ({@link SendFailedCodec}) that reports its failure.
 */
public final class UnansweredSendCodec {

    /** The bytes before the record. */
    public static final int HEADER_LENGTH = Long.BYTES + Integer.BYTES;

    private static final int QUEUE_ID_OFFSET = Long.BYTES;

    private UnansweredSendCodec() {
    }

    /**
     * Encodes a SEND_UNANSWERED body around an encoded record.
     *
     * @param sessionId the sending session, echoed in a SEND_FAILED
     * @param queueId the queue, -1 to let the broker pick
     * @param record the record's readable bytes; copied, its indexes untouched
     * @return the body writer
     */
    public static BodyWriter request(final long sessionId, final int queueId, final ByteBuf record) {
        return BodyWriter.ofLength(bodyLength(record.readableBytes()), out -> {
            out.writeLong(sessionId);
            out.writeInt(queueId);
            out.writeBytes(record, record.readerIndex(), record.readableBytes());
        });
    }

    /**
     * The body length of a record of the given length: what the send takes from the window.
     *
     * @param recordLength the encoded record's length
     * @return the body length
     */
    public static int bodyLength(final int recordLength) {
        return HEADER_LENGTH + recordLength;
    }

    /**
     * Reads the sending session in place.
     *
     * @param body the body (its readable bytes)
     * @return the session id
     * @throws org.cairnmq.protocol.command.ProtocolException with {@code MALFORMED_FRAME} when the
     *     body is shorter than its fixed fields
     */
    public static long sessionId(final ByteBuf body) {
        CodecSupport.requireReadable(body, HEADER_LENGTH);
        return body.getLong(body.readerIndex());
    }

    /**
     * Reads the queue id in place.
     *
     * @param body the body (its readable bytes), at least {@link #HEADER_LENGTH} long
     * @return the queue id, -1 when the broker picks
     */
    public static int queueId(final ByteBuf body) {
        CodecSupport.requireReadable(body, HEADER_LENGTH);
        return body.getInt(body.readerIndex() + QUEUE_ID_OFFSET);
    }

    /**
     * Returns the record as a slice sharing the body's content and reference count.
     *
     * @param body the body (its readable bytes), at least {@link #HEADER_LENGTH} long
     * @return an unretained slice, valid while the body is
     */
    public static ByteBuf record(final ByteBuf body) {
        CodecSupport.requireReadable(body, HEADER_LENGTH);
        return body.slice(body.readerIndex() + HEADER_LENGTH, body.readableBytes() - HEADER_LENGTH);
    }
}
