package org.cairnmq.ra.outbound;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;

/**
 * A browser made through a handle, closed with its session.
 *
 * <p>Thread safety: used by the thread of its session.
 */
final class BrowserHandle extends TrackedChild<QueueBrowser, IllegalStateException>
    implements QueueBrowser {

    BrowserHandle(final ChildHandles owner, final QueueBrowser physical) {
        super(owner, physical, "browser");
    }

    @Override
    public void close() throws JMSException {
        if (markClosed()) {
            closePhysical();
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Enumeration getEnumeration() throws JMSException {
        return physical().getEnumeration();
    }

    @Override
    public String getMessageSelector() throws JMSException {
        return physical().getMessageSelector();
    }

    @Override
    public Queue getQueue() throws JMSException {
        return physical().getQueue();
    }

    @Override
    IllegalStateException closedFailure(final String kind) {
        return ContainerRules.closed(kind);
    }

    @Override
    void closePhysical() throws JMSException {
        physicalUnchecked().close();
    }
}
