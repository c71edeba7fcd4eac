package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The one-way SEND_CREDIT body (broker to client): body bytes of one session's handled
 * SEND_UNANSWERED frames, handed back to the connection's send window. One SEND_CREDIT may cover
 * many sends.
 *
 * <pre>
 *  long sessionId | int bytes (positive)
 * </pre>
 */
public final class SendCreditCodec {

    private SendCreditCodec() {
    }

    /**
     * A decoded SEND_CREDIT.
     *
     * @param sessionId the session the sends named
     * @param bytes the bytes handed back, positive
     */
    public record Credit(long sessionId, int bytes) {
    }

    /**
     * Encodes a SEND_CREDIT body.
     *
     * @param sessionId the session the sends named
     * @param bytes the bytes handed back, positive
     * @return the body writer
     */
    public static BodyWriter body(final long sessionId, final int bytes) {
        return out -> {
            out.writeLong(sessionId);
            out.writeInt(bytes);
        };
    }

    /**
     * Decodes a SEND_CREDIT body.
     *
     * @param in the body
     * @return the credit
     * @throws org.cairnmq.protocol.command.ProtocolException with {@code MALFORMED_FRAME} when the
     *     body is short or the count is not positive
     */
    public static Credit decode(final ByteBuf in) {
        final long sessionId = CodecSupport.readLong(in);
        final int bytes = CodecSupport.readInt(in);
        if (bytes <= 0) {
            throw CodecSupport.malformed("SEND_CREDIT of " + bytes + " bytes");
        }
        return new Credit(sessionId, bytes);
    }
}
