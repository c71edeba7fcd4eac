package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The SEND_BATCH request body; answered with an empty body.
 *
 * <pre>
 *  long txId (0 = none) | int count | count x (int queueId (-1 = the broker picks) | int length | record)
 * </pre>
 */
public final class SendBatchCodec {

    private SendBatchCodec() {
    }

    /**
     * One message of a batch.
     *
     * @param queueId the queue, -1 to let the broker pick
     * @param record the encoded record; when decoded, an unretained slice of the body
     */
    public record Entry(int queueId, ByteBuf record) {
    }

    /**
     * A decoded SEND_BATCH.
     *
     * @param txId the transaction id, 0 for none
     * @param entries the messages, in order
     */
    public record Batch(long txId, List<Entry> entries) {
    }

    /**
     * Encodes a SEND_BATCH body.
     *
     * @param txId the transaction id, 0 for none
     * @param entries the messages; each record's readable bytes are copied, its indexes untouched
     * @return the body writer
     */
    public static BodyWriter request(final long txId, final List<Entry> entries) {
        return out -> {
            out.writeLong(txId);
            out.writeInt(entries.size());
            for (final Entry entry : entries) {
                out.writeInt(entry.queueId());
                out.writeInt(entry.record().readableBytes());
                out.writeBytes(entry.record(), entry.record().readerIndex(), entry.record().readableBytes());
            }
        };
    }

    /**
     * Decodes a SEND_BATCH body; the records are slices of the body, not copies.
     *
     * @param in the body
     * @return the batch, valid while the body is
     */
    public static Batch decode(final ByteBuf in) {
        CodecSupport.requireReadable(in, Long.BYTES + Integer.BYTES);
        final long txId = in.readLong();
        final int count = in.readInt();
        if (count < 0 || count > in.readableBytes() / (2 * Integer.BYTES)) {
            throw CodecSupport.malformed("bad batch count " + count);
        }
        final List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CodecSupport.requireReadable(in, 2 * Integer.BYTES);
            final int queueId = in.readInt();
            final int length = in.readInt();
            if (length < 0) {
                throw CodecSupport.malformed("negative record length " + length);
            }
            CodecSupport.requireReadable(in, length);
            entries.add(new Entry(queueId, in.readSlice(length)));
        }
        return new Batch(txId, entries);
    }
}
