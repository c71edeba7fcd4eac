package org.cairnmq.ra.outbound;

import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;

/**
 * The {@code Connection} an application gets from the pool. It has one session at a time, over the
 * managed connection's physical XA session; the methods Jakarta EE forbids to container applications
 * ({@code setClientID}, {@code stop}, {@code setExceptionListener}, the connection consumers) throw
 * {@link jakarta.jms.IllegalStateException}. Closing it closes its session and returns the physical
 * connection to the pool.
 *
 * <p>Thread safety: used by one application thread at a time; {@link #invalidate()} may come from the
 * container's thread, so the state is volatile.
 */
public final class CairnConnectionHandle implements QueueConnection, TopicConnection, ManagedHandle {

    private volatile CairnManagedConnection managed;
    private volatile CairnSessionHandle session;
    private volatile boolean closed;

    CairnConnectionHandle(final CairnManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public Session createSession(final boolean transacted, final int acknowledgeMode) throws JMSException {
        return openSession();
    }

    @Override
    public Session createSession(final int sessionMode) throws JMSException {
        return openSession();
    }

    @Override
    public Session createSession() throws JMSException {
        return openSession();
    }

    @Override
    public QueueSession createQueueSession(final boolean transacted, final int acknowledgeMode) throws JMSException {
        return openSession();
    }

    @Override
    public TopicSession createTopicSession(final boolean transacted, final int acknowledgeMode) throws JMSException {
        return openSession();
    }

    private synchronized CairnSessionHandle openSession() throws JMSException {
        checkOpen();
        final CairnSessionHandle current = session;
        if (current != null && !current.isClosed()) {
            throw new jakarta.jms.IllegalStateException("CAIRN-RA303 a connection in a Jakarta EE container has one "
                + "session at a time; close it before creating another (Jakarta Messaging 3.1, section 12.2)",
                "CAIRN-RA303");
        }
        final CairnSessionHandle created = new CairnSessionHandle(this);
        session = created;
        return created;
    }

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return managed.physical().connection().getClientID();
    }

    @Override
    public void setClientID(final String clientID) throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("Connection.setClientID");
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        return managed.physical().connection().getMetaData();
    }

    /** There is none: the container receives the connection's failures. */
    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return null;
    }

    @Override
    public void setExceptionListener(final ExceptionListener listener) throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("Connection.setExceptionListener");
    }

    /** The physical connection is always started; this only checks that the handle is open. */
    @Override
    public void start() throws JMSException {
        checkOpen();
    }

    @Override
    public void stop() throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("Connection.stop");
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closeSession();
        closed = true;
        managed.handleClosed(this);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(final Destination destination, final String messageSelector,
                                                       final ServerSessionPool sessionPool, final int maxMessages)
        throws JMSException {
        throw ContainerRules.notPermitted("Connection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(final Queue queue, final String messageSelector,
                                                       final ServerSessionPool sessionPool, final int maxMessages)
        throws JMSException {
        throw ContainerRules.notPermitted("QueueConnection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(final Topic topic, final String messageSelector,
                                                       final ServerSessionPool sessionPool, final int maxMessages)
        throws JMSException {
        throw ContainerRules.notPermitted("TopicConnection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(final Topic topic, final String subscriptionName,
                                                             final String messageSelector,
                                                             final ServerSessionPool sessionPool,
                                                             final int maxMessages) throws JMSException {
        throw ContainerRules.notPermitted("Connection.createSharedConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(final Topic topic, final String subscriptionName,
                                                              final String messageSelector,
                                                              final ServerSessionPool sessionPool,
                                                              final int maxMessages) throws JMSException {
        throw ContainerRules.notPermitted("Connection.createDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(final Topic topic, final String subscriptionName,
                                                                    final String messageSelector,
                                                                    final ServerSessionPool sessionPool,
                                                                    final int maxMessages) throws JMSException {
        throw ContainerRules.notPermitted("Connection.createSharedDurableConnectionConsumer");
    }

    @Override
    public HandleKind kind() {
        return HandleKind.CLASSIC;
    }

    @Override
    public CairnManagedConnection managedConnection() {
        return managed;
    }

    @Override
    public void reassociate(final CairnManagedConnection target) {
        this.managed = target;
    }

    @Override
    public void invalidate() {
        closeSession();
        closed = true;
    }

    private void closeSession() {
        final CairnSessionHandle current = session;
        session = null;
        if (current != null) {
            current.closeQuietly();
        }
    }

    void checkOpen() throws jakarta.jms.IllegalStateException {
        if (closed) {
            throw ContainerRules.closed("connection");
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "CairnConnectionHandle[" + managed + (closed ? ", closed" : "") + "]";
    }
}
