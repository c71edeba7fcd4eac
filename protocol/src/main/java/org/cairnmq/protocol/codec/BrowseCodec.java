package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The BROWSE request and response bodies.
 *
 * <pre>
 *  request:  byte kind | str name | str? selector | long cursor (0 = from the start) | int maxCount
 *  response: long nextCursor | byte done | int count | count x (int length | record)
 * </pre>
 * The cursor is opaque to the client: it sends back the {@code nextCursor} of the previous page.
 */
public final class BrowseCodec {

    /** The cursor of the first page. */
    public static final long FIRST_PAGE = 0L;

    private BrowseCodec() {
    }

    /**
     * A decoded BROWSE request.
     *
     * @param destination the queue to browse
     * @param selector the message selector, or {@code null}
     * @param cursor where to continue, {@link #FIRST_PAGE} for the start
     * @param maxCount the most records in the page
     */
    public record Request(DestinationRef destination, String selector, long cursor, int maxCount) {
    }

    /**
     * A decoded BROWSE response.
     *
     * @param nextCursor the cursor of the next page
     * @param done whether the browse reached the end of the queue
     * @param records the records of this page, copied out of the body
     */
    public record Page(long nextCursor, boolean done, List<byte[]> records) {
    }

    /**
     * Encodes a BROWSE request body.
     *
     * @param request the request
     * @return the body writer
     */
    public static BodyWriter request(final Request request) {
        return out -> {
            request.destination().write(out);
            CodecSupport.writeNullableString(out, request.selector());
            out.writeLong(request.cursor());
            out.writeInt(request.maxCount());
        };
    }

    /**
     * Decodes a BROWSE request body.
     *
     * @param in the body
     * @return the request
     */
    public static Request decode(final ByteBuf in) {
        final DestinationRef destination = DestinationRef.read(in);
        final String selector = CodecSupport.readNullableString(in);
        CodecSupport.requireReadable(in, Long.BYTES + Integer.BYTES);
        final long cursor = in.readLong();
        final int maxCount = in.readInt();
        if (maxCount < 0) {
            throw CodecSupport.malformed("negative max count " + maxCount);
        }
        return new Request(destination, selector, cursor, maxCount);
    }

    /**
     * Encodes a BROWSE response body.
     *
     * @param nextCursor the cursor of the next page
     * @param done whether the browse reached the end
     * @param records the records, each between its position and limit; copied, positions untouched
     * @return the body writer
     */
    public static BodyWriter response(final long nextCursor, final boolean done, final List<ByteBuffer> records) {
        return out -> {
            out.writeLong(nextCursor);
            out.writeByte(done ? 1 : 0);
            out.writeInt(records.size());
            for (final ByteBuffer record : records) {
                out.writeInt(record.remaining());
                out.writeBytes(record.duplicate());
            }
        };
    }

    /**
     * Decodes a BROWSE response body.
     *
     * @param in the body
     * @return the page
     */
    public static Page decodeResponse(final ByteBuf in) {
        CodecSupport.requireReadable(in, Long.BYTES + Byte.BYTES + Integer.BYTES);
        final long nextCursor = in.readLong();
        final boolean done = in.readByte() != 0;
        final int count = in.readInt();
        if (count < 0 || count > in.readableBytes() / Integer.BYTES) {
            throw CodecSupport.malformed("bad record count " + count);
        }
        final List<byte[]> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final byte[] record = CodecSupport.readNullableBytes(in);
            if (record == null) {
                throw CodecSupport.malformed("a browsed record was null");
            }
            records.add(record);
        }
        return new Page(nextCursor, done, records);
    }
}
