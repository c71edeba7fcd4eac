package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.util.Objects;
import org.cairnmq.protocol.record.DestinationKind;

/**
 * A decoded {@code dest} field: a destination kind and a name.
 *
 * @param kind the kind, never {@link DestinationKind#UNKNOWN}
 * @param name the name
 */
public record DestinationRef(DestinationKind kind, String name) {

    /** Checks the fields. */
    public DestinationRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Reads a {@code dest} at the buffer's reader index.
     *
     * @param in the body
     * @return the destination
     */
    public static DestinationRef read(final ByteBuf in) {
        final DestinationKind kind = CodecSupport.readDestinationKind(in);
        return new DestinationRef(kind, CodecSupport.readString(in));
    }

    /**
     * Writes this destination as a {@code dest}.
     *
     * @param out the body being built
     */
    public void write(final ByteBuf out) {
        CodecSupport.writeDestination(out, kind, name);
    }
}
