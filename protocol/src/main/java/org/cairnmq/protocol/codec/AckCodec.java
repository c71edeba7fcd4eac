package org.cairnmq.protocol.codec;

import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.ACK_COUNT_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.ACK_DELIVERY_IDS_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.ACK_MODE_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.ACK_SESSION_ID_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.ACK_TX_ID_OFFSET;

import io.netty.buffer.ByteBuf;

/**
 * The ACK request body; answered with an empty body once the acknowledgement is durable. Decoded
 * with {@link AckFlyweight}.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                           sessionId                           |  0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                        txId (0 = none)                        |  8
 *  |                                                               |
 *  +---------------+-----------------------------------------------+
 *  |     mode      |                    count                      | 16
 *  +---------------+---------------+-------------------------------+
 *  |               |  count x long deliveryId ...                    21
 *  +---------------+-----------------------------------------------+
 * </pre>
 * mode is an {@link AckMode}: 0 acknowledges exactly the listed deliveries, 1 every delivery to the
 * session up to and including the (single) one given.
 */
public final class AckCodec {

    private AckCodec() {
    }

    /**
     * Encodes an ACK body.
     *
     * @param sessionId the session
     * @param txId the transaction id, 0 for none
     * @param mode how to read the delivery ids
     * @param deliveryIds the deliveries
     * @return the body writer
     */
    public static BodyWriter request(final long sessionId, final long txId, final AckMode mode,
        final long[] deliveryIds) {
        if (mode == AckMode.UNKNOWN) {
            throw new IllegalArgumentException("mode UNKNOWN is never written");
        }
        return out -> {
            final int start = out.writerIndex();
            out.writeZero(ACK_DELIVERY_IDS_OFFSET);
            out.setLong(start + ACK_SESSION_ID_OFFSET, sessionId);
            out.setLong(start + ACK_TX_ID_OFFSET, txId);
            out.setByte(start + ACK_MODE_OFFSET, mode.code());
            out.setInt(start + ACK_COUNT_OFFSET, deliveryIds.length);
            for (final long deliveryId : deliveryIds) {
                out.writeLong(deliveryId);
            }
        };
    }
}
