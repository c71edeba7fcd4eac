package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * Writes a command body into a frame that is being built. The caller has already written the frame
 * header and patches the frame length afterwards, so a writer only appends its fields.
 */
@FunctionalInterface
public interface BodyWriter {

    /** A body with no fields. */
    BodyWriter EMPTY = out -> { };

    /**
     * Appends the body's fields at the buffer's writer index.
     *
     * @param out the frame buffer
     */
    void write(ByteBuf out);
}
