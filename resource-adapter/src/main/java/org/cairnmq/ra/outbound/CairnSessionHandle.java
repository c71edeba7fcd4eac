package org.cairnmq.ra.outbound;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import jakarta.jms.TransactionInProgressException;
import java.io.Serializable;

/**
 * The {@code Session} of a {@link CairnConnectionHandle}: a view of the managed connection's physical XA
 * session that follows the container rules (Jakarta Messaging 3.1, section 12.3).
 *
 * <ul>
 *   <li>Inside a transaction the session's work joins it: {@link #getTransacted()} is true,
 *       {@link #commit()} and {@link #rollback()} throw {@link TransactionInProgressException}.</li>
 *   <li>Outside one it acknowledges automatically, whatever arguments created it:
 *       {@link #getAcknowledgeMode()} is AUTO_ACKNOWLEDGE and {@link #commit()} throws
 *       {@link IllegalStateException}.</li>
 *   <li>{@code setMessageListener}, {@code getMessageListener} and {@code run} are not permitted.</li>
 * </ul>
 *
 * <p>Closing it closes the consumers, producers and browsers made with it, and leaves the physical
 * session open for the next user of the pooled connection.
 *
 * <p>Thread safety: one application thread at a time, as for any session; the children list is
 * concurrent because the container may invalidate the handle from its thread.
 */
public final class CairnSessionHandle implements QueueSession, TopicSession {

    private final CairnConnectionHandle connection;
    private final ChildHandles children = new ChildHandles();
    private volatile boolean closed;

    CairnSessionHandle(final CairnConnectionHandle connection) {
        this.connection = connection;
    }

    @Override
    public void close() throws JMSException {
        closeQuietly();
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        throw notTransacted("commit");
    }

    @Override
    public QueueBrowser createBrowser(final Queue queue) throws JMSException {
        return children.browser(physical().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(final Queue queue, final String messageSelector) throws JMSException {
        return children.browser(physical().createBrowser(queue, messageSelector));
    }

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        return physical().createBytesMessage();
    }

    @Override
    public MessageConsumer createConsumer(final Destination destination) throws JMSException {
        return children.consumer(physical().createConsumer(destination));
    }

    @Override
    public MessageConsumer createConsumer(final Destination destination, final String messageSelector)
        throws JMSException {
        return children.consumer(physical().createConsumer(destination, messageSelector));
    }

    @Override
    public MessageConsumer createConsumer(final Destination destination, final String messageSelector,
            final boolean noLocal)
        throws JMSException {
        return children.consumer(physical().createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public MessageConsumer createDurableConsumer(final Topic topic, final String name) throws JMSException {
        return children.consumer(physical().createDurableConsumer(topic, name));
    }

    @Override
    public MessageConsumer createDurableConsumer(final Topic topic, final String name,
            final String messageSelector, final boolean noLocal)
        throws JMSException {
        return children.consumer(physical().createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(final Topic topic, final String name) throws JMSException {
        return children.consumer(physical().createDurableSubscriber(topic, name));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(final Topic topic, final String name,
            final String messageSelector, final boolean noLocal)
        throws JMSException {
        return children.consumer(physical().createDurableSubscriber(topic, name, messageSelector, noLocal));
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        return physical().createMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        return physical().createMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        return physical().createObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(final Serializable object) throws JMSException {
        return physical().createObjectMessage(object);
    }

    @Override
    public MessageProducer createProducer(final Destination destination) throws JMSException {
        return children.producer(physical().createProducer(destination));
    }

    @Override
    public TopicPublisher createPublisher(final Topic topic) throws JMSException {
        return children.producer(((TopicSession) physical()).createPublisher(topic));
    }

    @Override
    public Queue createQueue(final String queueName) throws JMSException {
        return physical().createQueue(queueName);
    }

    @Override
    public QueueReceiver createReceiver(final Queue queue) throws JMSException {
        return children.consumer(((QueueSession) physical()).createReceiver(queue));
    }

    @Override
    public QueueReceiver createReceiver(final Queue queue, final String messageSelector) throws JMSException {
        return children.consumer(((QueueSession) physical()).createReceiver(queue, messageSelector));
    }

    @Override
    public QueueSender createSender(final Queue queue) throws JMSException {
        return children.producer(((QueueSession) physical()).createSender(queue));
    }

    @Override
    public MessageConsumer createSharedConsumer(final Topic topic, final String name) throws JMSException {
        return children.consumer(physical().createSharedConsumer(topic, name));
    }

    @Override
    public MessageConsumer createSharedConsumer(final Topic topic, final String name, final String messageSelector)
        throws JMSException {
        return children.consumer(physical().createSharedConsumer(topic, name, messageSelector));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(final Topic topic, final String name) throws JMSException {
        return children.consumer(physical().createSharedDurableConsumer(topic, name));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(final Topic topic, final String name,
            final String messageSelector)
        throws JMSException {
        return children.consumer(physical().createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        return physical().createStreamMessage();
    }

    @Override
    public TopicSubscriber createSubscriber(final Topic topic) throws JMSException {
        return children.consumer(((TopicSession) physical()).createSubscriber(topic));
    }

    @Override
    public TopicSubscriber createSubscriber(final Topic topic, final String messageSelector, final boolean noLocal)
        throws JMSException {
        return children.consumer(((TopicSession) physical()).createSubscriber(topic, messageSelector, noLocal));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        return physical().createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        return physical().createTemporaryTopic();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        return physical().createTextMessage();
    }

    @Override
    public TextMessage createTextMessage(final String text) throws JMSException {
        return physical().createTextMessage(text);
    }

    @Override
    public Topic createTopic(final String topicName) throws JMSException {
        return physical().createTopic(topicName);
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return connection.managedConnection().inTransaction() ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE;
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("Session.getMessageListener");
    }

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return connection.managedConnection().inTransaction();
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (connection.managedConnection().inTransaction()) {
            throw new IllegalStateException("CAIRN-RA304 recover() is not allowed inside a transaction",
                "CAIRN-RA304");
        }
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        throw notTransacted("rollback");
    }

    @Override
    public void run() {
        throw ContainerRules.notPermittedRuntime("Session.run");
    }

    @Override
    public void setMessageListener(final MessageListener listener) throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("Session.setMessageListener");
    }

    @Override
    public void unsubscribe(final String name) throws JMSException {
        physical().unsubscribe(name);
    }

    private Session physical() throws IllegalStateException {
        return connection.managedConnection().physical().session();
    }

    private JMSException notTransacted(final String method) {
        if (connection.managedConnection().inTransaction()) {
            return new TransactionInProgressException("CAIRN-RA305 " + method + "() is not allowed inside a "
                + "transaction: the transaction manager completes it", "CAIRN-RA305");
        }
        return new IllegalStateException("CAIRN-RA306 " + method + "() is not allowed: outside a transaction the "
            + "session acknowledges automatically (Jakarta Messaging 3.1, section 12.3)", "CAIRN-RA306");
    }

    /** Closes the children and marks the handle closed; the physical session stays open. */
    void closeQuietly() {
        closed = true;
        children.closeAll();
    }

    void checkOpen() throws IllegalStateException {
        if (closed || connection.isClosed()) {
            throw ContainerRules.closed("session");
        }
    }

    boolean isClosed() {
        return closed;
    }
}
