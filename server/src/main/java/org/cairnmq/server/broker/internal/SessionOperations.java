package org.cairnmq.server.broker.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cairnmq.protocol.codec.AckMode;
import org.cairnmq.server.store.ConsumerOffsetStore;

/**
 * Acknowledgement and redelivery of a session's deliveries. Owning thread: the broker thread.
 */
final class SessionOperations {

    private final ConsumerOffsetStore offsets;

    SessionOperations(ConsumerOffsetStore offsets) {
        this.offsets = offsets;
    }

    /**
     * Applies an acknowledgement to the offset store (not yet flushed). Unknown ids are ignored: they
     * were acknowledged or returned already.
     *
     * @param session the session
     * @param mode per delivery, or every delivery up to the one given
     * @param deliveryIds the deliveries
     */
    void ack(SessionState session, AckMode mode, long[] deliveryIds) {
        List<Delivery> acked = new ArrayList<>();
        if (mode == AckMode.UP_TO) {
            for (long deliveryId : deliveryIds) {
                acked.addAll(session.deliveries.headMap(deliveryId, true).values());
            }
        } else {
            for (long deliveryId : deliveryIds) {
                Delivery delivery = session.deliveries.get(deliveryId);
                if (delivery != null) {
                    acked.add(delivery);
                }
            }
        }
        for (Delivery delivery : acked) {
            if (session.deliveries.remove(delivery.deliveryId) != null) {
                QueueState queue = delivery.queue;
                queue.inFlight.remove(delivery.queueOffset);
                if (!delivery.consumer.destination.deleted) {
                    offsets.ack(queue.group, queue.topic, queue.queueId, delivery.queueOffset);
                }
            }
        }
    }

    /**
     * Returns every delivery of the session to its queue, counted as a delivery.
     *
     * @param session the session
     * @return the destinations to dispatch again
     */
    Set<DestinationState> recover(SessionState session) {
        Set<DestinationState> touched = new LinkedHashSet<>();
        for (Delivery delivery : session.deliveries.values()) {
            delivery.queue.release(delivery, true);
            touched.add(delivery.consumer.destination);
        }
        session.deliveries.clear();
        return touched;
    }

    /**
     * Returns the listed deliveries of a closing consumer without counting them.
     *
     * @param consumer the consumer
     * @param deliveryIds deliveries its client never gave to the application
     */
    void returnUnconsumed(ConsumerState consumer, long[] deliveryIds) {
        for (long deliveryId : deliveryIds) {
            Delivery delivery = consumer.session.deliveries.get(deliveryId);
            if (delivery != null && delivery.consumer == consumer) {
                consumer.session.deliveries.remove(deliveryId);
                delivery.queue.release(delivery, false);
            }
        }
    }
}
