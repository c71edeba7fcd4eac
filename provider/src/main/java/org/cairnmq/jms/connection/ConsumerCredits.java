package org.cairnmq.jms.connection;

import java.util.concurrent.atomic.AtomicInteger;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.protocol.command.CommandCode;

/**
 * The credit bookkeeping of one consumer's prefetch window: the window granted at CREATE_CONSUMER,
 * the credit earned back by messages given to the application (sent in batches of half the window),
 * and the credit of prefetched deliveries that were dropped and must be granted again.
 *
 * <p>Thread safety: the window, owed and dropped counts are safe from any thread; the PULL mark is
 * only touched by the session's thread of control, which pulls and then gives the message out.
 */
final class ConsumerCredits {

    private final BrokerChannel channel;
    private final long consumerId;
    private final AtomicInteger creditOwed = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile int window;
    private boolean pulledPending;

    ConsumerCredits(final BrokerChannel channel, final long consumerId, final int window) {
        this.channel = channel;
        this.consumerId = consumerId;
        this.window = window;
    }

    /** The prefetch window; 0 means every receive PULLs. */
    int window() {
        return window;
    }

    /** Opens a window of one for a listener when the consumer had none, granting the broker that credit. */
    void openForListener() {
        if (window == 0) {
            window = 1;
            channel.oneWay(CommandCode.CREDIT, ClientCommands.credit(consumerId, 1));
        }
    }

    /** Marks whether the next message given to the application was fetched by a PULL. */
    void markPulled(final boolean pulled) {
        pulledPending = pulled;
    }

    /**
     * Earns the broker one credit back for a message given to the application, sent in batches of
     * half the window. A message that a PULL fetched spent no credit, so it earns none.
     */
    void onGivenToApplication() {
        final int currentWindow = window;
        if (pulledPending) {
            pulledPending = false;
            return;
        }
        if (currentWindow == 0) {
            return;
        }
        final int owed = creditOwed.incrementAndGet();
        if (owed >= Math.max(1, currentWindow / 2) && creditOwed.compareAndSet(owed, 0)) {
            channel.oneWay(CommandCode.CREDIT, ClientCommands.credit(consumerId, owed));
        }
    }

    /** Counts prefetched deliveries that were dropped, for {@link #regrantDropped(boolean)}. */
    void addDropped(final int count) {
        dropped.addAndGet(count);
    }

    /**
     * Gives the broker back the credit of the dropped deliveries.
     *
     * @param consumerClosed whether the consumer is closed; the count is then cleared and nothing is sent
     */
    void regrantDropped(final boolean consumerClosed) {
        final int count = dropped.getAndSet(0);
        if (count > 0 && window > 0 && !consumerClosed) {
            channel.oneWay(CommandCode.CREDIT, ClientCommands.credit(consumerId, count));
        }
    }

    /** Forgets the owed and dropped credit, as the broker does when the consumer's connection is lost. */
    void reset() {
        creditOwed.set(0);
        dropped.set(0);
    }
}
