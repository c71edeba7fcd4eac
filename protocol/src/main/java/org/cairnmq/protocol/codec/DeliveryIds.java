package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;

/** The {@code int count, count x long deliveryId} list that CLOSE_CONSUMER and ACK carry. */
final class DeliveryIds {

    private DeliveryIds() {
    }

    static void write(final ByteBuf out, final long[] deliveryIds) {
        out.writeInt(deliveryIds.length);
        for (final long deliveryId : deliveryIds) {
            out.writeLong(deliveryId);
        }
    }

    static long[] read(final ByteBuf in) {
        CodecSupport.requireReadable(in, Integer.BYTES);
        final int count = in.readInt();
        if (count < 0 || count > in.readableBytes() / Long.BYTES) {
            throw CodecSupport.malformed("bad delivery id count " + count);
        }
        final long[] deliveryIds = new long[count];
        for (int i = 0; i < count; i++) {
            deliveryIds[i] = in.readLong();
        }
        return deliveryIds;
    }
}
