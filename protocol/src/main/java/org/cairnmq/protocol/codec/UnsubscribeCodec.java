package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The UNSUBSCRIBE request body (docs/PROTOCOL.md, "Subscriptions"): deletes the durable subscription
 * of that name and the connection's client id (or of that name alone when the connection has no
 * client id). Answered with an empty body; INVALID_DESTINATION when no such subscription exists;
 * ILLEGAL_STATE while it has an active consumer or unacknowledged deliveries.
 *
 * <pre>
 *  str subscriptionName
 * </pre>
 */
public final class UnsubscribeCodec {

    private UnsubscribeCodec() {
    }

    /**
     * Returns a writer of the request body.
     *
     * @param subscriptionName the durable subscription's name, not null
     * @return the body writer
     */
    public static BodyWriter request(final String subscriptionName) {
        if (subscriptionName == null) {
            throw new IllegalArgumentException("subscriptionName cannot be null");
        }
        return out -> CodecSupport.writeString(out, subscriptionName);
    }

    /**
     * Reads a request body.
     *
     * @param body the whole body; its reader index moves to its end
     * @return the subscription name
     * @throws org.cairnmq.protocol.command.ProtocolException MALFORMED_FRAME for a broken body
     */
    public static String decode(final ByteBuf body) {
        final String subscriptionName = CodecSupport.readString(body);
        CodecSupport.requireFullyRead(body);
        return subscriptionName;
    }
}
