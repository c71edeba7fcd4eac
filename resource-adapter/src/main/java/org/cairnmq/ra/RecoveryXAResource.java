package org.cairnmq.ra;

import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * An {@link XAResource} for a transaction manager's recovery: it opens an XA connection and session
 * on first use, delegates to the session's resource, and reconnects on the next call after the
 * connection failed. {@link #close()} (when the adapter stops) closes the connection.
 *
 * <p>Thread safety: synchronized; a transaction manager may recover from one thread and complete
 * branches from another.
 */
public final class RecoveryXAResource implements XAResource {

    private static final System.Logger LOG = System.getLogger(RecoveryXAResource.class.getName());

    private final ConnectionSettings settings;
    private XAConnection connection;
    private XAResource delegate;

    /**
     * Creates a resource that connects on first use.
     *
     * @param settings where and as whom to connect
     */
    public RecoveryXAResource(final ConnectionSettings settings) {
        this.settings = settings;
    }

    /**
     * Returns where the resource connects.
     *
     * @return the settings
     */
    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public synchronized Xid[] recover(final int flag) throws XAException {
        try {
            return resource().recover(flag);
        } catch (final XAException failure) {
            throw dropOnFailure(failure);
        }
    }

    @Override
    public synchronized void commit(final Xid xid, final boolean onePhase) throws XAException {
        try {
            resource().commit(xid, onePhase);
        } catch (final XAException failure) {
            throw dropOnFailure(failure);
        }
    }

    @Override
    public synchronized void rollback(final Xid xid) throws XAException {
        try {
            resource().rollback(xid);
        } catch (final XAException failure) {
            throw dropOnFailure(failure);
        }
    }

    @Override
    public synchronized void forget(final Xid xid) throws XAException {
        try {
            resource().forget(xid);
        } catch (final XAException failure) {
            throw dropOnFailure(failure);
        }
    }

    @Override
    public synchronized int prepare(final Xid xid) throws XAException {
        try {
            return resource().prepare(xid);
        } catch (final XAException failure) {
            throw dropOnFailure(failure);
        }
    }

    @Override
    public synchronized void start(final Xid xid, final int flags) throws XAException {
        resource().start(xid, flags);
    }

    @Override
    public synchronized void end(final Xid xid, final int flags) throws XAException {
        resource().end(xid, flags);
    }

    @Override
    public synchronized boolean isSameRM(final XAResource other) throws XAException {
        return other == this || resource().isSameRM(other instanceof RecoveryXAResource recovery
            ? recovery.resource() : other);
    }

    @Override
    public synchronized int getTransactionTimeout() throws XAException {
        return resource().getTransactionTimeout();
    }

    @Override
    public synchronized boolean setTransactionTimeout(final int seconds) throws XAException {
        return resource().setTransactionTimeout(seconds);
    }

    /** Closes the connection, if open; a later call opens a new one. */
    public synchronized void close() {
        final XAConnection open = connection;
        connection = null;
        delegate = null;
        if (open != null) {
            try {
                open.close();
            } catch (final JMSException failure) {
                LOG.log(System.Logger.Level.DEBUG, "closing the recovery connection failed", failure);
            }
        }
    }

    private XAResource resource() throws XAException {
        if (delegate == null) {
            try {
                connection = settings.xaConnectionFactory().createXAConnection(settings.user(), settings.password());
                final XASession session = connection.createXASession();
                delegate = session.getXAResource();
            } catch (final JMSException | RuntimeException failure) {
                close();
                final XAException unavailable = new XAException(XAException.XAER_RMFAIL);
                unavailable.initCause(failure);
                throw unavailable;
            }
        }
        return delegate;
    }

    private XAException dropOnFailure(final XAException failure) {
        if (failure.errorCode == XAException.XAER_RMFAIL || failure.errorCode == XAException.XAER_RMERR) {
            close();
        }
        return failure;
    }

    @Override
    public String toString() {
        return "RecoveryXAResource[" + settings + "]";
    }
}
