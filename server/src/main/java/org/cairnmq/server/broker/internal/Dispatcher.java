package org.cairnmq.server.broker.internal;

import io.netty.buffer.Unpooled;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.record.MessageRecordFlyweight;
import org.cairnmq.protocol.record.MessageRecordPropertySource;
import org.cairnmq.server.store.MessageStore;

/**
 * Moves messages from a destination's queues to its consumers within their credit, honouring their
 * selectors; a message that no consumer's selector matches stays available for later consumers.
 *
 * <pre>
 *  for each queue of the destination (read ahead from the store):
 *     for each available message, in queue order:
 *        next consumer (round robin) with window left, a writable connection and a matching selector
 *           -> in flight, DELIVER pushed, window spent
 * </pre>
 *
 * <p>Owning thread: the broker thread; never blocks (pushes are handed to the connection).
 */
final class Dispatcher {

    private final MessageStore store;
    private final MessageRecordFlyweight flyweight = new MessageRecordFlyweight();
    private final MessageRecordPropertySource properties = new MessageRecordPropertySource(flyweight);
    private final Runnable onWritable;

    /**
     * @param store the store
     * @param onWritable run on the broker thread when a blocked connection becomes writable
     */
    Dispatcher(MessageStore store, Runnable onWritable) {
        this.store = store;
        this.onWritable = onWritable;
    }

    /**
     * Dispatches what it can of one destination.
     *
     * @param destination the destination
     */
    void dispatch(DestinationState destination) {
        if (destination.consumers.isEmpty() || destination.deleted) {
            return;
        }
        for (QueueState queue : destination.queues) {
            queue.fill(store);
            if (!dispatchQueue(destination, queue)) {
                return;
            }
        }
    }

    /** Returns false when no consumer has window left. */
    private boolean dispatchQueue(DestinationState destination, QueueState queue) {
        Iterator<Map.Entry<Long, QueueState.Pending>> available = queue.available.entrySet().iterator();
        while (available.hasNext()) {
            if (!anyCapacity(destination)) {
                return false;
            }
            QueueState.Pending pending = available.next().getValue();
            ConsumerState consumer = pickConsumer(destination, pending);
            if (consumer != null) {
                available.remove();
                deliver(consumer, queue, pending);
            }
        }
        return true;
    }

    private boolean anyCapacity(DestinationState destination) {
        boolean any = false;
        for (ConsumerState consumer : destination.consumers) {
            if (consumer.hasCapacity()) {
                any = true;
            } else if (!consumer.session.connection.link.isWritable()) {
                watchWritable(consumer.session.connection);
            }
        }
        return any;
    }

    private ConsumerState pickConsumer(DestinationState destination, QueueState.Pending pending) {
        int count = destination.consumers.size();
        for (int i = 0; i < count; i++) {
            int index = (destination.nextConsumer + i) % count;
            ConsumerState consumer = destination.consumers.get(index);
            if (consumer.hasCapacity() && matches(consumer, pending)) {
                destination.nextConsumer = (index + 1) % count;
                return consumer;
            }
        }
        return null;
    }

    private boolean matches(ConsumerState consumer, QueueState.Pending pending) {
        if (consumer.selector.isMatchAll()) {
            return true;
        }
        try {
            flyweight.wrap(Unpooled.wrappedBuffer(pending.record().payload()));
            return consumer.selector.matches(properties);
        } catch (ProtocolException e) {
            return false;
        }
    }

    private void deliver(ConsumerState consumer, QueueState queue, QueueState.Pending pending) {
        ConnectionState connection = consumer.session.connection;
        Delivery delivery = new Delivery(connection.nextDeliveryId(), consumer, queue, pending.record(),
                pending.priorDeliveries() + 1);
        queue.inFlight.put(delivery.queueOffset, delivery);
        consumer.session.deliveries.put(delivery.deliveryId, delivery);
        queue.deliveredMark = Math.max(queue.deliveredMark, delivery.queueOffset + 1);
        CompletableFuture<Boolean> pull = consumer.spend();
        connection.link.deliver(consumer.consumerId, delivery.deliveryId, delivery.deliveryCount,
                pending.record().payload());
        if (pull != null) {
            pull.complete(Boolean.TRUE);
        }
    }

    private void watchWritable(ConnectionState connection) {
        if (!connection.writableListenerSet) {
            connection.writableListenerSet = true;
            connection.link.onWritable(onWritable);
        }
    }
}
