package org.cairnmq.jms.connection;

import jakarta.jms.ConnectionConsumer;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import org.cairnmq.protocol.codec.CreateConsumerCodec;

/**
 * The factory methods of a connection that only choose arguments and delegate: the session variants
 * of the classic, queue and topic APIs, and the connection consumers of the application server
 * facilities ({@link CairnConnectionConsumer}), each with the CREATE_CONSUMER flags it means.
 *
 * <p>Design note: a base class of its own keeps {@link CairnConnection} to the connection's state and
 * lifecycle, as {@link SessionFactoryMethods} does for the session.
 */
abstract class ConnectionFactoryMethods implements QueueConnection, TopicConnection {

    /**
     * Creates a session.
     *
     * @param sessionMode one of the four session modes
     * @param domain the API it is created through
     * @return the session
     * @throws JMSException if the connection is closed or the mode is invalid
     */
    abstract CairnSession createCairnSession(int sessionMode, SessionDomain domain) throws JMSException;

    /** The API the connection was created through: a {@code QueueConnection} refuses topic-only methods. */
    abstract SessionDomain connectionDomain();

    /**
     * Creates a connection consumer.
     *
     * @param destination the queue or topic
     * @param selector the message selector, or {@code null}
     * @param flags the CreateConsumerCodec flags
     * @param subscriptionName the subscription name, or {@code null}
     * @param pool the application server's server sessions
     * @param maxMessages the most messages one server session is given at a time
     * @return the connection consumer
     * @throws JMSException if the broker refuses the consumer
     */
    abstract ConnectionConsumer openConnectionConsumer(Destination destination, String selector, int flags,
                                                       String subscriptionName, ServerSessionPool pool,
                                                       int maxMessages) throws JMSException;

    @Override
    public Session createSession(final boolean transacted, final int acknowledgeMode) throws JMSException {
        return createCairnSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode, SessionDomain.UNIFIED);
    }

    @Override
    public Session createSession(final int sessionMode) throws JMSException {
        return createCairnSession(sessionMode, SessionDomain.UNIFIED);
    }

    @Override
    public Session createSession() throws JMSException {
        return createCairnSession(Session.AUTO_ACKNOWLEDGE, SessionDomain.UNIFIED);
    }

    @Override
    public QueueSession createQueueSession(final boolean transacted, final int acknowledgeMode) throws JMSException {
        return createCairnSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode, SessionDomain.QUEUE);
    }

    @Override
    public TopicSession createTopicSession(final boolean transacted, final int acknowledgeMode) throws JMSException {
        return createCairnSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode, SessionDomain.TOPIC);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(final Destination destination, final String messageSelector,
                                                       final ServerSessionPool sessionPool, final int maxMessages)
        throws JMSException {
        return openConnectionConsumer(destination, messageSelector, 0, null, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(final Queue queue, final String messageSelector,
                                                       final ServerSessionPool sessionPool, final int maxMessages)
        throws JMSException {
        return createConnectionConsumer((Destination) queue, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(final Topic topic, final String messageSelector,
                                                       final ServerSessionPool sessionPool, final int maxMessages)
        throws JMSException {
        return createConnectionConsumer((Destination) topic, messageSelector, sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(final Topic topic, final String subscriptionName,
                                                             final String messageSelector,
                                                             final ServerSessionPool sessionPool,
                                                             final int maxMessages) throws JMSException {
        connectionDomain().requireTopics("createSharedConnectionConsumer");
        return openConnectionConsumer(topic, messageSelector, CreateConsumerCodec.SHARED_FLAG,
            SessionArguments.requireName(subscriptionName), sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(final Topic topic, final String subscriptionName,
                                                              final String messageSelector,
                                                              final ServerSessionPool sessionPool,
                                                              final int maxMessages) throws JMSException {
        connectionDomain().requireTopics("createDurableConnectionConsumer");
        return openConnectionConsumer(topic, messageSelector, CreateConsumerCodec.DURABLE_FLAG,
            SessionArguments.requireName(subscriptionName), sessionPool, maxMessages);
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(final Topic topic, final String subscriptionName,
                                                                    final String messageSelector,
                                                                    final ServerSessionPool sessionPool,
                                                                    final int maxMessages) throws JMSException {
        connectionDomain().requireTopics("createSharedDurableConnectionConsumer");
        return openConnectionConsumer(topic, messageSelector,
            CreateConsumerCodec.DURABLE_FLAG | CreateConsumerCodec.SHARED_FLAG,
            SessionArguments.requireName(subscriptionName), sessionPool, maxMessages);
    }

}
