package org.cairnmq.server.broker.internal;

import java.util.ArrayList;
import java.util.List;
import org.cairnmq.protocol.record.DestinationKind;

/**
 * A destination: its store topic, its queue count and its consumer groups. A JMS queue is a store
 * topic with N queues and one implicit consumer group ({@link #queueGroup}, named after the topic);
 * a JMS topic has one group per subscription. Owning thread: the broker thread.
 */
final class DestinationState {

    /** No owning connection: the destination is not temporary. */
    static final long NO_OWNER = -1L;

    final DestinationKind kind;
    final String name;
    final String topic;
    final long ownerConnectionId;
    final int queueCount;
    final List<Subscription> subscriptions = new ArrayList<>();
    /** The implicit group of a queue; null for a topic. */
    Subscription queueGroup;
    boolean deleted;
    /** The CommitLog offset the store must have dispatched before the next pump finds new messages. */
    long awaitedCommitLogOffset;
    boolean pumpScheduled;

    DestinationState(DestinationKind kind, String name, String topic, long ownerConnectionId, int queueCount) {
        this.kind = kind;
        this.name = name;
        this.topic = topic;
        this.ownerConnectionId = ownerConnectionId;
        this.queueCount = queueCount;
    }

    boolean isTemporary() {
        return ownerConnectionId != NO_OWNER;
    }

    /** @return whether any consumer is attached to any of its groups */
    boolean hasConsumers() {
        for (Subscription subscription : subscriptions) {
            if (!subscription.consumers.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The store topic of a destination: a kind prefix keeps queues and topics of the same name apart.
     *
     * @param kind the kind
     * @param name the name
     * @return the topic
     */
    static String topicOf(DestinationKind kind, String name) {
        return switch (kind) {
            case QUEUE -> "q." + name;
            case TOPIC -> "t." + name;
            case TEMP_QUEUE -> "tq." + name;
            case TEMP_TOPIC -> "tt." + name;
            case UNKNOWN -> throw new IllegalArgumentException("kind UNKNOWN");
        };
    }
}
