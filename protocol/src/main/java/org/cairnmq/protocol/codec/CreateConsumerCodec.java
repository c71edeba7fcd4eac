package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * The CREATE_CONSUMER request body; answered with an empty body.
 *
 * <pre>
 *  long consumerId | long sessionId | byte kind | str name | str? selector
 *  | byte flags (1 = noLocal, 2 = durable, 4 = shared) | str? subscriptionName | int initialCredit
 * </pre>
 */
public final class CreateConsumerCodec {

    /** Flag: do not deliver messages sent on the consumer's own connection. */
    public static final int NO_LOCAL_FLAG = 1;
    /** Flag: a durable subscription. */
    public static final int DURABLE_FLAG = 1 << 1;
    /** Flag: a shared subscription. */
    public static final int SHARED_FLAG = 1 << 2;

    private CreateConsumerCodec() {
    }

    /**
     * A CREATE_CONSUMER request.
     *
     * @param consumerId chosen by the client, unique within its connection
     * @param sessionId the session the consumer belongs to
     * @param destination what to consume from
     * @param selector the message selector, or {@code null}
     * @param flags {@link #NO_LOCAL_FLAG}, {@link #DURABLE_FLAG}, {@link #SHARED_FLAG}
     * @param subscriptionName the subscription's name, or {@code null}
     * @param initialCredit the first flow-control window, in messages
     */
    public record Request(long consumerId, long sessionId, DestinationRef destination, String selector, int flags,
        String subscriptionName, int initialCredit) {

        /**
         * Tells whether a flag is set.
         *
         * @param flag one of the codec's flags
         * @return whether it is set
         */
        public boolean hasFlag(final int flag) {
            return (flags & flag) != 0;
        }
    }

    /**
     * Encodes a CREATE_CONSUMER body.
     *
     * @param request the request
     * @return the body writer
     */
    public static BodyWriter request(final Request request) {
        return out -> {
            out.writeLong(request.consumerId());
            out.writeLong(request.sessionId());
            request.destination().write(out);
            CodecSupport.writeNullableString(out, request.selector());
            out.writeByte(request.flags());
            CodecSupport.writeNullableString(out, request.subscriptionName());
            out.writeInt(request.initialCredit());
        };
    }

    /**
     * Decodes a CREATE_CONSUMER body.
     *
     * @param in the body
     * @return the request
     */
    public static Request decode(final ByteBuf in) {
        CodecSupport.requireReadable(in, 2 * Long.BYTES);
        final long consumerId = in.readLong();
        final long sessionId = in.readLong();
        final DestinationRef destination = DestinationRef.read(in);
        final String selector = CodecSupport.readNullableString(in);
        CodecSupport.requireReadable(in, Byte.BYTES);
        final int flags = in.readUnsignedByte();
        final String subscriptionName = CodecSupport.readNullableString(in);
        CodecSupport.requireReadable(in, Integer.BYTES);
        final int initialCredit = in.readInt();
        if (initialCredit < 0) {
            throw CodecSupport.malformed("negative initial credit " + initialCredit);
        }
        return new Request(consumerId, sessionId, destination, selector, flags, subscriptionName, initialCredit);
    }
}
