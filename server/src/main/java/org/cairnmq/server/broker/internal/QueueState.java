package org.cairnmq.server.broker.internal;

import io.netty.buffer.Unpooled;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.record.MessageRecordFlyweight;
import org.cairnmq.server.store.GetResult;
import org.cairnmq.server.store.GetStatus;
import org.cairnmq.server.store.MessageStore;
import org.cairnmq.server.store.QueueProgress;
import org.cairnmq.server.store.StoredRecord;

/**
 * One store queue of one consumer group as dispatch sees it: the messages read ahead and waiting
 * ({@link #available}, highest priority first, then in queue order), the ones whose delivery time
 * (or redelivery delay) has not come ({@link #delayed}), the ones in flight, and where reading resumes.
 *
 * <pre>
 *   acked ... | in flight / available / delayed (read ahead) | nextReadOffset ... store max offset
 *   available key (64 bits):  0 (1) | 9 - priority (4) | queue offset (59)
 * </pre>
 *
 * <p>Owning thread: the broker thread.
 *
 * <p>Design note: a returned message goes back under its original key, so it is dispatched again
 * before every later message of its priority (its original position). Delayed messages are held in
 * memory (a slice of the mapped segment each) until due; after a restart they are read again from
 * the group's acknowledged offset, so a delay survives restarts without a delay index of its own.
 */
final class QueueState {

    /** How many messages a queue reads ahead of its consumers. */
    static final int READ_AHEAD_MESSAGES = 1_024;

    private static final int READ_BATCH = 64;
    private static final int PRIORITY_SHIFT = 59;
    private static final int MAX_PRIORITY = 9;
    private static final int DEFAULT_PRIORITY = 4;

    final String topic;
    final int queueId;
    final String group;
    final TreeMap<Long, Pending> available = new TreeMap<>();
    final PriorityQueue<Pending> delayed = new PriorityQueue<>(
            (a, b) -> Long.compare(a.visibleAtMs(), b.visibleAtMs()));
    final Map<Long, Delivery> inFlight = new HashMap<>();
    /** Offsets acknowledged inside an XA branch that is not finished: neither delivered nor acked. */
    final Set<Long> held = new HashSet<>();
    private final QueueProgress startProgress;
    private long nextReadOffset;
    /** Offsets below this may have been delivered before the broker started: flag them redelivered. */
    final long deliveredBeforeStart;
    /** One past the highest offset ever delivered (for the delivered marks). */
    long deliveredMark;

    QueueState(String topic, int queueId, String group, QueueProgress startProgress, long startOffset,
            long deliveredBeforeStart) {
        this.topic = topic;
        this.queueId = queueId;
        this.group = group;
        this.startProgress = startProgress;
        this.nextReadOffset = startOffset;
        this.deliveredBeforeStart = deliveredBeforeStart;
        this.deliveredMark = deliveredBeforeStart;
    }

    /**
     * A message waiting for a consumer.
     *
     * @param record the stored record
     * @param priorDeliveries how many times it was delivered before
     * @param priority its JMS priority, 0-9
     * @param visibleAtMs the earliest time it may be delivered
     */
    record Pending(StoredRecord record, int priorDeliveries, int priority, long visibleAtMs) {

        long key() {
            return keyOf(priority, record.queueOffset());
        }
    }

    /** @return the priority part of an {@link #available} key: smaller is a higher priority */
    static long rankOf(long key) {
        return key >>> PRIORITY_SHIFT;
    }

    static long keyOf(int priority, long queueOffset) {
        return ((long) (MAX_PRIORITY - priority) << PRIORITY_SHIFT) | queueOffset;
    }

    /**
     * @param afterRank a rank ({@link #rankOf}), or -1 for none
     * @return the best rank of a waiting message worse than {@code afterRank}, or -1 when there is none
     */
    long nextRank(long afterRank) {
        Long key = afterRank < 0 ? (available.isEmpty() ? null : available.firstKey())
                : available.ceilingKey((afterRank + 1) << PRIORITY_SHIFT);
        return key == null ? -1L : rankOf(key);
    }

    /**
     * @param rank a rank ({@link #rankOf})
     * @return the waiting messages of that rank in queue order, a view: removing from it removes from
     *     {@link #available}
     */
    NavigableMap<Long, Pending> band(long rank) {
        return available.subMap(rank << PRIORITY_SHIFT, true, (rank + 1) << PRIORITY_SHIFT, false);
    }

    /**
     * Reads from the store until the read-ahead is full or the queue is drained.
     *
     * @param store the store
     * @param nowMs the current time
     * @param flyweight a flyweight to read priorities and delivery times with
     */
    void fill(MessageStore store, long nowMs, MessageRecordFlyweight flyweight) {
        while (available.size() < READ_AHEAD_MESSAGES) {
            GetResult result = store.read(topic, queueId, nextReadOffset, READ_BATCH);
            if (result.status() == GetStatus.OFFSET_TOO_SMALL) {
                nextReadOffset = result.minQueueOffset();
                continue;
            }
            if (result.status() != GetStatus.FOUND || result.records().isEmpty()) {
                return;
            }
            for (StoredRecord record : result.records()) {
                long offset = record.queueOffset();
                if ((startProgress == null || !startProgress.isAcked(offset)) && !held.contains(offset)) {
                    int prior = offset < deliveredBeforeStart ? 1 : 0;
                    add(read(record, prior, flyweight), nowMs);
                }
            }
            nextReadOffset = result.nextQueueOffset();
        }
    }

    private static Pending read(StoredRecord record, int prior, MessageRecordFlyweight flyweight) {
        try {
            flyweight.wrap(Unpooled.wrappedBuffer(record.payload()));
            int priority = Math.max(0, Math.min(MAX_PRIORITY, flyweight.priority()));
            return new Pending(record, prior, priority, flyweight.deliveryTime());
        } catch (ProtocolException e) {
            return new Pending(record, prior, DEFAULT_PRIORITY, 0L);
        }
    }

    private void add(Pending pending, long nowMs) {
        if (pending.visibleAtMs() > nowMs) {
            delayed.add(pending);
        } else {
            available.put(pending.key(), pending);
        }
    }

    /**
     * Moves the delayed messages that are due into {@link #available}.
     *
     * @param nowMs the current time
     */
    void promoteDue(long nowMs) {
        while (!delayed.isEmpty() && delayed.peek().visibleAtMs() <= nowMs) {
            Pending due = delayed.poll();
            available.put(due.key(), due);
        }
    }

    /**
     * Puts a delivered message back at its position.
     *
     * @param delivery the delivery to return
     * @param countDelivery whether the delivery counts (the next one is a redelivery)
     * @param visibleAtMs the earliest time of the next delivery
     * @param nowMs the current time
     */
    void release(Delivery delivery, boolean countDelivery, long visibleAtMs, long nowMs) {
        if (inFlight.remove(delivery.queueOffset) == null) {
            return;
        }
        int prior = countDelivery ? delivery.deliveryCount : delivery.deliveryCount - 1;
        add(new Pending(delivery.record, prior, delivery.priority, visibleAtMs), nowMs);
    }

    /**
     * Puts a message back that an XA branch held and did not acknowledge.
     *
     * @param record the stored record
     * @param priorDeliveries how many times it was delivered
     * @param priority its JMS priority
     * @param visibleAtMs the earliest time of the next delivery
     * @param nowMs the current time
     */
    void returnHeld(StoredRecord record, int priorDeliveries, int priority, long visibleAtMs, long nowMs) {
        if (held.remove(record.queueOffset())) {
            add(new Pending(record, priorDeliveries, priority, visibleAtMs), nowMs);
        }
    }

    /**
     * @return the lowest offset this group still needs in memory, or the next read offset when none
     */
    long lowestUnconsumedOffset() {
        long lowest = nextReadOffset;
        for (Long offset : inFlight.keySet()) {
            lowest = Math.min(lowest, offset);
        }
        for (Long offset : held) {
            lowest = Math.min(lowest, offset);
        }
        for (Pending pending : available.values()) {
            lowest = Math.min(lowest, pending.record().queueOffset());
        }
        for (Pending pending : delayed) {
            lowest = Math.min(lowest, pending.record().queueOffset());
        }
        return lowest;
    }

    /**
     * @return the next offset read from the store
     */
    long nextReadOffset() {
        return nextReadOffset;
    }
}
