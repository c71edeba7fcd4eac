package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The PULL request and response bodies.
 *
 * <pre>
 *  request:  long consumerId | long timeoutMs (0 = do not wait)
 *  response: byte delivered (1 = a DELIVER for this consumer was written before this response)
 * </pre>
 */
public final class PullCodec {

    private PullCodec() {
    }

    /**
     * A decoded PULL.
     *
     * @param consumerId the consumer
     * @param timeoutMs how long the broker may wait for a message, 0 for not at all
     */
    public record Request(long consumerId, long timeoutMs) {
    }

    /**
     * Encodes a PULL request body.
     *
     * @param consumerId the consumer
     * @param timeoutMs how long the broker may wait, 0 for not at all
     * @return the body writer
     */
    public static BodyWriter request(final long consumerId, final long timeoutMs) {
        return out -> {
            out.writeLong(consumerId);
            out.writeLong(timeoutMs);
        };
    }

    /**
     * Decodes a PULL request body.
     *
     * @param in the body
     * @return the request
     */
    public static Request decode(final ByteBuf in) {
        CodecSupport.requireReadable(in, 2 * Long.BYTES);
        final long consumerId = in.readLong();
        final long timeoutMs = in.readLong();
        if (timeoutMs < 0) {
            throw CodecSupport.malformed("negative timeout " + timeoutMs);
        }
        return new Request(consumerId, timeoutMs);
    }

    /**
     * Encodes a PULL response body.
     *
     * @param delivered whether a DELIVER was written before the response
     * @return the body writer
     */
    public static BodyWriter response(final boolean delivered) {
        return out -> out.writeByte(delivered ? 1 : 0);
    }

    /**
     * Decodes a PULL response body.
     *
     * @param in the body
     * @return whether a DELIVER was written before the response
     */
    public static boolean decodeResponse(final ByteBuf in) {
        CodecSupport.requireReadable(in, Byte.BYTES);
        return in.readByte() != 0;
    }
}
