package org.cairnmq.server.broker.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cairnmq.protocol.codec.AckMode;
import org.cairnmq.server.broker.DeliveryConfig;
import org.cairnmq.server.broker.RedeliveryPolicy;
import org.cairnmq.server.store.ConsumerOffsetStore;
import org.cairnmq.server.store.StoredRecord;

/**
 * Acknowledgement and redelivery of a session's deliveries: a delivery returned counted goes back
 * after its destination's redelivery delay, or to the dead-letter queue once its attempts are spent.
 * Owning thread: the broker thread.
 */
final class SessionOperations {

    private final ConsumerOffsetStore offsets;
    private final DeliveryConfig delivery;
    private final Clock clock;
    private final MessageMover mover;

    SessionOperations(ConsumerOffsetStore offsets, DeliveryConfig delivery, Clock clock, MessageMover mover) {
        this.offsets = offsets;
        this.delivery = delivery;
        this.clock = clock;
        this.mover = mover;
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
        for (Delivery done : take(session, mode, deliveryIds)) {
            done.queue.inFlight.remove(done.queueOffset);
            done.consumer.subscription.acknowledge(offsets, done.queue, done.queueOffset);
        }
    }

    /**
     * An XA branch takes over acknowledged deliveries: out of the session and out of flight, held
     * (neither delivered again nor acknowledged) until the branch ends.
     *
     * @param session the session
     * @param mode per delivery, or every delivery up to the one given
     * @param deliveryIds the deliveries
     * @return the held messages
     */
    List<HeldMessage> hold(SessionState session, AckMode mode, long[] deliveryIds) {
        List<HeldMessage> held = new ArrayList<>();
        for (Delivery done : take(session, mode, deliveryIds)) {
            done.queue.inFlight.remove(done.queueOffset);
            done.queue.held.add(done.queueOffset);
            held.add(HeldMessage.of(done));
        }
        return held;
    }

    /**
     * A committed XA branch acknowledges a message it held (not yet flushed).
     *
     * @param message the held message
     */
    void acknowledgeHeld(HeldMessage message) {
        if (message.queue().held.remove(message.queueOffset())) {
            message.subscription().acknowledge(offsets, message.queue(), message.queueOffset());
        }
    }

    /**
     * A rolled-back XA branch returns a message it held, counted as a delivery: after the redelivery
     * delay, or to the dead-letter queue once its attempts are spent.
     *
     * @param message the held message
     * @param record its stored record
     */
    void returnHeld(HeldMessage message, StoredRecord record) {
        long nowMs = clock.millis();
        QueueState queue = message.queue();
        RedeliveryPolicy policy = delivery.policyFor(message.subscription().destination.name);
        if (policy.exhausted(message.deliveryCount())) {
            if (queue.held.remove(message.queueOffset())) {
                mover.deadLetter(message.subscription(), queue,
                        new QueueState.Pending(record, message.deliveryCount(), message.priority(), nowMs));
            }
            return;
        }
        long visibleAtMs = nowMs + policy.delayBeforeRedeliveryMs(message.deliveryCount());
        queue.returnHeld(record, message.deliveryCount(), message.priority(), visibleAtMs, nowMs);
    }

    private static List<Delivery> take(SessionState session, AckMode mode, long[] deliveryIds) {
        List<Delivery> taken = new ArrayList<>();
        if (mode == AckMode.UP_TO) {
            for (long deliveryId : deliveryIds) {
                taken.addAll(session.deliveries.headMap(deliveryId, true).values());
            }
        } else {
            for (long deliveryId : deliveryIds) {
                Delivery found = session.deliveries.get(deliveryId);
                if (found != null) {
                    taken.add(found);
                }
            }
        }
        taken.removeIf(done -> session.deliveries.remove(done.deliveryId) == null);
        return taken;
    }

    /**
     * Returns every delivery of the session to its queue, counted as a delivery.
     *
     * @param session the session
     * @return the destinations to dispatch again
     */
    Set<DestinationState> recover(SessionState session) {
        return recover(session, null);
    }

    /**
     * Returns every delivery of the session to its queue; only the listed ones count as a delivery.
     * The others were prefetched or on the wire and never reached the application, so they go back as
     * if never sent: their attempts are not spent, and a poison message cannot drag the messages
     * prefetched behind it to the dead-letter queue.
     *
     * @param session the session
     * @param consumedDeliveryIds the deliveries the application consumed, or {@code null} to count all
     * @return the destinations to dispatch again
     */
    Set<DestinationState> recover(SessionState session, long[] consumedDeliveryIds) {
        Set<DestinationState> touched = new LinkedHashSet<>();
        Set<Long> consumed = consumedDeliveryIds == null ? null : idSet(consumedDeliveryIds);
        long nowMs = clock.millis();
        for (Delivery returned : session.deliveries.values()) {
            if (consumed == null || consumed.contains(returned.deliveryId)) {
                redeliverOrDeadLetter(returned, nowMs);
            } else {
                returned.queue.release(returned, false, nowMs, nowMs);
            }
            touched.add(returned.consumer.destination);
        }
        session.deliveries.clear();
        return touched;
    }

    private static Set<Long> idSet(long[] deliveryIds) {
        Set<Long> ids = new HashSet<>(deliveryIds.length * 2);
        for (long deliveryId : deliveryIds) {
            ids.add(deliveryId);
        }
        return ids;
    }

    private void redeliverOrDeadLetter(Delivery returned, long nowMs) {
        RedeliveryPolicy policy = delivery.policyFor(returned.consumer.destination.name);
        if (policy.exhausted(returned.deliveryCount)) {
            if (returned.queue.inFlight.remove(returned.queueOffset) != null) {
                mover.deadLetter(returned.consumer.subscription, returned.queue, new QueueState.Pending(
                        returned.record, returned.deliveryCount, returned.priority, nowMs));
            }
            return;
        }
        long visibleAtMs = nowMs + policy.delayBeforeRedeliveryMs(returned.deliveryCount);
        returned.queue.release(returned, true, visibleAtMs, nowMs);
    }

    /**
     * Returns a closing consumer's deliveries its client never gave to the application, without
     * counting them: the listed ones, and every one above the highest delivery id the client received
     * (still on the wire as the consumer closed; the client drops them on arrival).
     *
     * @param consumer the consumer
     * @param deliveryIds deliveries its client never gave to the application
     * @param highestReceivedDeliveryId the highest delivery id the client received for the consumer
     */
    void returnUnconsumed(ConsumerState consumer, long[] deliveryIds, long highestReceivedDeliveryId) {
        long nowMs = clock.millis();
        Set<Long> listed = idSet(deliveryIds);
        List<Delivery> returned = new ArrayList<>();
        for (Delivery delivery : consumer.session.deliveries.tailMap(0L, false).values()) {
            if (delivery.consumer == consumer
                    && (listed.contains(delivery.deliveryId) || delivery.deliveryId > highestReceivedDeliveryId)) {
                returned.add(delivery);
            }
        }
        for (Delivery delivery : returned) {
            consumer.session.deliveries.remove(delivery.deliveryId);
            delivery.queue.release(delivery, false, nowMs, nowMs);
        }
    }
}
