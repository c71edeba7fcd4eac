package org.cairnmq.server.broker.internal;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.selector.Selector;
import org.cairnmq.server.broker.BrokerErrors;

/**
 * Consumers: creation on a queue's group or a topic subscription, close, credit and pull. Owning
 * thread: the broker thread.
 */
final class ConsumerOperations {

    private final BrokerCore core;

    ConsumerOperations(BrokerCore core) {
        this.core = core;
    }

    /**
     * CREATE_CONSUMER.
     *
     * @param connection the connection
     * @param request the request
     */
    void create(ConnectionState connection, CreateConsumerCodec.Request request) {
        DestinationKind kind = request.destination().kind();
        if (connection.consumers.containsKey(request.consumerId())) {
            throw BrokerErrors.alreadyExists("consumer " + request.consumerId());
        }
        boolean subscriptionFlags = request.hasFlag(CreateConsumerCodec.DURABLE_FLAG)
                || request.hasFlag(CreateConsumerCodec.SHARED_FLAG);
        if (!kind.isTopic() && (subscriptionFlags || request.subscriptionName() != null)) {
            throw BrokerErrors.subscriptionState("a queue has no subscriptions");
        }
        Selector selector = SelectorTexts.compile(request.selector());
        DestinationState destination = core.destinationOperations.resolve(kind, request.destination().name());
        if (destination.isTemporary() && destination.ownerConnectionId != connection.link.connectionId()) {
            throw BrokerErrors.notOwner(destination.name);
        }
        Subscription subscription = kind.isTopic()
                ? core.subscriptions.join(connection, request, destination) : destination.queueGroup;
        ConsumerState consumer = new ConsumerState(request.consumerId(), connection.session(request.sessionId()),
                subscription, selector, request.initialCredit());
        connection.consumers.put(consumer.consumerId, consumer);
        subscription.consumers.add(consumer);
        core.dispatch(destination);
    }

    /**
     * CLOSE_CONSUMER: the listed deliveries go back uncounted; the others stay with the session.
     *
     * @param connection the connection
     * @param consumerId the consumer
     * @param unconsumedDeliveryIds deliveries the application never saw
     * @param highestReceivedDeliveryId the highest delivery id the client received for the consumer
     */
    void close(ConnectionState connection, long consumerId, long[] unconsumedDeliveryIds,
            long highestReceivedDeliveryId) {
        ConsumerState consumer = connection.consumers.get(consumerId);
        if (consumer == null) {
            return;
        }
        core.sessions.returnUnconsumed(consumer, unconsumedDeliveryIds, highestReceivedDeliveryId);
        remove(connection, consumer);
        core.dispatch(consumer.destination);
    }

    /**
     * Detaches a consumer from its group (a non-durable group without consumers goes with it).
     *
     * @param connection the connection
     * @param consumer the consumer
     */
    void remove(ConnectionState connection, ConsumerState consumer) {
        consumer.closed = true;
        connection.consumers.remove(consumer.consumerId);
        consumer.subscription.consumers.remove(consumer);
        consumer.subscription.unpin(consumer);
        core.subscriptions.onConsumerRemoved(consumer.subscription);
        if (consumer.pull != null) {
            consumer.pull.complete(Boolean.FALSE);
            consumer.pull = null;
        }
    }

    /**
     * CREDIT.
     *
     * @param connection the connection, or null when unknown
     * @param consumerId the consumer
     * @param credit messages added to its window
     */
    void credit(ConnectionState connection, long consumerId, int credit) {
        ConsumerState consumer = connection == null ? null : connection.consumers.get(consumerId);
        if (consumer != null) {
            consumer.credit = (int) Math.min(Integer.MAX_VALUE, (long) consumer.credit + credit);
            core.dispatch(consumer.destination);
        }
    }

    /**
     * PULL.
     *
     * @param connection the connection
     * @param consumerId the consumer
     * @param timeoutMs how long to wait, 0 for not at all
     * @param answer completed with whether a DELIVER was pushed first
     */
    void pull(ConnectionState connection, long consumerId, long timeoutMs, CompletableFuture<Boolean> answer) {
        ConsumerState consumer = connection.consumers.get(consumerId);
        if (consumer == null) {
            throw BrokerErrors.unknown("consumer " + consumerId);
        }
        if (consumer.pull != null) {
            consumer.pull.complete(Boolean.FALSE);
        }
        consumer.pull = answer;
        consumer.pullDeadlineMs = System.currentTimeMillis() + timeoutMs;
        core.dispatch(consumer.destination);
        if (consumer.pull == answer && timeoutMs == 0) {
            consumer.pull = null;
            answer.complete(Boolean.FALSE);
        }
    }

    /**
     * Answers the pulls whose deadline has passed: no message.
     *
     * @param connections the live connections
     * @param nowMs the wall-clock time of the pull deadlines
     */
    void expirePulls(Collection<ConnectionState> connections, long nowMs) {
        for (ConnectionState connection : connections) {
            for (ConsumerState consumer : connection.consumers.values()) {
                if (consumer.pull != null && consumer.pullDeadlineMs <= nowMs) {
                    consumer.pull.complete(Boolean.FALSE);
                    consumer.pull = null;
                }
            }
        }
    }
}
