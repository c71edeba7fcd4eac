package org.cairnmq.ra.outbound;

import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XASession;
import java.util.function.Supplier;
import javax.transaction.xa.XAResource;
import org.cairnmq.jms.CairnXAConnectionFactory;
import org.cairnmq.ra.ConnectionSettings;

/**
 * The provider objects one managed connection owns: an XA connection with one XA session (for the
 * classic API) or one XA context (for the simplified API). Either way there is exactly one session,
 * whose {@link XAResource} the container enlists.
 *
 * <p>Thread safety: created and closed by the managed connection; the provider objects are used by one
 * application thread at a time, as the container's pooling guarantees.
 */
final class PhysicalResources {

    private final XAConnection connection;
    private final XASession session;
    private final XAJMSContext context;

    private PhysicalResources(final XAConnection connection, final XASession session, final XAJMSContext context) {
        this.connection = connection;
        this.session = session;
        this.context = context;
    }

    /**
     * Connects.
     *
     * @param settings where and as whom
     * @param clientId the client id to set, or {@code null}
     * @param kind which API the resources serve
     * @param onFailure told when the connection fails
     * @return the open resources
     * @throws JMSException if the broker cannot be reached or refuses the credentials
     */
    static PhysicalResources open(final ConnectionSettings settings, final String clientId, final HandleKind kind,
                                  final ExceptionListener onFailure) throws JMSException {
        final CairnXAConnectionFactory factory = settings.xaConnectionFactory();
        if (kind == HandleKind.CONTEXT) {
            final XAJMSContext context = toChecked(() -> factory.createXAContext(settings.user(), settings.password()));
            try {
                if (clientId != null) {
                    context.setClientID(clientId);
                }
                context.setExceptionListener(onFailure);
            } catch (final RuntimeException failure) {
                context.close();
                throw failure;
            }
            return new PhysicalResources(null, null, context);
        }
        final XAConnection connection = factory.createXAConnection(settings.user(), settings.password());
        try {
            if (clientId != null) {
                connection.setClientID(clientId);
            }
            connection.setExceptionListener(onFailure);
            final XASession session = connection.createXASession();
            connection.start();
            return new PhysicalResources(connection, session, null);
        } catch (final JMSException | RuntimeException failure) {
            connection.close();
            throw failure;
        }
    }

    private static XAJMSContext toChecked(final Supplier<XAJMSContext> create)
        throws JMSException {
        try {
            return create.get();
        } catch (final JMSRuntimeException failure) {
            final JMSException checked = new JMSException(failure.getMessage(), failure.getErrorCode());
            checked.initCause(failure);
            throw checked;
        }
    }

    XAResource xaResource() {
        return session != null ? session.getXAResource() : context.getXAResource();
    }

    /**
     * Returns the session of the classic API.
     *
     * @return the XA session itself (its work joins the branch it is associated with)
     */
    Session session() {
        return session;
    }

    /**
     * Returns the connection of the classic API.
     *
     * @return the connection, or {@code null} for a context
     */
    XAConnection connection() {
        return connection;
    }

    /**
     * Returns the context of the simplified API.
     *
     * @return the context, or {@code null} for the classic API
     */
    JMSContext context() {
        return context == null ? null : context.getContext();
    }

    /**
     * Closes the provider objects.
     *
     * @throws JMSException if closing fails
     */
    void close() throws JMSException {
        if (connection != null) {
            connection.close();
        } else {
            context.close();
        }
    }
}
