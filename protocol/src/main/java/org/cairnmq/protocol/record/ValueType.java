package org.cairnmq.protocol.record;

/**
 * The type tag in front of every typed value: message properties, map body entries and stream
 * body items. Properties use only {@link #NULL}, the primitives but {@link #CHAR}, and
 * {@link #STRING}; maps and streams use all of them.
 *
 * <pre>
 *   tag  value bytes
 *   NULL     0      nothing
 *   BOOLEAN  1      1 byte, 0 or 1
 *   BYTE     1      1 byte
 *   SHORT    2      2 bytes
 *   CHAR     2      2 bytes (a UTF-16 unit)
 *   INT      4      4 bytes
 *   LONG     8      8 bytes
 *   FLOAT    4      IEEE 754 bits (raw, NaN payload kept)
 *   DOUBLE   8      IEEE 754 bits (raw, NaN payload kept)
 *   STRING   4 + n  int length, n bytes of UTF-8
 *   BYTES    4 + n  int length, n bytes
 * </pre>
 */
public enum ValueType {
    /** A {@code null} value. */
    NULL(0, 0),
    /** {@code boolean}. */
    BOOLEAN(1, 1),
    /** {@code byte}. */
    BYTE(2, 1),
    /** {@code short}. */
    SHORT(3, 2),
    /** {@code char}; maps and streams only. */
    CHAR(4, 2),
    /** {@code int}. */
    INT(5, 4),
    /** {@code long}. */
    LONG(6, 8),
    /** {@code float}. */
    FLOAT(7, 4),
    /** {@code double}. */
    DOUBLE(8, 8),
    /** {@code String}, never {@code null} (that is {@link #NULL}). */
    STRING(9, -1),
    /** {@code byte[]}; maps and streams only. */
    BYTES(10, -1),
    /** A tag this version does not know. Never written. */
    UNKNOWN(-1, -1);

    private static final ValueType[] BY_CODE = {
        NULL, BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, STRING, BYTES,
    };

    private final int code;
    private final int fixedLengthBytes;

    ValueType(final int code, final int fixedLengthBytes) {
        this.code = code;
        this.fixedLengthBytes = fixedLengthBytes;
    }

    /**
     * Returns the wire value.
     *
     * @return the tag byte
     */
    public int code() {
        return code;
    }

    /**
     * Returns the length of a value of this type after its tag.
     *
     * @return the length in bytes, or -1 when it is length-prefixed
     */
    public int fixedLengthBytes() {
        return fixedLengthBytes;
    }

    /**
     * Looks up a tag.
     *
     * @param code the tag byte
     * @return the type, or {@link #UNKNOWN}
     */
    public static ValueType fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }
}
