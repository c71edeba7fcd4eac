package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The one-way CREDIT body: messages added to a consumer's flow-control window.
 *
 * <pre>
 *  long consumerId | int credit
 * </pre>
 */
public final class CreditCodec {

    private CreditCodec() {
    }

    /**
     * A decoded CREDIT.
     *
     * @param consumerId the consumer
     * @param credit messages added to its window, not negative
     */
    public record Credit(long consumerId, int credit) {
    }

    /**
     * Encodes a CREDIT body.
     *
     * @param consumerId the consumer
     * @param credit messages added to its window
     * @return the body writer
     */
    public static BodyWriter request(final long consumerId, final int credit) {
        return out -> {
            out.writeLong(consumerId);
            out.writeInt(credit);
        };
    }

    /**
     * Decodes a CREDIT body.
     *
     * @param in the body
     * @return the credit grant
     */
    public static Credit decode(final ByteBuf in) {
        CodecSupport.requireReadable(in, Long.BYTES + Integer.BYTES);
        final long consumerId = in.readLong();
        final int credit = in.readInt();
        if (credit < 0) {
            throw CodecSupport.malformed("negative credit " + credit);
        }
        return new Credit(consumerId, credit);
    }
}
