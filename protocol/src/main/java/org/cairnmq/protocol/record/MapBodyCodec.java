package org.cairnmq.protocol.record;

import io.netty.buffer.ByteBuf;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a {@code MapMessage}.
 *
 * <pre>
 *  +-----------------+----------------------------------------------------+
 *  | int entry count | count x (name string, ValueType tag, value)        |
 *  +-----------------+----------------------------------------------------+
 * </pre>
 * Values are any {@link ValueType} but {@code UNKNOWN}: the JMS primitives, {@code String},
 * {@code byte[]} and {@code null}. Entries keep the map's iteration order.
 */
public final class MapBodyCodec {

    private MapBodyCodec() {
    }

    /**
     * Appends a map body.
     *
     * @param map the entries; names not {@code null}
     * @param out the buffer to write at its writer index
     * @return the number of bytes written
     * @throws org.cairnmq.protocol.command.ProtocolException with {@code MESSAGE_FORMAT} for a value
     *     of a class JMS does not allow
     */
    public static int encode(final Map<String, ?> map, final ByteBuf out) {
        final int start = out.writerIndex();
        out.writeInt(map.size());
        for (final Map.Entry<String, ?> entry : map.entrySet()) {
            Utf8Strings.write(out, entry.getKey());
            ValueCodec.write(out, entry.getValue());
        }
        return out.writerIndex() - start;
    }

    /**
     * Decodes a map body.
     *
     * @param buffer the buffer
     * @param offset the index of the entry count
     * @param length the body's length in bytes
     * @return the entries in encoded order
     * @throws org.cairnmq.protocol.command.ProtocolException with {@code MALFORMED_FRAME} when the
     *     body is truncated or holds trailing bytes
     */
    public static LinkedHashMap<String, Object> decode(final ByteBuf buffer, final int offset, final int length) {
        final int limit = offset + length;
        if (length < Integer.BYTES) {
            throw ValueCodec.malformed("map body of " + length + " bytes has no entry count");
        }
        final int count = buffer.getInt(offset);
        if (count < 0 || count > length) {
            throw ValueCodec.malformed("map entry count " + count + " does not fit in " + length + " bytes");
        }
        final LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        int cursor = offset + Integer.BYTES;
        for (int i = 0; i < count; i++) {
            final int nameLength = ValueCodec.checkedLength(buffer, cursor, limit);
            final String name = Utf8Strings.read(buffer, cursor);
            cursor += Integer.BYTES + nameLength;
            final int valueLength = ValueCodec.encodedLength(buffer, cursor, limit);
            map.put(name, ValueCodec.read(buffer, cursor));
            cursor += valueLength;
        }
        if (cursor != limit) {
            throw ValueCodec.malformed("map body has " + (limit - cursor) + " trailing bytes");
        }
        return map;
    }

    /**
     * Decodes the readable bytes of a buffer (such as {@link MessageRecordFlyweight#body()}).
     *
     * @param body the body; its indexes are not moved
     * @return the entries in encoded order
     */
    public static LinkedHashMap<String, Object> decode(final ByteBuf body) {
        return decode(body, body.readerIndex(), body.readableBytes());
    }
}
