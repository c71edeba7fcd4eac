package org.cairnmq.ra.support;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import javax.transaction.xa.XAException;

/**
 * The container's pool and transaction enlistment in a test: managed connections are matched and
 * reused, a connection allocated inside a test transaction has its XA resource enlisted in a
 * {@link TestBranch}, and a closed connection returns to the pool after {@code cleanup} (after the
 * transaction ends when it was enlisted).
 */
public final class TestConnectionManager implements ConnectionManager, ConnectionEventListener {

    private static final long serialVersionUID = 1L;

    private final transient List<ManagedConnection> pool = new ArrayList<>();
    private final transient List<ManagedConnection> created = new ArrayList<>();
    private final transient List<ManagedConnection> awaitingCompletion = new ArrayList<>();
    private transient boolean transactional;
    private transient TestBranch branch;

    /** Starts a transaction: connections allocated from now on are enlisted in it. */
    public synchronized void begin() {
        transactional = true;
    }

    /**
     * Commits the transaction in two phases.
     *
     * @throws Exception if completing or cleaning up fails
     */
    public synchronized void commit() throws Exception {
        complete(true);
    }

    /**
     * Rolls the transaction back.
     *
     * @throws Exception if completing or cleaning up fails
     */
    public synchronized void rollback() throws Exception {
        complete(false);
    }

    /** @return the branch of the transaction, or {@code null} */
    public synchronized TestBranch branch() {
        return branch;
    }

    private void complete(final boolean commit) throws XAException, ResourceException {
        transactional = false;
        if (branch != null) {
            if (commit) {
                branch.commit();
            } else {
                branch.rollback();
            }
            branch = null;
        }
        for (final ManagedConnection managed : awaitingCompletion) {
            managed.cleanup();
            pool.add(managed);
        }
        awaitingCompletion.clear();
    }

    /** @return the managed connections made so far */
    public synchronized List<ManagedConnection> created() {
        return List.copyOf(created);
    }

    /** @return the idle managed connections */
    public synchronized List<ManagedConnection> idle() {
        return List.copyOf(pool);
    }

    @Override
    public synchronized Object allocateConnection(final ManagedConnectionFactory factory,
                                                  final ConnectionRequestInfo info) throws ResourceException {
        ManagedConnection managed = factory.matchManagedConnections(new HashSet<>(pool), null, info);
        if (managed == null) {
            managed = factory.createManagedConnection(null, info);
            managed.addConnectionEventListener(this);
            created.add(managed);
        } else {
            pool.remove(managed);
        }
        if (transactional && branch == null) {
            try {
                branch = TestBranch.start(managed.getXAResource());
            } catch (final XAException failure) {
                throw new ResourceException("enlisting failed", failure);
            }
        }
        return managed.getConnection(null, info);
    }

    @Override
    public synchronized void connectionClosed(final ConnectionEvent event) {
        final ManagedConnection managed = (ManagedConnection) event.getSource();
        if (transactional) {
            awaitingCompletion.add(managed);
            return;
        }
        try {
            managed.cleanup();
        } catch (final ResourceException failure) {
            throw new IllegalStateException(failure);
        }
        pool.add(managed);
    }

    @Override
    public void connectionErrorOccurred(final ConnectionEvent event) {
        throw new IllegalStateException("a pooled connection failed", event.getException());
    }

    @Override
    public void localTransactionStarted(final ConnectionEvent event) {
        throw new UnsupportedOperationException("not used by the tests");
    }

    @Override
    public void localTransactionCommitted(final ConnectionEvent event) {
        throw new UnsupportedOperationException("not used by the tests");
    }

    @Override
    public void localTransactionRolledback(final ConnectionEvent event) {
        throw new UnsupportedOperationException("not used by the tests");
    }

    /** Destroys every managed connection made. */
    public synchronized void destroyAll() {
        for (final ManagedConnection managed : created) {
            try {
                managed.destroy();
            } catch (final ResourceException failure) {
                throw new IllegalStateException(failure);
            }
        }
        created.clear();
        pool.clear();
    }
}
