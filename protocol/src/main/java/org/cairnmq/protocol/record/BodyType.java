package org.cairnmq.protocol.record;

/** The kind of JMS message a record holds, which fixes how its body section is encoded. */
public enum BodyType {
    /** A plain {@code Message}: the body section is empty. */
    MESSAGE(0),
    /** {@code BytesMessage}: the body is the raw bytes. */
    BYTES(1),
    /** {@code TextMessage}: the body is UTF-8; a body length of -1 is a {@code null} text. */
    TEXT(2),
    /** {@code MapMessage}: the body is encoded by {@link MapBodyCodec}. */
    MAP(3),
    /** {@code StreamMessage}: the body is encoded by {@link StreamBodyCodec}. */
    STREAM(4),
    /** {@code ObjectMessage}: the body is the serialized object, opaque; -1 is a {@code null} object. */
    OBJECT(5),
    /** A code this version does not know. Never written. */
    UNKNOWN(-1);

    private static final BodyType[] BY_CODE = {MESSAGE, BYTES, TEXT, MAP, STREAM, OBJECT};

    private final int code;

    BodyType(final int code) {
        this.code = code;
    }

    /**
     * Returns the wire value.
     *
     * @return the byte written to the record
     */
    public int code() {
        return code;
    }

    /**
     * Looks up a wire value.
     *
     * @param code the byte read from a record
     * @return the body type, or {@link #UNKNOWN}
     */
    public static BodyType fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }
}
