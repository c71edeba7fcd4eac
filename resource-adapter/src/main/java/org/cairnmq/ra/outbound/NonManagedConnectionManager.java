package org.cairnmq.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;

/**
 * The connection manager of a factory used outside a container: no pool and no transactions; each
 * allocation opens a managed connection and closing the handle destroys it.
 */
final class NonManagedConnectionManager implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    @Override
    public Object allocateConnection(final ManagedConnectionFactory factory, final ConnectionRequestInfo info)
        throws ResourceException {
        final ManagedConnection managed = factory.createManagedConnection(null, info);
        managed.addConnectionEventListener(new DestroyOnClose(managed));
        return managed.getConnection(null, info);
    }

    /** Destroys the managed connection when its handle closes or fails. */
    private record DestroyOnClose(ManagedConnection managed) implements ConnectionEventListener {

        @Override
        public void connectionClosed(final ConnectionEvent event) {
            destroy();
        }

        @Override
        public void connectionErrorOccurred(final ConnectionEvent event) {
            destroy();
        }

        @Override
        public void localTransactionStarted(final ConnectionEvent event) {
            // No transactions without a container.
        }

        @Override
        public void localTransactionCommitted(final ConnectionEvent event) {
            // No transactions without a container.
        }

        @Override
        public void localTransactionRolledback(final ConnectionEvent event) {
            // No transactions without a container.
        }

        private void destroy() {
            try {
                managed.destroy();
            } catch (final ResourceException failure) {
                System.getLogger(NonManagedConnectionManager.class.getName())
                    .log(System.Logger.Level.DEBUG, "destroying an unpooled connection failed", failure);
            }
        }
    }
}
