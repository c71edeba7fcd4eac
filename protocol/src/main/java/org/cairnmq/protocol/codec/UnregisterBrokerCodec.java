package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The request body of UNREGISTER_BROKER (docs/PROTOCOL.md, "Name server"). The response body is
 * empty.
 *
 * <pre>
 *  str brokerName
 * </pre>
 */
public final class UnregisterBrokerCodec {

    private UnregisterBrokerCodec() {
    }

    /**
     * Returns a writer of the request body.
     *
     * @param brokerName the broker leaving the name server
     * @return the body writer
     */
    public static BodyWriter request(final String brokerName) {
        if (brokerName == null) {
            throw new IllegalArgumentException("brokerName cannot be null");
        }
        return out -> CodecSupport.writeString(out, brokerName);
    }

    /**
     * Reads a request body.
     *
     * @param body the whole body; its reader index moves to its end
     * @return the broker name
     * @throws org.cairnmq.protocol.command.ProtocolException MALFORMED_FRAME for a broken body
     */
    public static String decode(final ByteBuf body) {
        final String brokerName = CodecSupport.readString(body);
        CodecSupport.requireFullyRead(body);
        return brokerName;
    }
}
