package org.cairnmq.ra.outbound;

import jakarta.jms.JMSConsumer;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The consumers, producers and browsers an application made through a session or context handle,
 * so that closing the handle closes them.
 *
 * <p>Thread safety: the list is concurrent because the container may invalidate the owning handle
 * from its thread while the application's thread makes or closes children.
 */
final class ChildHandles {

    private final List<ChildHandle> children = new CopyOnWriteArrayList<>();

    /**
     * Wraps and tracks a browser.
     *
     * @param physical the provider's browser
     * @return the tracked handle
     */
    BrowserHandle browser(final QueueBrowser physical) {
        return track(new BrowserHandle(this, physical));
    }

    /**
     * Wraps and tracks a consumer of the classic API.
     *
     * @param physical the provider's consumer
     * @return the tracked handle
     */
    ConsumerHandle consumer(final MessageConsumer physical) {
        return track(new ConsumerHandle(this, physical));
    }

    /**
     * Wraps and tracks a producer of the classic API.
     *
     * @param physical the provider's producer
     * @return the tracked handle
     */
    ProducerHandle producer(final MessageProducer physical) {
        return track(new ProducerHandle(this, physical));
    }

    /**
     * Wraps and tracks a consumer of the simplified API.
     *
     * @param physical the provider's consumer
     * @return the tracked handle
     */
    JMSConsumerHandle jmsConsumer(final JMSConsumer physical) {
        return track(new JMSConsumerHandle(this, physical));
    }

    /**
     * Forgets a child that closed itself.
     *
     * @param child the closed child
     */
    void untrack(final ChildHandle child) {
        children.remove(child);
    }

    /** Closes every child, ignoring failures, and forgets them. */
    void closeAll() {
        for (final ChildHandle child : children) {
            child.closeQuietly();
        }
        children.clear();
    }

    private <T extends ChildHandle> T track(final T child) {
        children.add(child);
        return child;
    }
}
