package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.FrameDescriptor;
import org.cairnmq.protocol.frame.FrameEncoder;
import org.cairnmq.protocol.record.DestinationKind;

/**
 * The field encodings every command body shares (see docs/PROTOCOL.md): {@code str}, {@code str?},
 * {@code dest} and {@code bytes}. Readers read at the buffer's reader index and advance it.
 */
public final class CodecSupport {

    /** The length prefix that stands for a null string or byte array. */
    public static final int NULL_LENGTH = -1;

    private CodecSupport() {
    }

    /** Writes {@code str?}: an int byte length ({@code -1} for null), then UTF-8. */
    public static void writeNullableString(final ByteBuf out, final String value) {
        if (value == null) {
            out.writeInt(NULL_LENGTH);
            return;
        }
        final int lengthIndex = out.writerIndex();
        out.writeInt(0);
        final int utf8Length = out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.setInt(lengthIndex, utf8Length);
    }

    /** Writes {@code str}: like {@code str?}, for a value that is never null. */
    public static void writeString(final ByteBuf out, final String value) {
        if (value == null) {
            throw new IllegalArgumentException("a str field cannot be null");
        }
        writeNullableString(out, value);
    }

    /** Reads {@code str?}. */
    public static String readNullableString(final ByteBuf in) {
        final int length = readLength(in);
        if (length == NULL_LENGTH) {
            return null;
        }
        final String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return value;
    }

    /** Reads {@code str}, rejecting a null as a malformed body. */
    public static String readString(final ByteBuf in) {
        final String value = readNullableString(in);
        if (value == null) {
            throw malformed("a str field was null");
        }
        return value;
    }

    /** Writes {@code bytes?}: an int length ({@code -1} for null), then the bytes. */
    public static void writeNullableBytes(final ByteBuf out, final byte[] value) {
        if (value == null) {
            out.writeInt(NULL_LENGTH);
            return;
        }
        out.writeInt(value.length);
        out.writeBytes(value);
    }

    /** Reads {@code bytes?}. */
    public static byte[] readNullableBytes(final ByteBuf in) {
        final int length = readLength(in);
        if (length == NULL_LENGTH) {
            return null;
        }
        final byte[] value = new byte[length];
        in.readBytes(value);
        return value;
    }

    /** Writes {@code dest}: a {@link DestinationKind} wire value, then the name as {@code str}. */
    public static void writeDestination(final ByteBuf out, final DestinationKind kind, final String name) {
        out.writeByte(kind.code());
        writeString(out, name);
    }

    /** Reads the kind byte of a {@code dest}; call {@link #readString} next for its name. */
    public static DestinationKind readDestinationKind(final ByteBuf in) {
        requireReadable(in, Byte.BYTES);
        final DestinationKind kind = DestinationKind.fromCode(in.readByte());
        if (kind == DestinationKind.UNKNOWN) {
            throw malformed("unknown destination kind");
        }
        return kind;
    }

    /** Fails with {@link ErrorCode#MALFORMED_FRAME} unless {@code count} bytes are readable. */
    public static void requireReadable(final ByteBuf in, final int count) {
        if (in.readableBytes() < count) {
            throw malformed("body ends " + (count - in.readableBytes()) + " bytes early");
        }
    }

    /** Reads a {@code byte} field, failing with {@link ErrorCode#MALFORMED_FRAME} when the body ends. */
    public static byte readByte(final ByteBuf in) {
        requireReadable(in, Byte.BYTES);
        return in.readByte();
    }

    /** Reads an {@code int} field, failing with {@link ErrorCode#MALFORMED_FRAME} when the body ends. */
    public static int readInt(final ByteBuf in) {
        requireReadable(in, Integer.BYTES);
        return in.readInt();
    }

    /** Reads a {@code long} field, failing with {@link ErrorCode#MALFORMED_FRAME} when the body ends. */
    public static long readLong(final ByteBuf in) {
        requireReadable(in, Long.BYTES);
        return in.readLong();
    }

    /**
     * Reads the {@code int count} that prefixes a repeated group, rejecting a negative count and a
     * count that the remaining bytes cannot hold (so a hostile count allocates nothing).
     *
     * @param in the body
     * @param minEntryBytes the fewest bytes one entry of the group takes
     * @return the count
     */
    public static int readCount(final ByteBuf in, final int minEntryBytes) {
        final int count = readInt(in);
        if (count < 0 || (long) count * minEntryBytes > in.readableBytes()) {
            throw malformed("count " + count + " does not fit in the " + in.readableBytes() + " bytes left");
        }
        return count;
    }

    /** Fails with {@link ErrorCode#MALFORMED_FRAME} when bytes are left after the last field. */
    public static void requireFullyRead(final ByteBuf in) {
        if (in.isReadable()) {
            throw malformed(in.readableBytes() + " unexpected bytes after the last field");
        }
    }

    /**
     * Builds one whole frame in a new buffer from {@code alloc}: header, the body {@code body} writes,
     * and the patched length. The buffer is released if the body writer fails.
     *
     * @param alloc the allocator (a channel's, so the buffer suits its transport)
     * @param command the command; not {@link CommandCode#UNKNOWN}
     * @param flags the {@link org.cairnmq.protocol.frame.FrameFlags} bits
     * @param correlationId the correlation id, {@code 0} for none
     * @param status the status; {@link ErrorCode#OK} for requests
     * @param body writes the body
     * @return the frame, owned by the caller (who writes it to a channel or releases it)
     */
    public static ByteBuf encodeFrame(
        final ByteBufAllocator alloc, final CommandCode command, final byte flags, final long correlationId,
        final ErrorCode status, final BodyWriter body) {
        final int hint = body.lengthHint();
        final ByteBuf out = hint > 0 ? alloc.ioBuffer(FrameDescriptor.HEADER_LENGTH + hint) : alloc.ioBuffer();
        try {
            final int frameStart = FrameEncoder.beginFrame(out, command, flags, correlationId, status);
            body.write(out);
            FrameEncoder.endFrame(out, frameStart);
            return out;
        } catch (final RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /**
     * Returns the reason a {@link ProtocolException} carries, without the error-code prefix its
     * message starts with: the text an error response's body holds.
     *
     * @param e the exception
     * @return the reason
     */
    public static String reasonOf(final ProtocolException e) {
        final String message = e.getMessage();
        final String prefix = e.errorCode() + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** A malformed-body error: the frame was whole, so the stream is still in sync. */
    public static ProtocolException malformed(final String reason) {
        return new ProtocolException(ErrorCode.MALFORMED_FRAME, "CAIRN-1001 Malformed command body: " + reason);
    }

    private static int readLength(final ByteBuf in) {
        requireReadable(in, Integer.BYTES);
        final int length = in.readInt();
        if (length == NULL_LENGTH) {
            return NULL_LENGTH;
        }
        if (length < 0) {
            throw malformed("negative length " + length);
        }
        requireReadable(in, length);
        return length;
    }
}
