package org.cairnmq.protocol.codec;

import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.SEND_QUEUE_ID_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.SEND_RECORD_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.SEND_TX_ID_OFFSET;

import io.netty.buffer.ByteBuf;

/**
 * Reads a SEND body (layout in {@link SendCodec}) in place. The record is exposed as a slice of the
 * body, never copied, so the broker can append it as it came.
 *
 * <p>Re-wrapped by the thread that owns it; not thread safe. It neither retains nor releases the
 * buffer.
 */
public final class SendFlyweight {

    private ByteBuf body;
    private int offset;
    private int length;

    /**
     * Points this flyweight at a SEND body: the buffer's readable bytes.
     *
     * @param body the body
     * @return this
     * @throws org.cairnmq.protocol.command.ProtocolException with {@code MALFORMED_FRAME} when the
     *     body is shorter than its fixed fields
     */
    public SendFlyweight wrap(final ByteBuf body) {
        CodecSupport.requireReadable(body, SEND_RECORD_OFFSET);
        this.body = body;
        this.offset = body.readerIndex();
        this.length = body.readableBytes();
        return this;
    }

    /**
     * Returns the transaction id.
     *
     * @return the id, 0 for none
     */
    public long txId() {
        return body.getLong(offset + SEND_TX_ID_OFFSET);
    }

    /**
     * Returns the queue the client chose.
     *
     * @return the queue id, -1 when the broker picks
     */
    public int queueId() {
        return body.getInt(offset + SEND_QUEUE_ID_OFFSET);
    }

    /**
     * Returns the record's length.
     *
     * @return the bytes from the record's start to the body's end
     */
    public int recordLength() {
        return length - SEND_RECORD_OFFSET;
    }

    /**
     * Returns where the record starts.
     *
     * @return the absolute index of the record's first byte in the body buffer
     */
    public int recordOffset() {
        return offset + SEND_RECORD_OFFSET;
    }

    /**
     * Returns the record as a slice sharing the body's content and reference count.
     *
     * @return an unretained slice, valid while the body is
     */
    public ByteBuf record() {
        return body.slice(recordOffset(), recordLength());
    }
}
