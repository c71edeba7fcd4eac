package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The TX_COMMIT and TX_ROLLBACK request bodies. Both answer with an empty body; a commit that
 * failed answers TRANSACTION_ROLLED_BACK.
 *
 * <pre>
 *  long sessionId | long txId
 * </pre>
 */
public final class TxCodec {

    private TxCodec() {
    }

    /**
     * A decoded TX_COMMIT or TX_ROLLBACK.
     *
     * @param sessionId the session
     * @param txId the transaction
     */
    public record Request(long sessionId, long txId) {
    }

    /**
     * Encodes a TX_COMMIT or TX_ROLLBACK body.
     *
     * @param sessionId the session
     * @param txId the transaction
     * @return the body writer
     */
    public static BodyWriter request(final long sessionId, final long txId) {
        return out -> {
            out.writeLong(sessionId);
            out.writeLong(txId);
        };
    }

    /**
     * Decodes a TX_COMMIT or TX_ROLLBACK body.
     *
     * @param in the body
     * @return the request
     */
    public static Request decode(final ByteBuf in) {
        CodecSupport.requireReadable(in, 2 * Long.BYTES);
        final long sessionId = in.readLong();
        return new Request(sessionId, in.readLong());
    }
}
