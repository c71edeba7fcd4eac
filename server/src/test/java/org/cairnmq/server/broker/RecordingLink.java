package org.cairnmq.server.broker;

import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cairnmq.protocol.record.MessageRecordFlyweight;

/** A client connection standing in for the transport: records every DELIVER pushed to it. */
final class RecordingLink implements ClientLink {

    /** One recorded DELIVER. */
    record Delivered(long consumerId, long deliveryId, int deliveryCount, String messageId, Object n) {
    }

    private final long connectionId;
    final List<Delivered> delivered = new CopyOnWriteArrayList<>();

    /** Every delivery id pushed so far: what a RECOVER lists when the application consumed them all. */
    long[] deliveredIds() {
        return delivered.stream().mapToLong(Delivered::deliveryId).toArray();
    }

    RecordingLink(long connectionId) {
        this.connectionId = connectionId;
    }

    @Override
    public long connectionId() {
        return connectionId;
    }

    @Override
    public void deliver(long consumerId, long deliveryId, int deliveryCount, ByteBuffer record) {
        MessageRecordFlyweight flyweight = new MessageRecordFlyweight().wrap(Unpooled.wrappedBuffer(record));
        delivered.add(new Delivered(consumerId, deliveryId, deliveryCount, flyweight.messageId(),
                flyweight.property("n")));
    }

    @Override
    public boolean isWritable() {
        return true;
    }

    @Override
    public void onWritable(Runnable listener) {
    }

    List<Delivered> to(long consumerId) {
        return delivered.stream().filter(d -> d.consumerId() == consumerId).toList();
    }
}
