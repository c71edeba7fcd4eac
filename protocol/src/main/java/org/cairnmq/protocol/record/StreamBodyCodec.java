package org.cairnmq.protocol.record;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a {@code StreamMessage}.
 *
 * <pre>
 *  +----------------+--------------------------------+
 *  | int item count | count x (ValueType tag, value) |
 *  +----------------+--------------------------------+
 * </pre>
 * Items are any {@link ValueType} but {@code UNKNOWN}, {@code null} and {@code byte[]} included.
 */
public final class StreamBodyCodec {

    private StreamBodyCodec() {
    }

    /**
     * Appends a stream body.
     *
     * @param items the items in order
     * @param out the buffer to write at its writer index
     * @return the number of bytes written
     * @throws org.cairnmq.protocol.command.ProtocolException with {@code MESSAGE_FORMAT} for an item
     *     of a class JMS does not allow
     */
    public static int encode(final List<?> items, final ByteBuf out) {
        final int start = out.writerIndex();
        out.writeInt(items.size());
        for (final Object item : items) {
            ValueCodec.write(out, item);
        }
        return out.writerIndex() - start;
    }

    /**
     * Decodes a stream body.
     *
     * @param buffer the buffer
     * @param offset the index of the item count
     * @param length the body's length in bytes
     * @return the items in order
     * @throws org.cairnmq.protocol.command.ProtocolException with {@code MALFORMED_FRAME} when the
     *     body is truncated or holds trailing bytes
     */
    public static List<Object> decode(final ByteBuf buffer, final int offset, final int length) {
        final int limit = offset + length;
        if (length < Integer.BYTES) {
            throw ValueCodec.malformed("stream body of " + length + " bytes has no item count");
        }
        final int count = buffer.getInt(offset);
        if (count < 0 || count > length) {
            throw ValueCodec.malformed("stream item count " + count + " does not fit in " + length + " bytes");
        }
        final List<Object> items = new ArrayList<>(count);
        int cursor = offset + Integer.BYTES;
        for (int i = 0; i < count; i++) {
            final int itemLength = ValueCodec.encodedLength(buffer, cursor, limit);
            items.add(ValueCodec.read(buffer, cursor));
            cursor += itemLength;
        }
        if (cursor != limit) {
            throw ValueCodec.malformed("stream body has " + (limit - cursor) + " trailing bytes");
        }
        return items;
    }

    /**
     * Decodes the readable bytes of a buffer (such as {@link MessageRecordFlyweight#body()}).
     *
     * @param body the body; its indexes are not moved
     * @return the items in order
     */
    public static List<Object> decode(final ByteBuf body) {
        return decode(body, body.readerIndex(), body.readableBytes());
    }
}
