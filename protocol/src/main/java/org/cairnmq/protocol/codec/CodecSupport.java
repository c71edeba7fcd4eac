package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
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
