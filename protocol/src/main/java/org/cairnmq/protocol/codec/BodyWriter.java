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

    /**
     * How many bytes the body will take, if known: the frame buffer is allocated at that size, so a
     * large body (a message record) is not copied again and again as the buffer grows.
     *
     * @return the expected body length, 0 when unknown
     */
    default int lengthHint() {
        return 0;
    }

    /**
     * A writer of a body of a known length.
     *
     * @param length the body's length in bytes
     * @param writer writes it
     * @return a writer whose {@link #lengthHint()} is {@code length}
     */
    static BodyWriter ofLength(final int length, final BodyWriter writer) {
        return new BodyWriter() {
            @Override
            public void write(final ByteBuf out) {
                writer.write(out);
            }

            @Override
            public int lengthHint() {
                return length;
            }
        };
    }
}
