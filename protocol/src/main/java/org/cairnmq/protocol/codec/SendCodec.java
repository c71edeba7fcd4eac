package org.cairnmq.protocol.codec;

import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.SEND_QUEUE_ID_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.SEND_RECORD_OFFSET;
import static org.cairnmq.protocol.codec.MessagingBodyDescriptor.SEND_TX_ID_OFFSET;

import io.netty.buffer.ByteBuf;

/**
 * The SEND request body; answered with an empty body. Decoded with {@link SendFlyweight}.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                        txId (0 = none)                        |  0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 queueId (-1 = the broker picks)               |  8
 *  +---------------------------------------------------------------+
 *  |          message record, to the end of the body ...           | 12
 *  +---------------------------------------------------------------+
 * </pre>
 */
public final class SendCodec {

    private SendCodec() {
    }

    /**
     * Writes the fields before the record; the caller appends the record right after.
     *
     * @param out the body being built
     * @param txId the transaction id, 0 for none
     * @param queueId the queue, -1 to let the broker pick
     */
    public static void writeHeader(final ByteBuf out, final long txId, final int queueId) {
        final int start = out.writerIndex();
        out.writeZero(SEND_RECORD_OFFSET);
        out.setLong(start + SEND_TX_ID_OFFSET, txId);
        out.setInt(start + SEND_QUEUE_ID_OFFSET, queueId);
    }

    /**
     * Encodes a SEND body around an encoded record.
     *
     * @param txId the transaction id, 0 for none
     * @param queueId the queue, -1 to let the broker pick
     * @param record the record's readable bytes; copied, its indexes untouched
     * @return the body writer
     */
    public static BodyWriter request(final long txId, final int queueId, final ByteBuf record) {
        return BodyWriter.ofLength(SEND_RECORD_OFFSET + record.readableBytes(), out -> {
            writeHeader(out, txId, queueId);
            out.writeBytes(record, record.readerIndex(), record.readableBytes());
        });
    }
}
