package org.cairnmq.server.broker.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cairnmq.protocol.selector.Selector;
import org.cairnmq.server.store.ConsumerOffsetStore;

/**
 * A consumer group of a destination: its position on each store queue, its consumers, and for a
 * topic subscription its selector and noLocal rule. A JMS queue has one implicit group of kind
 * {@link Kind#QUEUE} (named after its store topic); a topic has one group per subscription.
 *
 * <p>Owning thread: the broker thread.
 */
final class Subscription {

    /** What kind of group this is. */
    enum Kind {
        /** The implicit group of a queue: consumers have their own selectors. */
        QUEUE,
        /** A non-durable unshared topic subscription: one consumer, gone with it. */
        NON_DURABLE,
        /** A shared non-durable topic subscription: gone with its last consumer. */
        SHARED_NON_DURABLE,
        /** An unshared durable subscription: one active consumer at a time. */
        DURABLE,
        /** A shared durable subscription. */
        SHARED_DURABLE;

        boolean persistent() {
            return this == QUEUE || this == DURABLE || this == SHARED_DURABLE;
        }

        boolean shared() {
            return this == QUEUE || this == SHARED_NON_DURABLE || this == SHARED_DURABLE;
        }
    }

    final Kind kind;
    final String group;
    final DestinationState destination;
    /** The JMS client id scoping the subscription's name, or null. */
    final String clientId;
    /** The subscription's name, or null for a queue or a non-durable unshared subscription. */
    final String name;
    final String selectorText;
    final Selector selector;
    final boolean noLocal;
    /** The publisher tag whose messages a noLocal subscription skips. */
    final long localTag;
    final List<QueueState> queues;
    final List<ConsumerState> consumers = new ArrayList<>();
    /** Message groups (JMSXGroupID) pinned to the consumer that receives them. */
    final Map<String, ConsumerState> groupOwners = new HashMap<>();
    int nextConsumer;
    boolean deleted;

    Subscription(Kind kind, String group, DestinationState destination, String clientId, String name,
            String selectorText, Selector selector, boolean noLocal, long localTag, List<QueueState> queues) {
        this.kind = kind;
        this.group = group;
        this.destination = destination;
        this.clientId = clientId;
        this.name = name;
        this.selectorText = selectorText;
        this.selector = selector;
        this.noLocal = noLocal;
        this.localTag = localTag;
        this.queues = List.copyOf(queues);
    }

    /**
     * Records that a message of this group is done with (acknowledged, dead-lettered, expired or
     * filtered out); a non-persistent group keeps no progress.
     *
     * @param offsets the offset store
     * @param queue the queue
     * @param queueOffset the message's offset
     */
    void acknowledge(ConsumerOffsetStore offsets, QueueState queue, long queueOffset) {
        if (kind.persistent() && !deleted && !destination.deleted) {
            offsets.ack(group, queue.topic, queue.queueId, queueOffset);
        }
    }

    /** Forgets the message groups pinned to a consumer that closed. */
    void unpin(ConsumerState consumer) {
        groupOwners.values().removeIf(owner -> owner == consumer);
    }
}
