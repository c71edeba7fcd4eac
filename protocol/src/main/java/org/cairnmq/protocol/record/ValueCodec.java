package org.cairnmq.protocol.record;

import io.netty.buffer.ByteBuf;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;

/**
 * Writes and reads one typed value: a {@link ValueType} tag byte followed by the value. Shared by
 * message properties, {@link MapBodyCodec} and {@link StreamBodyCodec}.
 */
public final class ValueCodec {

    private ValueCodec() {
    }

    /**
     * Returns the tag a Java value is written with.
     *
     * @param value a {@link Boolean}, {@link Byte}, {@link Short}, {@link Character},
     *     {@link Integer}, {@link Long}, {@link Float}, {@link Double}, {@link String},
     *     {@code byte[]} or {@code null}
     * @return its type, or {@link ValueType#UNKNOWN} for any other class
     */
    public static ValueType typeOf(final Object value) {
        if (value == null) {
            return ValueType.NULL;
        } else if (value instanceof String) {
            return ValueType.STRING;
        } else if (value instanceof Integer) {
            return ValueType.INT;
        } else if (value instanceof Long) {
            return ValueType.LONG;
        } else if (value instanceof Boolean) {
            return ValueType.BOOLEAN;
        } else if (value instanceof Double) {
            return ValueType.DOUBLE;
        } else if (value instanceof Float) {
            return ValueType.FLOAT;
        } else if (value instanceof Short) {
            return ValueType.SHORT;
        } else if (value instanceof Byte) {
            return ValueType.BYTE;
        } else if (value instanceof Character) {
            return ValueType.CHAR;
        } else if (value instanceof byte[]) {
            return ValueType.BYTES;
        }
        return ValueType.UNKNOWN;
    }

    /**
     * Appends a tag and a value.
     *
     * @param out the buffer to write at its writer index
     * @param value see {@link #typeOf(Object)}
     * @throws ProtocolException with {@link ErrorCode#MESSAGE_FORMAT} for a value of another class
     */
    public static void write(final ByteBuf out, final Object value) {
        final ValueType type = typeOf(value);
        if (type == ValueType.UNKNOWN) {
            throw new ProtocolException(ErrorCode.MESSAGE_FORMAT,
                "a value of " + value.getClass().getName() + " cannot be encoded");
        }
        out.writeByte(type.code());
        switch (type) {
            case BOOLEAN -> out.writeByte((Boolean) value ? 1 : 0);
            case BYTE -> out.writeByte((Byte) value);
            case SHORT -> out.writeShort((Short) value);
            case CHAR -> out.writeChar((Character) value);
            case INT -> out.writeInt((Integer) value);
            case LONG -> out.writeLong((Long) value);
            case FLOAT -> out.writeInt(Float.floatToRawIntBits((Float) value));
            case DOUBLE -> out.writeLong(Double.doubleToRawLongBits((Double) value));
            case STRING -> Utf8Strings.write(out, (String) value);
            case BYTES -> writeBytes(out, (byte[]) value);
            default -> {
                // NULL: the tag is the whole value
            }
        }
    }

    /**
     * Reads a value whose extent was checked by {@link #encodedLength}.
     *
     * @param buffer the buffer
     * @param tagOffset the index of the tag byte
     * @return the boxed value; {@code byte[]} values are copies; {@code null} for {@link ValueType#NULL}
     */
    public static Object read(final ByteBuf buffer, final int tagOffset) {
        final ValueType type = ValueType.fromCode(buffer.getByte(tagOffset));
        final int at = tagOffset + 1;
        return switch (type) {
            case BOOLEAN -> buffer.getByte(at) != 0;
            case BYTE -> buffer.getByte(at);
            case SHORT -> buffer.getShort(at);
            case CHAR -> buffer.getChar(at);
            case INT -> buffer.getInt(at);
            case LONG -> buffer.getLong(at);
            case FLOAT -> Float.intBitsToFloat(buffer.getInt(at));
            case DOUBLE -> Double.longBitsToDouble(buffer.getLong(at));
            case STRING -> Utf8Strings.read(buffer, at);
            case BYTES -> readBytes(buffer, at);
            case NULL -> null;
            default -> throw malformed("unknown value tag at " + tagOffset);
        };
    }

    /**
     * Returns how many bytes a tagged value takes, checking that it fits.
     *
     * @param buffer the buffer
     * @param tagOffset the index of the tag byte
     * @param limit the index the value must end at or before
     * @return the length of tag and value in bytes
     * @throws ProtocolException with {@link ErrorCode#MALFORMED_FRAME} for an unknown tag or a
     *     value that runs past {@code limit}
     */
    public static int encodedLength(final ByteBuf buffer, final int tagOffset, final int limit) {
        if (tagOffset >= limit) {
            throw malformed("value tag at " + tagOffset + " is past the end " + limit);
        }
        final ValueType type = ValueType.fromCode(buffer.getByte(tagOffset));
        final int valueLength;
        if (type == ValueType.UNKNOWN) {
            throw malformed("unknown value tag " + buffer.getByte(tagOffset) + " at " + tagOffset);
        } else if (type.fixedLengthBytes() >= 0) {
            valueLength = type.fixedLengthBytes();
        } else {
            valueLength = Integer.BYTES + checkedLength(buffer, tagOffset + 1, limit);
        }
        if (valueLength > limit - tagOffset - 1) {
            throw malformed("value at " + tagOffset + " runs past the end " + limit);
        }
        return 1 + valueLength;
    }

    /**
     * Reads an int length prefix and checks that it and the bytes it counts fit before a limit.
     *
     * @param buffer the buffer
     * @param offset the index of the prefix
     * @param limit the index the bytes must end at or before
     * @return the length read, not negative
     * @throws ProtocolException with {@link ErrorCode#MALFORMED_FRAME} when it does not fit
     */
    public static int checkedLength(final ByteBuf buffer, final int offset, final int limit) {
        if (limit - offset < Integer.BYTES) {
            throw malformed("length prefix at " + offset + " runs past the end " + limit);
        }
        final int length = buffer.getInt(offset);
        if (length < 0 || length > limit - offset - Integer.BYTES) {
            throw malformed("length " + length + " at " + offset + " does not fit before " + limit);
        }
        return length;
    }

    static ProtocolException malformed(final String message) {
        return new ProtocolException(ErrorCode.MALFORMED_FRAME, message);
    }

    private static void writeBytes(final ByteBuf out, final byte[] value) {
        out.writeInt(value.length);
        out.writeBytes(value);
    }

    private static byte[] readBytes(final ByteBuf buffer, final int offset) {
        final byte[] value = new byte[buffer.getInt(offset)];
        buffer.getBytes(offset + Integer.BYTES, value);
        return value;
    }
}
