package org.cairnmq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueConnectionFactory;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicConnectionFactory;
import javax.naming.Reference;
import javax.naming.StringRefAddr;
import org.cairnmq.jms.connection.CairnXAConnection;
import org.cairnmq.jms.context.CairnXAJMSContext;
import org.cairnmq.jms.internal.JmsExceptions;

/**
 * A connection factory whose connections take part in distributed (XA) transactions: their
 * {@link jakarta.jms.XASession}s expose an {@link javax.transaction.xa.XAResource} that a transaction
 * manager drives (docs/PROTOCOL.md, "XA transactions").
 *
 * <pre>{@code
 * XAConnectionFactory factory = new CairnXAConnectionFactory("cairn://localhost:9876");
 * XAConnection connection = factory.createXAConnection();
 * XASession session = connection.createXASession();
 * transactionManager.getTransaction().enlistResource(session.getXAResource());
 * }</pre>
 *
 * <p>It is also an ordinary {@link CairnConnectionFactory}: {@code createConnection} and
 * {@code createContext} make non-XA connections and contexts. As an administered object it is
 * {@link java.io.Serializable} and {@link javax.naming.Referenceable}; its reference names this class,
 * so {@link CairnConnectionFactoryObjectFactory} rebuilds an XA factory from it.
 */
public class CairnXAConnectionFactory extends CairnConnectionFactory
    implements XAConnectionFactory, XAQueueConnectionFactory, XATopicConnectionFactory {

    private static final long serialVersionUID = 1L;

    /** Creates a factory for a name server on this host at the default port. */
    public CairnXAConnectionFactory() {
        super();
    }

    /**
     * Creates a factory.
     *
     * @param url the name servers and options, {@code cairn://host:port[,...][?k=v&...]}
     * @throws IllegalArgumentException if the URL is not valid
     */
    public CairnXAConnectionFactory(final String url) {
        super(url);
    }

    @Override
    public XAConnection createXAConnection() throws JMSException {
        return createXAConnection(config().user(), config().password());
    }

    @Override
    public XAConnection createXAConnection(final String userName, final String password) throws JMSException {
        return new CairnXAConnection(config(), opener(), userName, password, false);
    }

    @Override
    public XAQueueConnection createXAQueueConnection() throws JMSException {
        return createXAQueueConnection(config().user(), config().password());
    }

    @Override
    public XAQueueConnection createXAQueueConnection(final String userName, final String password)
        throws JMSException {
        return new CairnXAConnection(config(), opener(), userName, password, true);
    }

    @Override
    public XATopicConnection createXATopicConnection() throws JMSException {
        return createXATopicConnection(config().user(), config().password());
    }

    @Override
    public XATopicConnection createXATopicConnection(final String userName, final String password)
        throws JMSException {
        return new CairnXAConnection(config(), opener(), userName, password, false);
    }

    @Override
    public XAJMSContext createXAContext() {
        return createXAContext(config().user(), config().password());
    }

    /**
     * Creates an XA context with its own connection, closed with the context. Its session is an
     * {@link jakarta.jms.XASession}: outside a transaction branch it acknowledges automatically.
     *
     * @throws jakarta.jms.JMSSecurityRuntimeException if the credentials are refused
     * @throws JMSRuntimeException if no broker can be reached
     */
    @Override
    public XAJMSContext createXAContext(final String userName, final String password) {
        try {
            return new CairnXAJMSContext(new CairnXAConnection(config(), opener(), userName, password, false));
        } catch (final JMSException failure) {
            throw JmsExceptions.toJmsRuntimeException(failure);
        }
    }

    /**
     * Returns a reference that {@link CairnConnectionFactoryObjectFactory} turns back into an equal XA
     * factory.
     *
     * @return a reference carrying this class's name and the URL
     */
    @Override
    public Reference getReference() {
        return new Reference(CairnXAConnectionFactory.class.getName(), new StringRefAddr(URL_ADDRESS_TYPE, getUrl()),
            CairnConnectionFactoryObjectFactory.class.getName(), null);
    }

    @Override
    public String toString() {
        return "CairnXAConnectionFactory[" + config() + "]";
    }
}
