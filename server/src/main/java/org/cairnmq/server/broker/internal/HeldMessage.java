package org.cairnmq.server.broker.internal;

import org.cairnmq.server.store.GetResult;
import org.cairnmq.server.store.GetStatus;
import org.cairnmq.server.store.MessageStore;
import org.cairnmq.server.store.StoredRecord;

/**
 * A message acknowledged inside an XA branch: out of its queue (in {@link QueueState#held}) until
 * the branch commits (acknowledged) or rolls back (returned, counted). Owning thread: the broker
 * thread.
 *
 * @param subscription the consumer group that acknowledged it
 * @param queue the group's queue
 * @param queueOffset the message's offset in the queue
 * @param deliveryCount the delivery attempt the acknowledgement ended
 * @param priority its JMS priority
 * @param record the stored record, or null when the branch was recovered from the journal (read again
 *     from the store if the branch rolls back)
 */
record HeldMessage(Subscription subscription, QueueState queue, long queueOffset, int deliveryCount, int priority,
        StoredRecord record) {

    /**
     * @param store the store, to read the record of a branch recovered from the journal
     * @return the stored record, or null when retention removed it
     */
    StoredRecord recordFrom(MessageStore store) {
        if (record != null) {
            return record;
        }
        GetResult result = store.read(queue.topic, queue.queueId, queueOffset, 1);
        if (result.status() != GetStatus.FOUND || result.records().isEmpty()
                || result.records().get(0).queueOffset() != queueOffset) {
            return null;
        }
        return result.records().get(0);
    }

    static HeldMessage of(Delivery delivery) {
        return new HeldMessage(delivery.consumer.subscription, delivery.queue, delivery.queueOffset,
                delivery.deliveryCount, delivery.priority, delivery.record);
    }
}
