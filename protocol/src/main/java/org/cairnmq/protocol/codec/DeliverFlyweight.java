package org.cairnmq.protocol.codec;

import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.DELIVER_CONSUMER_ID_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.DELIVER_DELIVERY_COUNT_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.DELIVER_DELIVERY_ID_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.DELIVER_RECORD_OFFSET;

import io.netty.buffer.ByteBuf;

/**
 * Reads a DELIVER body (layout in {@link DeliverCodec}) in place; the record is a slice, not a
 * copy.
 *
 * <p>Re-wrapped by the thread that owns it; not thread safe. It neither retains nor releases the
 * buffer.
 */
public final class DeliverFlyweight {

    private ByteBuf body;
    private int offset;
    private int length;

    /**
     * Points this flyweight at a DELIVER body: the buffer's readable bytes.
     *
     * @param body the body
     * @return this
     * @throws org.cairnmq.protocol.command.ProtocolException with {@code MALFORMED_FRAME} when the
     *     body is shorter than its fixed fields
     */
    public DeliverFlyweight wrap(final ByteBuf body) {
        CodecSupport.requireReadable(body, DELIVER_RECORD_OFFSET);
        this.body = body;
        this.offset = body.readerIndex();
        this.length = body.readableBytes();
        return this;
    }

    /**
     * Returns the consumer id.
     *
     * @return the consumer the message is for
     */
    public long consumerId() {
        return body.getLong(offset + DELIVER_CONSUMER_ID_OFFSET);
    }

    /**
     * Returns the delivery id.
     *
     * @return the broker's id of this delivery, used to acknowledge it
     */
    public long deliveryId() {
        return body.getLong(offset + DELIVER_DELIVERY_ID_OFFSET);
    }

    /**
     * Returns the delivery count.
     *
     * @return 1 on the first delivery; JMSRedelivered is a count above 1
     */
    public int deliveryCount() {
        return body.getInt(offset + DELIVER_DELIVERY_COUNT_OFFSET);
    }

    /**
     * Returns the record's length.
     *
     * @return the bytes from the record's start to the body's end
     */
    public int recordLength() {
        return length - DELIVER_RECORD_OFFSET;
    }

    /**
     * Returns where the record starts.
     *
     * @return the absolute index of the record's first byte in the body buffer
     */
    public int recordOffset() {
        return offset + DELIVER_RECORD_OFFSET;
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
