package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The CLOSE_CONSUMER request body; answered with an empty body.
 *
 * <pre>
 *  long consumerId | int count | count x long deliveryId | long highestReceivedDeliveryId
 * </pre>
 * The delivery ids are those the client prefetched and never gave to the application: the broker
 * returns them to the queue without counting a delivery. So does it with every delivery of the
 * consumer above {@code highestReceivedDeliveryId}: those were still on the wire when the consumer
 * closed, and the client drops them on arrival.
 */
public final class CloseConsumerCodec {

    private CloseConsumerCodec() {
    }

    /**
     * A decoded CLOSE_CONSUMER.
     *
     * @param consumerId the consumer
     * @param unconsumedDeliveryIds deliveries the application never saw
     * @param highestReceivedDeliveryId the highest delivery id the client received for the consumer
     */
    public record Request(long consumerId, long[] unconsumedDeliveryIds, long highestReceivedDeliveryId) {
    }

    /** The {@code highestReceivedDeliveryId} of a request that names none: nothing beyond the list returns. */
    public static final long NONE_RECEIVED_BEYOND = Long.MAX_VALUE;

    /**
     * Encodes a CLOSE_CONSUMER body.
     *
     * @param consumerId the consumer
     * @param unconsumedDeliveryIds deliveries the application never saw
     * @param highestReceivedDeliveryId the highest delivery id the client received for the consumer
     * @return the body writer
     */
    public static BodyWriter request(final long consumerId, final long[] unconsumedDeliveryIds,
                                     final long highestReceivedDeliveryId) {
        return out -> {
            out.writeLong(consumerId);
            DeliveryIds.write(out, unconsumedDeliveryIds);
            out.writeLong(highestReceivedDeliveryId);
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
        final long[] unconsumed = DeliveryIds.read(in);
        final long highestReceived = in.readableBytes() >= Long.BYTES ? in.readLong() : NONE_RECEIVED_BEYOND;
        return new Request(consumerId, unconsumed, highestReceived);
    }
}
