package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The CLIENT_ID request body (docs/PROTOCOL.md, "Connection"); answered with an empty body, or with
 * INVALID_CLIENT_ID when another live connection holds the id (or the id is empty), or with
 * ILLEGAL_STATE when the connection already has one.
 *
 * <pre>
 *  str clientId
 * </pre>
 */
public final class ClientIdCodec {

    private ClientIdCodec() {
    }

    /**
     * Returns a writer of the request body.
     *
     * @param clientId the JMS client id, not null
     * @return the body writer
     */
    public static BodyWriter request(final String clientId) {
        if (clientId == null) {
            throw new IllegalArgumentException("clientId cannot be null");
        }
        return out -> CodecSupport.writeString(out, clientId);
    }

    /**
     * Reads a request body.
     *
     * @param body the whole body; its reader index moves to its end
     * @return the client id
     * @throws org.cairnmq.protocol.command.ProtocolException MALFORMED_FRAME for a broken body
     */
    public static String decode(final ByteBuf body) {
        final String clientId = CodecSupport.readString(body);
        CodecSupport.requireFullyRead(body);
        return clientId;
    }
}
