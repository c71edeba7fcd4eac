package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The CLOSE_CONSUMER request body; answered with an empty body.
 *
 * <pre>
 *  long consumerId | int count | count x long deliveryId
 * </pre>
 * The delivery ids are those the client prefetched and never gave to the application: the broker
 * returns them to the queue without counting a delivery.
 */
public final class CloseConsumerCodec {

    private CloseConsumerCodec() {
    }

    /**
     * A decoded CLOSE_CONSUMER.
     *
     * @param consumerId the consumer
     * @param unconsumedDeliveryIds deliveries the application never saw
     */
    public record Request(long consumerId, long[] unconsumedDeliveryIds) {
    }

    /**
     * Encodes a CLOSE_CONSUMER body.
     *
     * @param consumerId the consumer
     * @param unconsumedDeliveryIds deliveries the application never saw
     * @return the body writer
     */
    public static BodyWriter request(final long consumerId, final long[] unconsumedDeliveryIds) {
        return out -> {
            out.writeLong(consumerId);
            DeliveryIds.write(out, unconsumedDeliveryIds);
        };
    }

    /**
     * Decodes a CLOSE_CONSUMER body.
     *
     * @param in the body
     * @return the request
     */
    public static Request decode(final ByteBuf in) {
        CodecSupport.requireReadable(in, Long.BYTES);
        final long consumerId = in.readLong();
        return new Request(consumerId, DeliveryIds.read(in));
    }
}
