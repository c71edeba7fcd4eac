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
final class BrowserHandle implements QueueBrowser, ChildHandle {

    private static final System.Logger LOG = System.getLogger(BrowserHandle.class.getName());

    private final ChildOwner owner;
    private final QueueBrowser physical;
    private volatile boolean closed;

    BrowserHandle(final ChildOwner owner, final QueueBrowser physical) {
        this.owner = owner;
        this.physical = physical;
    }

    @Override
    public void close() throws JMSException {
        if (!closed) {
            closed = true;
            owner.untrack(this);
            physical.close();
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Enumeration getEnumeration() throws JMSException {
        checkOpen();
        return physical().getEnumeration();
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return physical().getMessageSelector();
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return physical().getQueue();
    }


    private QueueBrowser physical() throws IllegalStateException {
        checkOpen();
        return physical;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw ContainerRules.closed("browser");
        }
    }

    @Override
    public void closeQuietly() {
        closed = true;
        try {
            physical.close();
        } catch (final JMSException failure) {
            LOG.log(System.Logger.Level.DEBUG, "closing a browser failed", failure);
        }
    }
}
