package org.cairnmq.server.broker.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.cairnmq.server.store.GetResult;
import org.cairnmq.server.store.GetStatus;
import org.cairnmq.server.store.MessageStore;
import org.cairnmq.server.store.QueueProgress;
import org.cairnmq.server.store.StoredRecord;

/**
 * One store queue of a destination as dispatch sees it: the messages read ahead and waiting
 * ({@link #available}, in queue order), the ones in flight, and where reading resumes.
 *
 * <pre>
 *   acked ... | in flight / available (read ahead, by offset) | nextReadOffset ... store max offset
 * </pre>
 *
 * <p>Owning thread: the broker thread.
 *
 * <p>Design note: a returned message goes back into {@link #available} under its queue offset, so
 * it is dispatched again before every later message of the queue (its original position).
 */
final class QueueState {

    /** How many messages a queue reads ahead of its consumers. */
    static final int READ_AHEAD_MESSAGES = 1_024;

    private static final int READ_BATCH = 64;

    final String topic;
    final int queueId;
    final String group;
    final TreeMap<Long, Pending> available = new TreeMap<>();
    final Map<Long, Delivery> inFlight = new HashMap<>();
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

    /** A message waiting for a consumer, with the number of times it was delivered before. */
    record Pending(StoredRecord record, int priorDeliveries) {
    }

    /**
     * Reads from the store until the read-ahead is full or the queue is drained.
     *
     * @param store the store
     */
    void fill(MessageStore store) {
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
                if (startProgress == null || !startProgress.isAcked(offset)) {
                    int prior = offset < deliveredBeforeStart ? 1 : 0;
                    available.put(offset, new Pending(record, prior));
                }
            }
            nextReadOffset = result.nextQueueOffset();
        }
    }

    /**
     * Puts a delivered message back at its position.
     *
     * @param delivery the delivery to return
     * @param countDelivery whether the delivery counts (the next one is a redelivery)
     */
    void release(Delivery delivery, boolean countDelivery) {
        if (inFlight.remove(delivery.queueOffset) == null) {
            return;
        }
        int prior = countDelivery ? delivery.deliveryCount : delivery.deliveryCount - 1;
        available.put(delivery.queueOffset, new Pending(delivery.record, prior));
    }

    /**
     * @return the next offset read from the store
     */
    long nextReadOffset() {
        return nextReadOffset;
    }
}
