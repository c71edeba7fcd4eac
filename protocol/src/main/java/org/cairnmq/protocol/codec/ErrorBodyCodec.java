package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The body of every response whose status is not OK, whatever its command: one human-readable
 * message that starts with a stable id (docs/PROTOCOL.md, "Conventions").
 *
 * <pre>
 *  str message     e.g. "CAIRN-1042 Queue 'x' does not exist"
 * </pre>
 */
public final class ErrorBodyCodec {

    private ErrorBodyCodec() {
    }

    /**
     * Returns a writer of an error body.
     *
     * @param message the reason; {@code null} is written as an empty string
     * @return the body writer
     */
    public static BodyWriter body(final String message) {
        final String text = message == null ? "" : message;
        return out -> CodecSupport.writeString(out, text);
    }

    /**
     * Reads an error body leniently: a peer's broken error body still yields a message, so that the
     * original error code is never hidden behind a decoding failure.
     *
     * @param body the whole body; its reader index moves to its end
     * @return the message, or a description of why it could not be read
     */
    public static String decode(final ByteBuf body) {
        if (body.readableBytes() < Integer.BYTES) {
            body.skipBytes(body.readableBytes());
            return "(no message)";
        }
        final int length = body.getInt(body.readerIndex());
        if (length < 0 || length > body.readableBytes() - Integer.BYTES) {
            body.skipBytes(body.readableBytes());
            return "(malformed error message)";
        }
        final String message = CodecSupport.readString(body);
        body.skipBytes(body.readableBytes());
        return message;
    }
}
