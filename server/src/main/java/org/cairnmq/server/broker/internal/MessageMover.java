package org.cairnmq.server.broker.internal;

import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.cairnmq.protocol.codec.SubscriptionHeaders;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.server.store.AppendRequest;
import org.cairnmq.server.store.AppendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a message out of its group to the expiry queue or the dead-letter queue: appends a copy
 * ({@link RecordRewriter}) and, once the copy is stored, acknowledges the original in its group. A
 * message that fails on the dead-letter or expiry queue itself is dropped, so nothing loops.
 *
 * <pre>
 *  expired or past maxDeliveryAttempts ─► copy to ExpiryQueue / DLQ ─► stored? ack the original
 *                                                                 └─ failed? back, visible in 1 s
 * </pre>
 *
 * <p>Owning thread: the broker thread; store futures hop back to it.
 */
final class MessageMover {

    private static final Logger LOG = LoggerFactory.getLogger(MessageMover.class);
    private static final long RETRY_AFTER_FAILURE_MS = 1_000L;

    private final BrokerCore core;
    private final RecordRewriter rewriter = new RecordRewriter();

    MessageMover(BrokerCore core) {
        this.core = core;
    }

    /**
     * Moves an expired message to the expiry queue.
     *
     * @param subscription its group
     * @param queue its queue
     * @param pending the message, already taken out of the queue's available set
     * @param expirationMs its JMSExpiration
     */
    void expire(Subscription subscription, QueueState queue, QueueState.Pending pending, long expirationMs) {
        Map<String, Object> extra = origin(subscription, SubscriptionHeaders.REASON_EXPIRED, pending.priorDeliveries());
        extra.put(SubscriptionHeaders.ORIGINAL_EXPIRATION, expirationMs);
        move(subscription, queue, pending, core.config.delivery().expiryQueue(), extra);
    }

    /**
     * Moves a message past its delivery attempts to the dead-letter queue.
     *
     * @param subscription its group
     * @param queue its queue
     * @param pending the message, already out of flight
     */
    void deadLetter(Subscription subscription, QueueState queue, QueueState.Pending pending) {
        Map<String, Object> extra = origin(subscription, SubscriptionHeaders.REASON_MAX_DELIVERIES,
                pending.priorDeliveries());
        move(subscription, queue, pending, core.config.delivery().deadLetterQueue(), extra);
    }

    private static Map<String, Object> origin(Subscription subscription, String reason, int attempts) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(SubscriptionHeaders.ORIGINAL_DESTINATION, subscription.destination.name);
        extra.put(SubscriptionHeaders.ORIGINAL_DESTINATION_KIND, subscription.destination.kind.name());
        if (subscription.kind != Subscription.Kind.QUEUE) {
            extra.put(SubscriptionHeaders.ORIGINAL_SUBSCRIPTION, subscription.group);
        }
        extra.put(SubscriptionHeaders.DEAD_LETTER_REASON, reason);
        extra.put(SubscriptionHeaders.DELIVERY_ATTEMPTS, attempts);
        return extra;
    }

    private void move(Subscription subscription, QueueState queue, QueueState.Pending pending, String target,
            Map<String, Object> extra) {
        long offset = pending.record().queueOffset();
        DestinationState source = subscription.destination;
        boolean fromSinkItself = source.kind == DestinationKind.QUEUE
                && (source.name.equals(core.config.delivery().deadLetterQueue())
                || source.name.equals(core.config.delivery().expiryQueue()));
        if (fromSinkItself) {
            LOG.warn("CAIRN-2601 Dropping message at offset {} of '{}': {} on the dead-letter or expiry queue itself",
                    offset, source.name, extra.get(SubscriptionHeaders.DEAD_LETTER_REASON));
            subscription.acknowledge(core.offsets, queue, offset);
            return;
        }
        byte[] copy;
        try {
            copy = rewriter.copyTo(Unpooled.wrappedBuffer(pending.record().payload()), target, extra);
        } catch (ProtocolException | IllegalStateException e) {
            LOG.warn("CAIRN-2602 Dropping unreadable message at offset {} of '{}': {}", offset, source.name,
                    e.getMessage());
            subscription.acknowledge(core.offsets, queue, offset);
            return;
        }
        DestinationState sink = core.destinationOperations.sink(target);
        CompletableFuture<AppendResult> appended = core.store.append(new AppendRequest(sink.topic, 0, 0L, 0,
                pending.record().bornTimestampMs(), null, ByteBuffer.wrap(copy)));
        appended.whenCompleteAsync((result, failure) -> {
            if (failure == null && result.isOk()) {
                subscription.acknowledge(core.offsets, queue, offset);
                core.dispatchWhenReadable(sink, result.commitLogOffset() + result.sizeBytes());
            } else {
                long retryAtMs = core.clock.millis() + RETRY_AFTER_FAILURE_MS;
                queue.delayed.add(new QueueState.Pending(pending.record(), pending.priorDeliveries(),
                        pending.priority(), retryAtMs));
            }
        }, core.executor);
    }
}
