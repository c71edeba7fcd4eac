package org.cairnmq.protocol.codec;

import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.DELIVER_CONSUMER_ID_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.DELIVER_DELIVERY_COUNT_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.DELIVER_DELIVERY_ID_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.DELIVER_RECORD_OFFSET;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * The one-way DELIVER body (server to client). Decoded with {@link DeliverFlyweight}.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                          consumerId                           |  0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                          deliveryId                           |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |              deliveryCount (1 on first delivery)              | 16
 *  +---------------------------------------------------------------+
 *  |          message record, to the end of the body ...           | 20
 *  +---------------------------------------------------------------+
 * </pre>
 * JMSRedelivered is {@code deliveryCount > 1}.
 */
public final class DeliverCodec {

    private DeliverCodec() {
    }

    /**
     * Writes the fields before the record; the caller appends the record right after.
     *
     * @param out the body being built
     * @param consumerId the consumer
     * @param deliveryId the broker's id of this delivery
     * @param deliveryCount 1 on the first delivery
     */
    public static void writeHeader(final ByteBuf out, final long consumerId, final long deliveryId,
        final int deliveryCount) {
        final int start = out.writerIndex();
        out.writeZero(DELIVER_RECORD_OFFSET);
        out.setLong(start + DELIVER_CONSUMER_ID_OFFSET, consumerId);
        out.setLong(start + DELIVER_DELIVERY_ID_OFFSET, deliveryId);
        out.setInt(start + DELIVER_DELIVERY_COUNT_OFFSET, deliveryCount);
    }

    /**
     * Encodes a DELIVER body around a stored record.
     *
     * @param consumerId the consumer
     * @param deliveryId the broker's id of this delivery
     * @param deliveryCount 1 on the first delivery
     * @param record the record between position and limit; copied, its position untouched
     * @return the body writer
     */
    public static BodyWriter deliver(final long consumerId, final long deliveryId, final int deliveryCount,
        final ByteBuffer record) {
        return BodyWriter.ofLength(DELIVER_RECORD_OFFSET + record.remaining(), out -> {
            writeHeader(out, consumerId, deliveryId, deliveryCount);
            out.writeBytes(record.duplicate());
        });
    }

    /**
     * Encodes a DELIVER body around an encoded record.
     *
     * @param consumerId the consumer
     * @param deliveryId the broker's id of this delivery
     * @param deliveryCount 1 on the first delivery
     * @param record the record's readable bytes; copied, its indexes untouched
     * @return the body writer
     */
    public static BodyWriter deliver(final long consumerId, final long deliveryId, final int deliveryCount,
        final ByteBuf record) {
        return BodyWriter.ofLength(DELIVER_RECORD_OFFSET + record.readableBytes(), out -> {
            writeHeader(out, consumerId, deliveryId, deliveryCount);
            out.writeBytes(record, record.readerIndex(), record.readableBytes());
        });
    }
}
