package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * CREATE_DESTINATION and DELETE_DESTINATION request bodies; both answer with an empty body.
 *
 * <pre>
 *  CREATE_DESTINATION: byte kind | str name | int queueCount (0 = the broker's default)
 *  DELETE_DESTINATION: byte kind | str name
 * </pre>
 */
public final class DestinationCodec {

    /** The queueCount that asks for the broker's default. */
    public static final int DEFAULT_QUEUE_COUNT = 0;

    private DestinationCodec() {
    }

    /**
     * A decoded CREATE_DESTINATION.
     *
     * @param destination what to create
     * @param queueCount how many queues, {@link #DEFAULT_QUEUE_COUNT} for the broker's default
     */
    public record CreateRequest(DestinationRef destination, int queueCount) {
    }

    /**
     * Encodes a CREATE_DESTINATION body.
     *
     * @param destination what to create
     * @param queueCount how many queues, 0 for the broker's default
     * @return the body writer
     */
    public static BodyWriter create(final DestinationRef destination, final int queueCount) {
        return out -> {
            destination.write(out);
            out.writeInt(queueCount);
        };
    }

    /**
     * Decodes a CREATE_DESTINATION body.
     *
     * @param in the body
     * @return the request
     */
    public static CreateRequest decodeCreate(final ByteBuf in) {
        final DestinationRef destination = DestinationRef.read(in);
        CodecSupport.requireReadable(in, Integer.BYTES);
        final int queueCount = in.readInt();
        if (queueCount < 0) {
            throw CodecSupport.malformed("negative queue count " + queueCount);
        }
        return new CreateRequest(destination, queueCount);
    }

    /**
     * Encodes a DELETE_DESTINATION body.
     *
     * @param destination what to delete
     * @return the body writer
     */
    public static BodyWriter delete(final DestinationRef destination) {
        return destination::write;
    }

    /**
     * Decodes a DELETE_DESTINATION body.
     *
     * @param in the body
     * @return the destination to delete
     */
    public static DestinationRef decodeDelete(final ByteBuf in) {
        return DestinationRef.read(in);
    }
}
