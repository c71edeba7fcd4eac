package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The request body that names only a session: CLOSE_SESSION. It answers with an empty body.
 *
 * <pre>
 *  long sessionId
 * </pre>
 */
public final class SessionCodec {

    private SessionCodec() {
    }

    /**
     * Encodes a CLOSE_SESSION body.
     *
     * @param sessionId the session
     * @return the body writer
     */
    public static BodyWriter request(final long sessionId) {
        return out -> out.writeLong(sessionId);
    }

    /**
     * Decodes a CLOSE_SESSION body.
     *
     * @param in the body
     * @return the session id
     */
    public static long decode(final ByteBuf in) {
        CodecSupport.requireReadable(in, Long.BYTES);
        return in.readLong();
    }
}
