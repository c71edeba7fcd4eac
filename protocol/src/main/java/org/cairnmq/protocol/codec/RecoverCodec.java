package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * RECOVER and TX_ROLLBACK: the session whose unacknowledged deliveries go back to their queues, the
 * transaction that ends (0 for RECOVER), and which of those deliveries the application actually
 * consumed. Only those count as a delivery attempt; the others (prefetched, or on the wire) go back
 * as if never sent. The answer names the highest delivery id the broker took back, so the client can
 * drop any stale copy that was on the wire; redeliveries get new, higher ids.
 *
 * <pre>
 *  request:  long sessionId, long txId, int count, count x long consumedDeliveryId
 *  response: long highestReturnedDeliveryId (0 when nothing was returned)
 * </pre>
 */
public final class RecoverCodec {

    /**
     * A decoded RECOVER or TX_ROLLBACK request.
     *
     * @param sessionId the session
     * @param txId the transaction that ends, or 0 for RECOVER
     * @param consumedDeliveryIds the deliveries the application consumed and did not acknowledge
     */
    public record Request(long sessionId, long txId, long[] consumedDeliveryIds) {
    }

    private RecoverCodec() {
    }

    /**
     * Encodes a request.
     *
     * @param sessionId the session
     * @param txId the transaction that ends, or 0 for RECOVER
     * @param consumedDeliveryIds the deliveries the application consumed and did not acknowledge
     * @return the body writer
     */
    public static BodyWriter request(final long sessionId, final long txId, final long[] consumedDeliveryIds) {
        return out -> {
            out.writeLong(sessionId);
            out.writeLong(txId);
            DeliveryIds.write(out, consumedDeliveryIds);
        };
    }

    /**
     * Decodes a request.
     *
     * @param in the body
     * @return the request
     */
    public static Request decode(final ByteBuf in) {
        CodecSupport.requireReadable(in, 2 * Long.BYTES);
        final long sessionId = in.readLong();
        final long txId = in.readLong();
        return new Request(sessionId, txId, DeliveryIds.read(in));
    }

    /**
     * Encodes the response.
     *
     * @param highestReturnedDeliveryId the highest delivery id taken back, or 0
     * @return the body writer
     */
    public static BodyWriter response(final long highestReturnedDeliveryId) {
        return out -> out.writeLong(highestReturnedDeliveryId);
    }

    /**
     * Decodes the response.
     *
     * @param in the body
     * @return the highest delivery id taken back, or 0
     */
    public static long decodeResponse(final ByteBuf in) {
        CodecSupport.requireReadable(in, Long.BYTES);
        return in.readLong();
    }
}
