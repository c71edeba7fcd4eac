package org.cairnmq.jms;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import java.io.Serializable;
import java.util.Objects;
import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;
import org.cairnmq.client.session.ConnectionOpener;
import org.cairnmq.jms.connection.CairnConnection;
import org.cairnmq.jms.connection.ConnectionConfig;
import org.cairnmq.jms.context.CairnJMSContext;
import org.cairnmq.jms.internal.JmsExceptions;

/**
 * The entry point of the Cairn JMS provider: makes connections to the brokers that the name servers
 * of its URL know.
 *
 * <pre>{@code
 * ConnectionFactory factory = new CairnConnectionFactory("cairn://localhost:9876?prefetch=50");
 * try (Connection connection = factory.createConnection("app", "secret")) { ... }
 * }</pre>
 *
 * <p>The URL is {@code cairn://host:port[,host2:port2...][?option=value&...]}; the options are those
 * of {@link ConnectionConfig}. A factory is an administered object: {@link Serializable} and
 * {@link Referenceable} (rebuilt by {@link CairnConnectionFactoryObjectFactory}), immutable once made
 * except through {@link #setUrl(String)}, and safe to share between threads.
 */
public class CairnConnectionFactory
    implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory, Serializable, Referenceable {

    /** The reference address type under which {@link #getReference()} stores the URL. */
    public static final String URL_ADDRESS_TYPE = "url";

    private static final long serialVersionUID = 1L;

    private volatile String url;
    private transient volatile ConnectionConfig config;
    private transient volatile ConnectionOpener opener;

    /** Creates a factory for a name server on this host at the default port ({@value ConnectionConfig#DEFAULT_URL}). */
    public CairnConnectionFactory() {
        this(ConnectionConfig.DEFAULT_URL);
    }

    /**
     * Creates a factory.
     *
     * @param url the name servers and options, {@code cairn://host:port[,...][?k=v&...]}
     * @throws IllegalArgumentException if the URL is not valid
     */
    public CairnConnectionFactory(final String url) {
        setUrl(url);
    }

    /**
     * Returns the URL.
     *
     * @return the URL this factory connects with
     */
    public String getUrl() {
        return url;
    }

    /**
     * Replaces the URL, for containers that configure factories as beans.
     *
     * @param newUrl the new URL
     * @throws IllegalArgumentException if the URL is not valid
     */
    public final void setUrl(final String newUrl) {
        final ConnectionConfig parsed = ConnectionConfig.parse(Objects.requireNonNull(newUrl, "url"));
        this.config = parsed;
        this.url = newUrl;
    }

    /**
     * Returns the settings parsed from the URL.
     *
     * @return the settings
     */
    public ConnectionConfig config() {
        ConnectionConfig current = config;
        if (current == null) {
            current = ConnectionConfig.parse(url);
            config = current;
        }
        return current;
    }

    /**
     * Replaces the transport that opens protocol connections, for tests and embedding.
     *
     * @param connectionOpener the opener
     */
    public void setConnectionOpener(final ConnectionOpener connectionOpener) {
        this.opener = Objects.requireNonNull(connectionOpener, "connectionOpener");
    }

    @Override
    public Connection createConnection() throws JMSException {
        return createConnection(config().user(), config().password());
    }

    @Override
    public Connection createConnection(final String user, final String password) throws JMSException {
        return new CairnConnection(config(), opener(), user, password);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return createQueueConnection(config().user(), config().password());
    }

    @Override
    public QueueConnection createQueueConnection(final String user, final String password) throws JMSException {
        return CairnConnection.queueConnection(config(), opener(), user, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return createTopicConnection(config().user(), config().password());
    }

    @Override
    public TopicConnection createTopicConnection(final String user, final String password) throws JMSException {
        return new CairnConnection(config(), opener(), user, password);
    }

    @Override
    public JMSContext createContext() {
        return createContext(config().user(), config().password(), JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(final String userName, final String password) {
        return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    /**
     * Creates a context with its own connection, closed when the context (and every context made from
     * it with {@code createContext(int)}) is closed.
     *
     * @throws jakarta.jms.JMSSecurityRuntimeException if the credentials are refused
     * @throws JMSRuntimeException if no broker can be reached or the session mode is invalid
     */
    @Override
    public JMSContext createContext(final String userName, final String password, final int sessionMode) {
        try {
            return new CairnJMSContext(new CairnConnection(config(), opener(), userName, password), sessionMode);
        } catch (final JMSException failure) {
            throw JmsExceptions.toJmsRuntimeException(failure);
        }
    }

    @Override
    public JMSContext createContext(final int sessionMode) {
        return createContext(config().user(), config().password(), sessionMode);
    }

    /**
     * Returns a reference that {@link CairnConnectionFactoryObjectFactory} turns back into an equal factory.
     *
     * @return a reference carrying the URL
     */
    @Override
    public Reference getReference() {
        return new Reference(CairnConnectionFactory.class.getName(), new StringRefAddr(URL_ADDRESS_TYPE, url),
            CairnConnectionFactoryObjectFactory.class.getName(), null);
    }

    /**
     * The transport that opens protocol connections: the one set with
     * {@link #setConnectionOpener(ConnectionOpener)}, else the default for the URL.
     *
     * @return the opener
     */
    protected final ConnectionOpener opener() {
        final ConnectionOpener current = opener;
        return current != null ? current : Transports.defaultOpener(config());
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CairnConnectionFactory factory && factory.getClass() == getClass()
            && factory.url.equals(url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    @Override
    public String toString() {
        return "CairnConnectionFactory[" + config() + "]";
    }
}
