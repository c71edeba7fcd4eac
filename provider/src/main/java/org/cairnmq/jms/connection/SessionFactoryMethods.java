package org.cairnmq.jms.connection;

import static org.cairnmq.jms.connection.SessionArguments.requireDestinationName;
import static org.cairnmq.jms.connection.SessionArguments.requireName;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.io.Serializable;
import org.cairnmq.jms.message.CairnBytesMessage;
import org.cairnmq.jms.message.CairnMapMessage;
import org.cairnmq.jms.message.CairnMessage;
import org.cairnmq.jms.message.CairnObjectMessage;
import org.cairnmq.jms.message.CairnStreamMessage;
import org.cairnmq.jms.destination.CairnQueue;
import org.cairnmq.jms.destination.CairnTopic;
import org.cairnmq.jms.message.CairnTextMessage;
import org.cairnmq.protocol.codec.CreateConsumerCodec;

/**
 * The factory methods of a session that only check their arguments and delegate: the message
 * factories, and every consumer variant of the classic, queue and topic APIs, each reduced to one
 * {@link #openConsumer} call with the CREATE_CONSUMER flags and subscription name it means.
 *
 * <p>Design note: {@code QueueSession} and {@code TopicSession} have some forty methods between them; this
 * base class holds the thin ones so that {@link CairnSession} keeps only the session's state and lifecycle.
 */
abstract class SessionFactoryMethods implements QueueSession, TopicSession {

    /**
     * Creates a consumer and registers it with the broker.
     *
     * @param destination the queue or topic
     * @param messageSelector the selector, or {@code null}
     * @param flags the CreateConsumerCodec flags
     * @param subscriptionName the durable or shared subscription name, or {@code null}
     * @return the open consumer
     * @throws JMSException if the broker refuses it
     */
    abstract CairnMessageConsumer openConsumer(Destination destination, String messageSelector, int flags,
                                               String subscriptionName) throws JMSException;

    /**
     * Fails when the session cannot be used.
     *
     * @throws JMSException if it is closed or its connection failed
     */
    abstract void checkOpen() throws JMSException;

    /** Which API the session was created through. */
    abstract SessionDomain domain();

    /** The connection that created the session. */
    abstract CairnConnection connection();

    /**
     * Creates a producer.
     *
     * @param destination its destination, or {@code null} for one that names it in every send
     * @return the producer
     * @throws JMSException if the session is closed or the destination is not usable
     */
    abstract CairnMessageProducer newProducer(Destination destination) throws JMSException;

    /**
     * Creates a queue browser.
     *
     * @param queue the queue
     * @param messageSelector the selector, or {@code null}
     * @return the browser
     * @throws JMSException if the session is closed or the queue or selector is not valid
     */
    abstract CairnQueueBrowser newBrowser(Queue queue, String messageSelector) throws JMSException;

    // ---- message factories

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return new CairnBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return new CairnMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return new CairnMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return new CairnObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(final Serializable object) throws JMSException {
        checkOpen();
        final CairnObjectMessage message = new CairnObjectMessage();
        message.setObject(object);
        return message;
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return new CairnStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return new CairnTextMessage();
    }

    @Override
    public TextMessage createTextMessage(final String text) throws JMSException {
        checkOpen();
        return new CairnTextMessage(text);
    }

    // ---- consumers

    @Override
    public MessageConsumer createConsumer(final Destination destination) throws JMSException {
        return newConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(final Destination destination, final String messageSelector)
        throws JMSException {
        return newConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(final Destination destination, final String messageSelector,
                                          final boolean noLocal) throws JMSException {
        return newConsumer(destination, messageSelector, noLocal);
    }

    @Override
    public QueueReceiver createReceiver(final Queue queue) throws JMSException {
        return newConsumer(queue, null, false);
    }

    @Override
    public QueueReceiver createReceiver(final Queue queue, final String messageSelector) throws JMSException {
        return newConsumer(queue, messageSelector, false);
    }

    @Override
    public TopicSubscriber createSubscriber(final Topic topic) throws JMSException {
        domain().requireTopics("createSubscriber");
        return newConsumer(topic, null, false);
    }

    @Override
    public TopicSubscriber createSubscriber(final Topic topic, final String messageSelector, final boolean noLocal)
        throws JMSException {
        domain().requireTopics("createSubscriber");
        return newConsumer(topic, messageSelector, noLocal);
    }

    private CairnMessageConsumer newConsumer(final Destination destination, final String messageSelector,
                                             final boolean noLocal) throws JMSException {
        return openConsumer(destination, messageSelector, noLocal ? CreateConsumerCodec.NO_LOCAL_FLAG : 0, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(final Topic topic, final String sharedSubscriptionName)
        throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(final Topic topic, final String sharedSubscriptionName,
                                                final String messageSelector) throws JMSException {
        domain().requireTopics("createSharedConsumer");
        return openConsumer(topic, messageSelector, CreateConsumerCodec.SHARED_FLAG,
            requireName(sharedSubscriptionName));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(final Topic topic, final String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(final Topic topic, final String name, final String messageSelector,
                                                   final boolean noLocal) throws JMSException {
        domain().requireTopics("createDurableSubscriber");
        return openConsumer(topic, messageSelector,
            CreateConsumerCodec.DURABLE_FLAG | (noLocal ? CreateConsumerCodec.NO_LOCAL_FLAG : 0), requireName(name));
    }

    @Override
    public MessageConsumer createDurableConsumer(final Topic topic, final String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(final Topic topic, final String name, final String messageSelector,
                                                 final boolean noLocal) throws JMSException {
        return createDurableSubscriber(topic, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(final Topic topic, final String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(final Topic topic, final String name,
                                                       final String messageSelector) throws JMSException {
        domain().requireTopics("createSharedDurableConsumer");
        return openConsumer(topic, messageSelector, CreateConsumerCodec.DURABLE_FLAG | CreateConsumerCodec.SHARED_FLAG,
            requireName(name));
    }

    // ---- producers and destinations

    @Override
    public MessageProducer createProducer(final Destination destination) throws JMSException {
        return newProducer(destination);
    }

    @Override
    public QueueSender createSender(final Queue queue) throws JMSException {
        return newProducer(queue);
    }

    @Override
    public TopicPublisher createPublisher(final Topic topic) throws JMSException {
        domain().requireTopics("createPublisher");
        return newProducer(topic);
    }

    @Override
    public Queue createQueue(final String queueName) throws JMSException {
        checkOpen();
        domain().requireQueues("createQueue");
        return new CairnQueue(requireDestinationName(queueName));
    }

    @Override
    public Topic createTopic(final String topicName) throws JMSException {
        checkOpen();
        domain().requireTopics("createTopic");
        return new CairnTopic(requireDestinationName(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        domain().requireQueues("createTemporaryQueue");
        return connection().createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        domain().requireTopics("createTemporaryTopic");
        return connection().createTemporaryTopic();
    }


    @Override
    public QueueBrowser createBrowser(final Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(final Queue queue, final String messageSelector) throws JMSException {
        checkOpen();
        domain().requireQueues("createBrowser");
        return newBrowser(queue, messageSelector);
    }
}
