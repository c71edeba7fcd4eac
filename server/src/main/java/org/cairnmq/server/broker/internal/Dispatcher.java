package org.cairnmq.server.broker.internal;

import io.netty.buffer.Unpooled;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.cairnmq.protocol.codec.SubscriptionHeaders;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.record.MessageRecordFlyweight;
import org.cairnmq.protocol.record.MessageRecordPropertySource;
import org.cairnmq.protocol.selector.Selector;
import org.cairnmq.server.store.ConsumerOffsetStore;
import org.cairnmq.server.store.MessageStore;

/**
 * Moves messages from each consumer group's queues to its consumers within their credit.
 *
 * <pre>
 *  for each group of the destination with consumers:
 *    each queue: read ahead, promote due delayed messages
 *    priority bands, best first; in each band, queue by queue, messages by offset:
 *       expired?                       -> expiry queue
 *       topic group rejects it?        -> acknowledged for the group (selector, noLocal)
 *       JMSXGroupID pinned?            -> its consumer only (else it waits)
 *       else next consumer (round robin) with window, a writable connection and a matching selector
 *           -> in flight, DELIVER pushed, window spent
 * </pre>
 *
 * <p>A message of a queue that no consumer's selector matches stays for later consumers.
 *
 * <p>Design note: dispatch goes priority band by band across all queues of a group, not queue by
 * queue, because each sending connection has its own queue: a queue-by-queue pass would give a
 * consumer's window to one connection's low priorities before another's high ones. Within a band each
 * queue keeps its order, which is all JMS orders (per producer).
 *
 * <p>Owning thread: the broker thread; never blocks (pushes are handed to the connection).
 */
final class Dispatcher {

    private final MessageStore store;
    private final ConsumerOffsetStore offsets;
    private final Clock clock;
    private final MessageMover mover;
    private final MessageRecordFlyweight flyweight = new MessageRecordFlyweight();
    private final MessageRecordPropertySource properties = new MessageRecordPropertySource(flyweight);
    private final Runnable onWritable;
    private final Executor brokerThread;

    /**
     * @param store the store
     * @param offsets the offset store
     * @param clock the clock of delays and expiry
     * @param mover moves expired messages
     * @param onWritable run on the broker thread when a blocked connection becomes writable
     * @param brokerThread the broker thread, where store completions hop back to
     */
    Dispatcher(MessageStore store, ConsumerOffsetStore offsets, Clock clock, MessageMover mover, Runnable onWritable,
            Executor brokerThread) {
        this.store = store;
        this.offsets = offsets;
        this.clock = clock;
        this.mover = mover;
        this.onWritable = onWritable;
        this.brokerThread = brokerThread;
    }

    /**
     * Dispatches what it can of every group of one destination.
     *
     * @param destination the destination
     */
    void dispatch(DestinationState destination) {
        if (destination.deleted) {
            return;
        }
        for (Subscription subscription : List.copyOf(destination.subscriptions)) {
            dispatch(subscription);
        }
    }

    /**
     * Dispatches a destination once the store has made the record ending at {@code endCommitLogOffset}
     * readable.
     *
     * <p>Design note: the dispatch thread completes a {@link MessageStore#whenDispatched} waiter as soon
     * as it passes the record, and the dispatch hops back here; polling the dispatch position on a
     * timer instead added up to a timer tick (about a millisecond) to every message's latency. One
     * waiter per destination at a time: records appended meanwhile raise the awaited offset and the
     * pump waits again if it must.
     *
     * @param destination the destination
     * @param endCommitLogOffset the end of the appended record
     */
    void dispatchWhenReadable(DestinationState destination, long endCommitLogOffset) {
        destination.awaitedCommitLogOffset = Math.max(destination.awaitedCommitLogOffset, endCommitLogOffset);
        if (!destination.pumpScheduled) {
            destination.pumpScheduled = true;
            pump(destination);
        }
    }

    private void pump(DestinationState destination) {
        long awaited = destination.awaitedCommitLogOffset;
        if (store.dispatchedCommitLogOffset() < awaited) {
            store.whenDispatched(awaited - 1).whenCompleteAsync((ignored, failure) -> {
                if (failure == null) {
                    pump(destination);
                } else {
                    destination.pumpScheduled = false;
                }
            }, brokerThread);
            return;
        }
        destination.pumpScheduled = false;
        dispatch(destination);
    }

    private void dispatch(Subscription subscription) {
        if (subscription.consumers.isEmpty() || subscription.deleted) {
            return;
        }
        long nowMs = clock.millis();
        for (QueueState queue : subscription.queues) {
            queue.fill(store, nowMs, flyweight);
            queue.promoteDue(nowMs);
        }
        for (long rank = nextRank(subscription, -1L); rank >= 0; rank = nextRank(subscription, rank)) {
            for (QueueState queue : subscription.queues) {
                if (!dispatchBand(subscription, queue, queue.band(rank), nowMs)) {
                    return;
                }
            }
        }
    }

    /** The best rank waiting on any queue of the group worse than {@code afterRank}, or -1. */
    private static long nextRank(Subscription subscription, long afterRank) {
        long best = -1L;
        for (QueueState queue : subscription.queues) {
            long rank = queue.nextRank(afterRank);
            if (rank >= 0 && (best < 0 || rank < best)) {
                best = rank;
            }
        }
        return best;
    }

    /** Dispatches one priority band of a queue; returns false when no consumer has window left. */
    private boolean dispatchBand(Subscription subscription, QueueState queue, Map<Long, QueueState.Pending> band,
            long nowMs) {
        Iterator<Map.Entry<Long, QueueState.Pending>> available = band.entrySet().iterator();
        while (available.hasNext()) {
            if (!anyCapacity(subscription)) {
                return false;
            }
            QueueState.Pending pending = available.next().getValue();
            if (!wrap(pending)) {
                available.remove();
                subscription.acknowledge(offsets, queue, pending.record().queueOffset());
                continue;
            }
            long expiration = flyweight.expiration();
            if (expiration != 0 && expiration <= nowMs) {
                available.remove();
                mover.expire(subscription, queue, pending, expiration);
                continue;
            }
            if (subscription.kind != Subscription.Kind.QUEUE && !acceptedBy(subscription, pending)) {
                available.remove();
                subscription.acknowledge(offsets, queue, pending.record().queueOffset());
                continue;
            }
            ConsumerState consumer = pickConsumer(subscription);
            if (consumer != null) {
                available.remove();
                deliver(consumer, queue, pending);
            }
        }
        return true;
    }

    private boolean wrap(QueueState.Pending pending) {
        try {
            flyweight.wrap(Unpooled.wrappedBuffer(pending.record().payload()));
            return true;
        } catch (ProtocolException e) {
            return false;
        }
    }

    private boolean acceptedBy(Subscription subscription, QueueState.Pending pending) {
        if (subscription.noLocal && pending.record().tagsCode() == subscription.localTag) {
            return false;
        }
        return matches(subscription.selector);
    }

    private boolean anyCapacity(Subscription subscription) {
        boolean any = false;
        for (ConsumerState consumer : subscription.consumers) {
            if (consumer.hasCapacity()) {
                any = true;
            } else if (!consumer.session.connection.link.isWritable()) {
                watchWritable(consumer.session.connection);
            }
        }
        return any;
    }

    private ConsumerState pickConsumer(Subscription subscription) {
        String groupId = groupIdOfWrapped();
        if (groupId != null) {
            ConsumerState owner = subscription.groupOwners.get(groupId);
            if (owner != null && !owner.closed) {
                return owner.hasCapacity() && matches(owner.selector) ? owner : null;
            }
        }
        int count = subscription.consumers.size();
        for (int i = 0; i < count; i++) {
            int index = (subscription.nextConsumer + i) % count;
            ConsumerState consumer = subscription.consumers.get(index);
            if (consumer.hasCapacity() && matches(consumer.selector)) {
                subscription.nextConsumer = (index + 1) % count;
                if (groupId != null) {
                    subscription.groupOwners.put(groupId, consumer);
                }
                return consumer;
            }
        }
        return null;
    }

    private String groupIdOfWrapped() {
        if (flyweight.propertyCount() == 0) {
            return null;
        }
        try {
            return flyweight.property(SubscriptionHeaders.GROUP_ID) instanceof String groupId ? groupId : null;
        } catch (ProtocolException e) {
            return null;
        }
    }

    private boolean matches(Selector selector) {
        if (selector.isMatchAll()) {
            return true;
        }
        try {
            return selector.matches(properties);
        } catch (ProtocolException e) {
            return false;
        }
    }

    private void deliver(ConsumerState consumer, QueueState queue, QueueState.Pending pending) {
        ConnectionState connection = consumer.session.connection;
        Delivery delivery = new Delivery(connection.nextDeliveryId(), consumer, queue, pending);
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
