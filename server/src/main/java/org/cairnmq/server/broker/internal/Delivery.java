package org.cairnmq.server.broker.internal;

import org.cairnmq.server.store.StoredRecord;

/**
 * One message pushed to a consumer and not yet acknowledged or returned. Owning thread: the broker
 * thread.
 */
final class Delivery {

    final long deliveryId;
    final ConsumerState consumer;
    final SessionState session;
    final QueueState queue;
    final long queueOffset;
    final StoredRecord record;
    final int deliveryCount;
    final int priority;

    Delivery(long deliveryId, ConsumerState consumer, QueueState queue, QueueState.Pending pending) {
        this.deliveryId = deliveryId;
        this.consumer = consumer;
        this.session = consumer.session;
        this.queue = queue;
        this.queueOffset = pending.record().queueOffset();
        this.record = pending.record();
        this.deliveryCount = pending.priorDeliveries() + 1;
        this.priority = pending.priority();
    }
}
