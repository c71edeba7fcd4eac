package org.cairnmq.ra.outbound;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.SecurityException;
import java.io.Serializable;
import javax.naming.Reference;
import org.cairnmq.ra.ConnectionSettings;

/**
 * The connection factory applications look up ({@code @Resource(lookup = "java:/jms/cairn")}): every
 * connection or context comes from the container's pool through its {@link ConnectionManager}.
 *
 * <p>In the container the Jakarta Messaging rules apply (3.1, chapter 12): a connection has at most one
 * session; session arguments are ignored (inside a transaction the session joins it, outside it
 * acknowledges automatically); {@code createContext}'s session mode is ignored likewise.
 */
public class CairnConnectionFactoryHandle
    implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final CairnManagedConnectionFactory factory;
    private final ConnectionManager manager;
    private Reference reference;

    /**
     * Creates the handle.
     *
     * @param factory the managed connection factory
     * @param manager the container's connection manager
     */
    public CairnConnectionFactoryHandle(final CairnManagedConnectionFactory factory, final ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    /**
     * Returns where connections without application credentials go, for {@code connectionFactoryLookup}.
     *
     * @return the factory's resolved settings
     */
    public ConnectionSettings connectionSettings() {
        return factory.connectionSettings();
    }

    @Override
    public Connection createConnection() throws JMSException {
        return allocate(null, null);
    }

    @Override
    public Connection createConnection(final String userName, final String password) throws JMSException {
        return allocate(userName, password);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return allocate(null, null);
    }

    @Override
    public QueueConnection createQueueConnection(final String userName, final String password) throws JMSException {
        return allocate(userName, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return allocate(null, null);
    }

    @Override
    public TopicConnection createTopicConnection(final String userName, final String password) throws JMSException {
        return allocate(userName, password);
    }

    @Override
    public JMSContext createContext() {
        return allocateContext(null, null, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(final String userName, final String password) {
        return allocateContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(final String userName, final String password, final int sessionMode) {
        return allocateContext(userName, password, sessionMode);
    }

    @Override
    public JMSContext createContext(final int sessionMode) {
        return allocateContext(null, null, sessionMode);
    }

    private CairnConnectionHandle allocate(final String user, final String password) throws JMSException {
        try {
            return (CairnConnectionHandle) manager.allocateConnection(factory,
                new CairnConnectionRequestInfo(user, password, HandleKind.CLASSIC));
        } catch (final ResourceException failure) {
            throw toJms(failure);
        }
    }

    private JMSContext allocateContext(final String user, final String password, final int sessionMode) {
        if (sessionMode < JMSContext.SESSION_TRANSACTED || sessionMode > JMSContext.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSRuntimeException("CAIRN-RA330 invalid session mode " + sessionMode);
        }
        try {
            return (JMSContext) manager.allocateConnection(factory,
                new CairnConnectionRequestInfo(user, password, HandleKind.CONTEXT));
        } catch (final ResourceException failure) {
            final JMSException checked = toJms(failure);
            throw new JMSRuntimeException(checked.getMessage(), checked.getErrorCode(), failure);
        }
    }

    private static JMSException toJms(final ResourceException failure) {
        final Throwable cause = failure.getCause();
        if (cause instanceof JMSException jms) {
            return jms;
        }
        final JMSException exception = failure instanceof SecurityException
            ? new JMSSecurityException(failure.getMessage(), failure.getErrorCode())
            : new JMSException(failure.getMessage(), failure.getErrorCode());
        exception.setLinkedException(failure);
        exception.initCause(failure);
        return exception;
    }

    @Override
    public void setReference(final Reference value) {
        this.reference = value;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public String toString() {
        return "CairnConnectionFactoryHandle[" + factory + "]";
    }
}
