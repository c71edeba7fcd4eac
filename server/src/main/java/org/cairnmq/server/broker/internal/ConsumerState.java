package org.cairnmq.server.broker.internal;

import java.util.concurrent.CompletableFuture;
import org.cairnmq.protocol.selector.Selector;

/**
 * A consumer on a queue or a topic subscription: its selector, its credit window and a waiting PULL.
 * Owning thread: the broker thread.
 */
final class ConsumerState {

    final long consumerId;
    final SessionState session;
    final Subscription subscription;
    final DestinationState destination;
    final Selector selector;
    /** Messages the consumer may still receive: granted by CREDIT, spent by each push. */
    int credit;
    /** A PULL waiting for a message, or null. */
    CompletableFuture<Boolean> pull;
    long pullDeadlineMs;
    boolean closed;

    ConsumerState(long consumerId, SessionState session, Subscription subscription, Selector selector, int credit) {
        this.consumerId = consumerId;
        this.session = session;
        this.subscription = subscription;
        this.destination = subscription.destination;
        this.selector = selector;
        this.credit = credit;
    }

    boolean hasCapacity() {
        return !closed && (credit > 0 || pull != null) && session.connection.link.isWritable();
    }

    /** Spends one unit of window: the waiting pull first, else one credit. Returns the pull to answer. */
    CompletableFuture<Boolean> spend() {
        CompletableFuture<Boolean> answered = pull;
        if (answered != null) {
            pull = null;
            return answered;
        }
        credit--;
        return null;
    }
}
