package org.cairnmq.server.broker.internal;

import java.util.ArrayList;
import java.util.List;
import org.cairnmq.protocol.record.DestinationKind;

/**
 * A destination: its store topic, its queues and its consumers. A JMS queue is a store topic with N
 * queues and one implicit consumer group (named after the topic). Owning thread: the broker thread.
 */
final class DestinationState {

    /** No owning connection: the destination is not temporary. */
    static final long NO_OWNER = -1L;

    final DestinationKind kind;
    final String name;
    final String topic;
    final long ownerConnectionId;
    final List<QueueState> queues;
    final List<ConsumerState> consumers = new ArrayList<>();
    int nextConsumer;
    boolean deleted;
    /** The CommitLog offset the store must have dispatched before the next pump finds new messages. */
    long awaitedCommitLogOffset;
    boolean pumpScheduled;

    DestinationState(DestinationKind kind, String name, String topic, long ownerConnectionId,
            List<QueueState> queues) {
        this.kind = kind;
        this.name = name;
        this.topic = topic;
        this.ownerConnectionId = ownerConnectionId;
        this.queues = List.copyOf(queues);
    }

    boolean isTemporary() {
        return ownerConnectionId != NO_OWNER;
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
