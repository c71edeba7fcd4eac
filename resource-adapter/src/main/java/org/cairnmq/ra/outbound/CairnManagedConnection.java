package org.cairnmq.ra.outbound;

import jakarta.jms.JMSException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.cairnmq.ra.ConnectionSettings;

/**
 * A pooled physical connection: one provider XA connection with one XA session (or one XA context),
 * and the application handles that currently use it. The container enlists {@link #getXAResource()}
 * in its transactions, or drives {@link #getLocalTransaction()}, and calls {@link #cleanup()} before
 * it returns the connection to its pool.
 *
 * <p>Thread safety: the container serialises its calls per managed connection; the handle and
 * listener lists are concurrent because handles close from application threads.
 */
public final class CairnManagedConnection implements ManagedConnection {

    private static final System.Logger LOG = System.getLogger(CairnManagedConnection.class.getName());

    private final CairnManagedConnectionFactory factory;
    private final ConnectionSettings settings;
    private final HandleKind kind;
    private final PhysicalResources physical;
    private final BranchTrackingXAResource xaResource;
    private final CairnLocalTransaction localTransaction;
    private final List<ManagedHandle> handles = new CopyOnWriteArrayList<>();
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean destroyed;
    private volatile PrintWriter logWriter;

    CairnManagedConnection(final CairnManagedConnectionFactory factory, final ConnectionSettings settings,
                           final HandleKind kind) throws ResourceException {
        this.factory = factory;
        this.settings = settings;
        this.kind = kind;
        try {
            this.physical = PhysicalResources.open(settings, factory.getClientId(), kind, this::onConnectionFailure);
        } catch (final JMSException failure) {
            throw new ResourceAdapterInternalException("CAIRN-RA320 connecting to " + settings + " failed: "
                + failure.getMessage(), failure);
        }
        this.xaResource = new BranchTrackingXAResource(physical.xaResource());
        this.localTransaction = new CairnLocalTransaction(xaResource);
    }

    @Override
    public Object getConnection(final Subject subject, final ConnectionRequestInfo info) throws ResourceException {
        checkNotDestroyed();
        final ManagedHandle handle = kind == HandleKind.CONTEXT ? new CairnJMSContextHandle(this)
            : new CairnConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(final Object connection) throws ResourceException {
        checkNotDestroyed();
        if (!(connection instanceof ManagedHandle handle) || handle.kind() != kind) {
            throw new ResourceAdapterInternalException("CAIRN-RA321 cannot associate " + connection
                + " with a managed connection of kind " + kind);
        }
        final CairnManagedConnection previous = handle.managedConnection();
        if (previous != this) {
            previous.handles.remove(handle);
            handle.reassociate(this);
            handles.add(handle);
        }
    }

    /** Invalidates the handles still open, so that the pooled connection carries nothing to its next user. */
    @Override
    public void cleanup() throws ResourceException {
        for (final ManagedHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
    }

    @Override
    public void destroy() throws ResourceException {
        if (destroyed) {
            return;
        }
        cleanup();
        destroyed = true;
        try {
            physical.close();
        } catch (final JMSException failure) {
            LOG.log(System.Logger.Level.DEBUG, "closing a destroyed connection failed", failure);
        }
    }

    @Override
    public void addConnectionEventListener(final ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(final ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        checkNotDestroyed();
        return xaResource;
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        checkNotDestroyed();
        return localTransaction;
    }

    @Override
    public ManagedConnectionMetaData getMetaData() throws ResourceException {
        return new CairnManagedConnectionMetaData(settings.user());
    }

    @Override
    public void setLogWriter(final PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /**
     * Tells whether this connection can serve a request, for the factory's matching.
     *
     * @param wanted the resolved settings of the request
     * @param wantedKind the API of the request
     * @return whether server, credentials and API are the same
     */
    boolean matches(final ConnectionSettings wanted, final HandleKind wantedKind) {
        return !destroyed && kind == wantedKind && settings.equals(wanted);
    }

    /**
     * Called by a handle the application closed: the container may return this connection to its pool.
     *
     * @param handle the closed handle
     */
    void handleClosed(final ManagedHandle handle) {
        if (handles.remove(handle)) {
            final ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
            event.setConnectionHandle(handle);
            listeners.forEach(listener -> listener.connectionClosed(event));
        }
    }

    private void onConnectionFailure(final JMSException failure) {
        LOG.log(System.Logger.Level.WARNING, "CAIRN-RA322 a pooled connection to " + settings + " failed", failure);
        final ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, failure);
        listeners.forEach(listener -> listener.connectionErrorOccurred(event));
    }

    private void checkNotDestroyed() throws ResourceAdapterInternalException {
        if (destroyed) {
            throw new ResourceAdapterInternalException("CAIRN-RA323 the managed connection is destroyed");
        }
    }

    /** @return whether the session does work for a transaction branch now */
    boolean inTransaction() {
        return xaResource.inBranch();
    }

    PhysicalResources physical() {
        return physical;
    }

    CairnManagedConnectionFactory factory() {
        return factory;
    }
}
