package org.cairnmq.server.broker.internal;

import java.util.List;
import java.util.function.LongSupplier;
import org.cairnmq.server.store.ConsumerOffsetStore;
import org.cairnmq.server.store.MessageStore;
import org.cairnmq.server.store.QueueProgress;

/**
 * The store's retention floor: the lowest CommitLog offset some consumer group still needs. The
 * broker thread computes it (a persistent group from its acknowledged offset in the offset store, a
 * non-durable one from what it holds in memory) and publishes it through a volatile field, which the
 * store's housekeeping thread reads.
 *
 * <p>Owning thread: {@link #update} and {@link #maybeUpdate} on the broker thread; {@link #getAsLong}
 * on any thread.
 */
final class RetentionFloor implements LongSupplier {

    /** Ticks between two computations (the tick runs every 50 ms). */
    private static final int TICKS_PER_UPDATE = 20;

    private final MessageStore store;
    private final ConsumerOffsetStore offsets;
    private volatile long floor;
    private int ticks;

    RetentionFloor(MessageStore store, ConsumerOffsetStore offsets) {
        this.store = store;
        this.offsets = offsets;
    }

    @Override
    public long getAsLong() {
        return floor;
    }

    /**
     * Recomputes every {@value #TICKS_PER_UPDATE} calls.
     *
     * @param destinations every destination
     */
    void maybeUpdate(List<DestinationState> destinations) {
        if (++ticks >= TICKS_PER_UPDATE) {
            ticks = 0;
            update(destinations);
        }
    }

    /**
     * Recomputes the floor now.
     *
     * @param destinations every destination
     */
    void update(List<DestinationState> destinations) {
        long lowest = Long.MAX_VALUE;
        for (DestinationState destination : destinations) {
            for (Subscription subscription : destination.subscriptions) {
                for (QueueState queue : subscription.queues) {
                    long commitLogOffset = store.commitLogOffsetOf(queue.topic, queue.queueId, neededFrom(subscription,
                            queue));
                    if (commitLogOffset >= 0) {
                        lowest = Math.min(lowest, commitLogOffset);
                    }
                }
            }
        }
        floor = lowest;
    }

    private long neededFrom(Subscription subscription, QueueState queue) {
        long inMemory = queue.lowestUnconsumedOffset();
        if (!subscription.kind.persistent()) {
            return inMemory;
        }
        long acked = offsets.progress(queue.group, queue.topic, queue.queueId)
                .map(QueueProgress::ackedOffset).orElse(store.minQueueOffset(queue.topic, queue.queueId));
        return Math.min(acked, inMemory);
    }
}
