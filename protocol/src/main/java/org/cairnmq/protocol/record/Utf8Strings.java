package org.cairnmq.protocol.record;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The protocol's string encoding: an int byte length, then UTF-8. Unpaired surrogates are written
 * as {@code '?'}, as {@link String#getBytes} does.
 */
public final class Utf8Strings {

    private Utf8Strings() {
    }

    /**
     * Appends a string.
     *
     * @param out the buffer to write at its writer index
     * @param value the string, not {@code null}
     * @return the number of bytes written, prefix included
     */
    public static int write(final ByteBuf out, final CharSequence value) {
        final int lengthIndex = out.writerIndex();
        out.writeInt(0);
        final int utf8Length = out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.setInt(lengthIndex, utf8Length);
        return Integer.BYTES + utf8Length;
    }

    /**
     * Reads a string at an absolute index.
     *
     * @param buffer the buffer
     * @param offset the index of the length prefix
     * @return the decoded string
     */
    public static String read(final ByteBuf buffer, final int offset) {
        final int utf8Length = buffer.getInt(offset);
        return buffer.toString(offset + Integer.BYTES, utf8Length, StandardCharsets.UTF_8);
    }

    /**
     * Compares UTF-8 bytes in a buffer with a string without allocating when the string is ASCII.
     *
     * @param buffer the buffer
     * @param offset the index of the first UTF-8 byte (after the prefix)
     * @param utf8Length the number of UTF-8 bytes
     * @param value the string to compare with
     * @return whether the bytes are the UTF-8 encoding of {@code value}
     */
    public static boolean utf8Equals(final ByteBuf buffer, final int offset, final int utf8Length, final String value) {
        final int charCount = value.length();
        if (utf8Length < charCount) {
            return false;
        }
        for (int i = 0; i < charCount; i++) {
            final char c = value.charAt(i);
            if (c >= 0x80) {
                return encodedEquals(buffer, offset, utf8Length, value);
            }
            if (buffer.getByte(offset + i) != c) {
                return false;
            }
        }
        return utf8Length == charCount;
    }

    private static boolean encodedEquals(final ByteBuf buffer, final int offset, final int utf8Length, final String value) {
        final byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length != utf8Length) {
            return false;
        }
        for (int i = 0; i < utf8Length; i++) {
            if (buffer.getByte(offset + i) != utf8[i]) {
                return false;
            }
        }
        return true;
    }
}
