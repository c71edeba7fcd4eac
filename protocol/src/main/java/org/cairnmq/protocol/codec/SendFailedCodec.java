package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.command.ErrorCode;

/**
 * The one-way SEND_FAILED body (broker to client): a SEND_UNANSWERED failed. It names the session
 * the send named, says why as an error response would, and hands the send's body bytes back to the
 * window (they are not in any SEND_CREDIT), so a client that sees its window whole has seen every
 * failure before it.
 *
 * <pre>
 *  long sessionId | int bytes | short errorCode (as a response status) | str message
 * </pre>
 */
public final class SendFailedCodec {

    private SendFailedCodec() {
    }

    /**
     * A decoded SEND_FAILED.
     *
     * @param sessionId the session the failed send named
     * @param bytes the send's body length, handed back to the window
     * @param errorCode why it failed
     * @param message a human-readable reason starting with a stable id
     */
    public record Failure(long sessionId, int bytes, ErrorCode errorCode, String message) {
    }

    /**
     * Encodes a SEND_FAILED body.
     *
     * @param failure the failure
     * @return the body writer
     */
    public static BodyWriter body(final Failure failure) {
        return out -> {
            out.writeLong(failure.sessionId());
            out.writeInt(failure.bytes());
            out.writeShort(failure.errorCode().code());
            CodecSupport.writeString(out, failure.message() == null ? "" : failure.message());
        };
    }

    /**
     * Decodes a SEND_FAILED body.
     *
     * @param in the body
     * @return the failure
     * @throws org.cairnmq.protocol.command.ProtocolException with {@code MALFORMED_FRAME} when the
     *     body is short or the byte count is negative
     */
    public static Failure decode(final ByteBuf in) {
        final long sessionId = CodecSupport.readLong(in);
        final int bytes = CodecSupport.readInt(in);
        if (bytes < 0) {
            throw CodecSupport.malformed("SEND_FAILED of " + bytes + " bytes");
        }
        CodecSupport.requireReadable(in, Short.BYTES);
        final ErrorCode errorCode = ErrorCode.fromCode(in.readUnsignedShort());
        final String message = CodecSupport.readString(in);
        return new Failure(sessionId, bytes, errorCode, message);
    }
}
