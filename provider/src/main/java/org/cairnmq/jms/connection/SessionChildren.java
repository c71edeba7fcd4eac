package org.cairnmq.jms.connection;

import jakarta.jms.JMSException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.jms.destination.CairnDestination;

/**
 * The producers, consumers and browsers a session created and has not closed, and the brokers its
 * consumers read from.
 *
 * <p>Thread safety: any thread; the lists are copy-on-write because the connection's event loop and
 * the session's listener thread iterate them while the application adds and removes.
 */
final class SessionChildren {

    private final List<CairnMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<CairnMessageProducer> producers = new CopyOnWriteArrayList<>();
    private final List<CairnQueueBrowser> browsers = new CopyOnWriteArrayList<>();
    private final Set<BrokerChannel> consumedFrom = ConcurrentHashMap.newKeySet();

    void addConsumer(final CairnMessageConsumer consumer) {
        consumers.add(consumer);
        consumedFrom.add(consumer.channel());
    }

    void addProducer(final CairnMessageProducer producer) {
        producers.add(producer);
    }

    void addBrowser(final CairnQueueBrowser browser) {
        browsers.add(browser);
    }

    void removeConsumer(final CairnMessageConsumer consumer) {
        consumers.remove(consumer);
    }

    void removeProducer(final CairnMessageProducer producer) {
        producers.remove(producer);
    }

    void removeBrowser(final CairnQueueBrowser browser) {
        browsers.remove(browser);
    }

    /** The open consumers, a snapshot safe to iterate while consumers close. */
    List<CairnMessageConsumer> consumers() {
        return consumers;
    }

    /** The brokers the session's consumers have read from, in the order first used. */
    Set<BrokerChannel> consumedFrom() {
        return new LinkedHashSet<>(consumedFrom);
    }

    /** Whether an open consumer of the session reads from a destination. */
    boolean hasConsumerOn(final CairnDestination destination) {
        for (final CairnMessageConsumer consumer : consumers) {
            if (consumer.destination().equals(destination)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an open consumer of the session uses the durable subscription of that name. */
    boolean hasDurableSubscriber(final String subscriptionName) {
        for (final CairnMessageConsumer consumer : consumers) {
            if (subscriptionName.equals(consumer.durableSubscriptionName())) {
                return true;
            }
        }
        return false;
    }

    /** Drops what every consumer prefetched, counting it for {@link #regrantDropped()}. */
    void dropPrefetched() {
        for (final CairnMessageConsumer consumer : consumers) {
            consumer.dropPrefetched();
        }
    }

    /**
     * Drops the deliveries of one broker that the broker has taken back (ids up to the given one),
     * counting them for {@link #regrantDropped()}.
     */
    void dropPrefetchedUpTo(final BrokerChannel channel, final long highestReturnedDeliveryId) {
        for (final CairnMessageConsumer consumer : consumers) {
            if (consumer.channel() == channel) {
                consumer.dropPrefetchedUpTo(highestReturnedDeliveryId);
            }
        }
    }

    /** Gives the brokers back the credit of the dropped deliveries. */
    void regrantDropped() {
        for (final CairnMessageConsumer consumer : consumers) {
            consumer.regrantDropped();
        }
    }

    /** Wakes every consumer blocked in receive, so that it sees a state change. */
    void wakeUpConsumers() {
        for (final CairnMessageConsumer consumer : consumers) {
            consumer.wakeUp();
        }
    }

    /**
     * Closes every consumer, producer and browser.
     *
     * @param reachable whether the broker can still be told
     * @return the first failure, or {@code null}
     */
    JMSException closeAll(final boolean reachable) {
        JMSException first = null;
        for (final CairnMessageConsumer consumer : consumers) {
            try {
                consumer.closeOnSessionClose(reachable);
            } catch (final JMSException failure) {
                first = first == null ? failure : first;
            }
        }
        for (final CairnMessageProducer producer : producers) {
            producer.markClosed();
        }
        for (final CairnQueueBrowser browser : browsers) {
            browser.markClosed();
        }
        return first;
    }
}
