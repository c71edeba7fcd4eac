package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The bodies of HANDSHAKE, the first request on every connection (docs/PROTOCOL.md, "Connection").
 *
 * <pre>
 *  request:  str? user | str? password | str clientVersion
 *  response: long connectionId | str brokerName | str serverVersion
 *            | int maxFrameLengthBytes | int maxMessageBytes
 * </pre>
 */
public final class HandshakeCodec {

    private HandshakeCodec() {
    }

    /**
     * A HANDSHAKE request.
     *
     * @param user the user name, {@code null} for anonymous
     * @param password the password, {@code null} for anonymous
     * @param clientVersion the client's software version
     */
    public record Request(String user, String password, String clientVersion) implements BodyWriter {

        @Override
        public void write(final ByteBuf out) {
            CodecSupport.writeNullableString(out, user);
            CodecSupport.writeNullableString(out, password);
            CodecSupport.writeString(out, clientVersion);
        }

        /**
         * Hides the password, which must never reach a log.
         *
         * @return the user and client version
         */
        @Override
        public String toString() {
            return "Request[user=" + user + ", clientVersion=" + clientVersion + "]";
        }
    }

    /**
     * A HANDSHAKE response.
     *
     * @param connectionId the id the server gave the connection
     * @param brokerName the server's name
     * @param serverVersion the server's software version
     * @param maxFrameLengthBytes the longest frame the server accepts, header included
     * @param maxMessageBytes the longest message record the server accepts
     */
    public record Response(
        long connectionId, String brokerName, String serverVersion, int maxFrameLengthBytes, int maxMessageBytes)
        implements BodyWriter {

        @Override
        public void write(final ByteBuf out) {
            out.writeLong(connectionId);
            CodecSupport.writeString(out, brokerName);
            CodecSupport.writeString(out, serverVersion);
            out.writeInt(maxFrameLengthBytes);
            out.writeInt(maxMessageBytes);
        }
    }

    /**
     * Reads a request body.
     *
     * @param body the whole body; its reader index moves to its end
     * @return the request
     * @throws org.cairnmq.protocol.command.ProtocolException MALFORMED_FRAME for a broken body
     */
    public static Request decodeRequest(final ByteBuf body) {
        final String user = CodecSupport.readNullableString(body);
        final String password = CodecSupport.readNullableString(body);
        final String clientVersion = CodecSupport.readString(body);
        CodecSupport.requireFullyRead(body);
        return new Request(user, password, clientVersion);
    }

    /**
     * Reads a response body.
     *
     * @param body the whole body; its reader index moves to its end
     * @return the response
     * @throws org.cairnmq.protocol.command.ProtocolException MALFORMED_FRAME for a broken body
     */
    public static Response decodeResponse(final ByteBuf body) {
        final long connectionId = CodecSupport.readLong(body);
        final String brokerName = CodecSupport.readString(body);
        final String serverVersion = CodecSupport.readString(body);
        final int maxFrameLengthBytes = CodecSupport.readInt(body);
        final int maxMessageBytes = CodecSupport.readInt(body);
        CodecSupport.requireFullyRead(body);
        return new Response(connectionId, brokerName, serverVersion, maxFrameLengthBytes, maxMessageBytes);
    }
}
