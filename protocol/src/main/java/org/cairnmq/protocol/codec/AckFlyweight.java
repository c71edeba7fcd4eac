package org.cairnmq.protocol.codec;

import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.ACK_COUNT_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.ACK_DELIVERY_IDS_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.ACK_MODE_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.ACK_SESSION_ID_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.ACK_TX_ID_OFFSET;

import io.netty.buffer.ByteBuf;

/**
 * Reads an ACK body (layout in {@link AckCodec}) in place, without an array of ids.
 *
 * <p>Re-wrapped by the thread that owns it; not thread safe. It neither retains nor releases the
 * buffer.
 */
public final class AckFlyweight {

    private ByteBuf body;
    private int offset;

    /**
     * Points this flyweight at an ACK body and checks its count and mode.
     *
     * @param body the body
     * @return this
     * @throws org.cairnmq.protocol.command.ProtocolException with {@code MALFORMED_FRAME} when the
     *     body is short, its count does not match its length, or its mode is unknown
     */
    public AckFlyweight wrap(final ByteBuf body) {
        CodecSupport.requireReadable(body, ACK_DELIVERY_IDS_OFFSET);
        final int start = body.readerIndex();
        final int count = body.getInt(start + ACK_COUNT_OFFSET);
        if (count < 0 || (long) count * Long.BYTES != body.readableBytes() - ACK_DELIVERY_IDS_OFFSET) {
            throw CodecSupport.malformed("ack count " + count + " does not match the body length");
        }
        if (AckMode.fromCode(body.getByte(start + ACK_MODE_OFFSET)) == AckMode.UNKNOWN) {
            throw CodecSupport.malformed("unknown ack mode " + body.getByte(start + ACK_MODE_OFFSET));
        }
        this.body = body;
        this.offset = start;
        return this;
    }

    /**
     * Returns the session id.
     *
     * @return the session whose deliveries are acknowledged
     */
    public long sessionId() {
        return body.getLong(offset + ACK_SESSION_ID_OFFSET);
    }

    /**
     * Returns the transaction id.
     *
     * @return the id, 0 for none
     */
    public long txId() {
        return body.getLong(offset + ACK_TX_ID_OFFSET);
    }

    /**
     * Returns the mode.
     *
     * @return how to read the delivery ids, never {@link AckMode#UNKNOWN}
     */
    public AckMode mode() {
        return AckMode.fromCode(body.getByte(offset + ACK_MODE_OFFSET));
    }

    /**
     * Returns the number of delivery ids.
     *
     * @return the count
     */
    public int count() {
        return body.getInt(offset + ACK_COUNT_OFFSET);
    }

    /**
     * Returns one delivery id.
     *
     * @param index 0 to {@link #count()} - 1
     * @return the delivery id
     */
    public long deliveryId(final int index) {
        return body.getLong(offset + ACK_DELIVERY_IDS_OFFSET + index * Long.BYTES);
    }

    /**
     * Copies the delivery ids.
     *
     * @return a new array
     */
    public long[] deliveryIds() {
        final long[] ids = new long[count()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = deliveryId(i);
        }
        return ids;
    }
}
