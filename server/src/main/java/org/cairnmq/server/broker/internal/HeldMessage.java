package org.cairnmq.server.broker.internal;

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

    static HeldMessage of(Delivery delivery) {
        return new HeldMessage(delivery.consumer.subscription, delivery.queue, delivery.queueOffset,
                delivery.deliveryCount, delivery.priority, delivery.record);
    }
}
