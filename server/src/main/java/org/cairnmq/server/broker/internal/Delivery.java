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

    Delivery(long deliveryId, ConsumerState consumer, QueueState queue, StoredRecord record, int deliveryCount) {
        this.deliveryId = deliveryId;
        this.consumer = consumer;
        this.session = consumer.session;
        this.queue = queue;
        this.queueOffset = record.queueOffset();
        this.record = record;
        this.deliveryCount = deliveryCount;
    }
}
