package org.cairnmq.ra.outbound;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TransactionInProgressRuntimeException;
import java.io.Serializable;

/**
 * The {@code JMSContext} an application gets from the pool ({@code createContext}): a view of the
 * managed connection's physical XA context that follows the container rules (Jakarta Messaging 3.1,
 * sections 12.2 and 12.3). Inside a transaction its work joins it and {@code commit}/{@code rollback}
 * throw {@link TransactionInProgressRuntimeException}; outside one it acknowledges automatically,
 * whatever session mode was asked for. {@code createContext(int)}, {@code setClientID}, {@code stop}
 * and {@code setExceptionListener} throw {@link IllegalStateRuntimeException}. Closing it closes its
 * consumers and browsers and returns the physical context to the pool.
 *
 * <p>Thread safety: one application thread at a time; {@link #invalidate()} may come from the
 * container's thread, so the state is volatile.
 */
public final class CairnJMSContextHandle implements JMSContext, ManagedHandle {

    private final ChildHandles children = new ChildHandles();
    private volatile CairnManagedConnection managed;
    private volatile boolean closed;

    CairnJMSContextHandle(final CairnManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public void acknowledge() {
        checkOpen();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        children.closeAll();
        closed = true;
        managed.handleClosed(this);
    }

    @Override
    public void commit() {
        checkOpen();
        throw notTransacted("commit");
    }

    @Override
    public QueueBrowser createBrowser(final Queue queue) {
        return children.browser(physical().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(final Queue queue, final String messageSelector) {
        return children.browser(physical().createBrowser(queue, messageSelector));
    }

    @Override
    public BytesMessage createBytesMessage() {
        return physical().createBytesMessage();
    }

    @Override
    public JMSConsumer createConsumer(final Destination destination) {
        return children.jmsConsumer(physical().createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(final Destination destination, final String messageSelector) {
        return children.jmsConsumer(physical().createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(final Destination destination, final String messageSelector,
            final boolean noLocal) {
        return children.jmsConsumer(physical().createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public JMSContext createContext(final int sessionMode) {
        checkOpen();
        throw new IllegalStateRuntimeException("CAIRN-RA307 createContext is not permitted in a Jakarta EE "
            + "container: the context already holds the connection's one session (Jakarta Messaging 3.1, "
            + "section 12.2)", "CAIRN-RA307");
    }

    @Override
    public JMSConsumer createDurableConsumer(final Topic topic, final String name) {
        return children.jmsConsumer(physical().createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(final Topic topic, final String name, final String messageSelector,
            final boolean noLocal) {
        return children.jmsConsumer(physical().createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public MapMessage createMapMessage() {
        return physical().createMapMessage();
    }

    @Override
    public Message createMessage() {
        return physical().createMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return physical().createObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(final Serializable object) {
        return physical().createObjectMessage(object);
    }

    @Override
    public JMSProducer createProducer() {
        return physical().createProducer();
    }

    @Override
    public Queue createQueue(final String queueName) {
        return physical().createQueue(queueName);
    }

    @Override
    public JMSConsumer createSharedConsumer(final Topic topic, final String name) {
        return children.jmsConsumer(physical().createSharedConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedConsumer(final Topic topic, final String name, final String messageSelector) {
        return children.jmsConsumer(physical().createSharedConsumer(topic, name, messageSelector));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(final Topic topic, final String name) {
        return children.jmsConsumer(physical().createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(final Topic topic, final String name,
            final String messageSelector) {
        return children.jmsConsumer(physical().createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return physical().createStreamMessage();
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return physical().createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return physical().createTemporaryTopic();
    }

    @Override
    public TextMessage createTextMessage() {
        return physical().createTextMessage();
    }

    @Override
    public TextMessage createTextMessage(final String text) {
        return physical().createTextMessage(text);
    }

    @Override
    public Topic createTopic(final String topicName) {
        return physical().createTopic(topicName);
    }

    @Override
    public boolean getAutoStart() {
        return physical().getAutoStart();
    }

    @Override
    public String getClientID() {
        return physical().getClientID();
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen();
        return null;
    }

    @Override
    public ConnectionMetaData getMetaData() {
        return physical().getMetaData();
    }

    @Override
    public int getSessionMode() {
        checkOpen();
        return managed.inTransaction() ? JMSContext.SESSION_TRANSACTED : JMSContext.AUTO_ACKNOWLEDGE;
    }

    @Override
    public boolean getTransacted() {
        checkOpen();
        return managed.inTransaction();
    }

    @Override
    public void recover() {
        checkOpen();
        if (managed.inTransaction()) {
            throw new IllegalStateRuntimeException("CAIRN-RA304 recover() is not allowed inside a transaction",
                "CAIRN-RA304");
        }
    }

    @Override
    public void rollback() {
        checkOpen();
        throw notTransacted("rollback");
    }

    @Override
    public void setAutoStart(final boolean value) {
        physical().setAutoStart(value);
    }

    @Override
    public void setClientID(final String clientID) {
        checkOpen();
        throw ContainerRules.notPermittedRuntime("JMSContext.setClientID");
    }

    @Override
    public void setExceptionListener(final ExceptionListener listener) {
        checkOpen();
        throw ContainerRules.notPermittedRuntime("JMSContext.setExceptionListener");
    }

    @Override
    public void start() {
        physical().start();
    }

    @Override
    public void stop() {
        checkOpen();
        throw ContainerRules.notPermittedRuntime("JMSContext.stop");
    }

    @Override
    public void unsubscribe(final String name) {
        physical().unsubscribe(name);
    }

    private JMSContext physical() {
        return managed.physical().context();
    }

    private JMSRuntimeException notTransacted(final String method) {
        if (managed.inTransaction()) {
            return new TransactionInProgressRuntimeException("CAIRN-RA305 " + method + "() is not allowed inside a "
                + "transaction: the transaction manager completes it", "CAIRN-RA305");
        }
        return new IllegalStateRuntimeException("CAIRN-RA306 " + method + "() is not allowed: outside a transaction "
            + "the context acknowledges automatically (Jakarta Messaging 3.1, section 12.3)", "CAIRN-RA306");
    }

    private void checkOpen() {
        if (closed) {
            throw ContainerRules.closedRuntime("context");
        }
    }

    @Override
    public HandleKind kind() {
        return HandleKind.CONTEXT;
    }

    @Override
    public CairnManagedConnection managedConnection() {
        return managed;
    }

    @Override
    public void reassociate(final CairnManagedConnection target) {
        this.managed = target;
    }

    @Override
    public void invalidate() {
        children.closeAll();
        closed = true;
    }

    @Override
    public String toString() {
        return "CairnJMSContextHandle[" + managed + (closed ? ", closed" : "") + "]";
    }
}
