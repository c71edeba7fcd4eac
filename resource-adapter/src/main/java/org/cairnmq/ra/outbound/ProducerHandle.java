package org.cairnmq.ra.outbound;

import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;

/**
 * A producer made through a handle: a view of the provider's producer that refuses asynchronous sends
 * (Jakarta Messaging 3.1, section 12.2).
 *
 * <p>Thread safety: used by the thread of its session.
 */
final class ProducerHandle implements QueueSender, TopicPublisher, ChildHandle {

    private static final System.Logger LOG = System.getLogger(ProducerHandle.class.getName());

    private final ChildOwner owner;
    private final MessageProducer physical;
    private volatile boolean closed;

    ProducerHandle(final ChildOwner owner, final MessageProducer physical) {
        this.owner = owner;
        this.physical = physical;
    }

    @Override
    public void close() throws JMSException {
        if (!closed) {
            closed = true;
            owner.untrack(this);
            physical.close();
        }
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkOpen();
        return physical().getDeliveryDelay();
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkOpen();
        return physical().getDeliveryMode();
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkOpen();
        return physical().getDestination();
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkOpen();
        return physical().getDisableMessageID();
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkOpen();
        return physical().getDisableMessageTimestamp();
    }

    @Override
    public int getPriority() throws JMSException {
        checkOpen();
        return physical().getPriority();
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return ((QueueSender) physical()).getQueue();
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkOpen();
        return physical().getTimeToLive();
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return ((TopicPublisher) physical()).getTopic();
    }

    @Override
    public void publish(final Message message) throws JMSException {
        checkOpen();
        ((TopicPublisher) physical()).publish(message);
    }

    @Override
    public void publish(final Topic topic, final Message message) throws JMSException {
        checkOpen();
        ((TopicPublisher) physical()).publish(topic, message);
    }

    @Override
    public void publish(final Message message, final int deliveryMode, final int priority, final long timeToLive)
        throws JMSException {
        checkOpen();
        ((TopicPublisher) physical()).publish(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void publish(final Topic topic, final Message message, final int deliveryMode, final int priority,
            final long timeToLive)
        throws JMSException {
        checkOpen();
        ((TopicPublisher) physical()).publish(topic, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(final Message message) throws JMSException {
        checkOpen();
        physical().send(message);
    }

    @Override
    public void send(final Destination destination, final Message message) throws JMSException {
        checkOpen();
        physical().send(destination, message);
    }

    @Override
    public void send(final Message message, final CompletionListener completionListener) throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("an asynchronous send");
    }

    @Override
    public void send(final Queue queue, final Message message) throws JMSException {
        checkOpen();
        ((QueueSender) physical()).send(queue, message);
    }

    @Override
    public void send(final Destination destination, final Message message,
            final CompletionListener completionListener)
        throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("an asynchronous send");
    }

    @Override
    public void send(final Message message, final int deliveryMode, final int priority, final long timeToLive)
        throws JMSException {
        checkOpen();
        physical().send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(final Destination destination, final Message message, final int deliveryMode,
            final int priority, final long timeToLive)
        throws JMSException {
        checkOpen();
        physical().send(destination, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(final Message message, final int deliveryMode, final int priority, final long timeToLive,
            final CompletionListener completionListener)
        throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("an asynchronous send");
    }

    @Override
    public void send(final Queue queue, final Message message, final int deliveryMode, final int priority,
            final long timeToLive)
        throws JMSException {
        checkOpen();
        ((QueueSender) physical()).send(queue, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(final Destination destination, final Message message, final int deliveryMode,
            final int priority, final long timeToLive, final CompletionListener completionListener)
        throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("an asynchronous send");
    }

    @Override
    public void setDeliveryDelay(final long value) throws JMSException {
        checkOpen();
        physical().setDeliveryDelay(value);
    }

    @Override
    public void setDeliveryMode(final int value) throws JMSException {
        checkOpen();
        physical().setDeliveryMode(value);
    }

    @Override
    public void setDisableMessageID(final boolean value) throws JMSException {
        checkOpen();
        physical().setDisableMessageID(value);
    }

    @Override
    public void setDisableMessageTimestamp(final boolean value) throws JMSException {
        checkOpen();
        physical().setDisableMessageTimestamp(value);
    }

    @Override
    public void setPriority(final int value) throws JMSException {
        checkOpen();
        physical().setPriority(value);
    }

    @Override
    public void setTimeToLive(final long value) throws JMSException {
        checkOpen();
        physical().setTimeToLive(value);
    }


    private MessageProducer physical() throws IllegalStateException {
        checkOpen();
        return physical;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw ContainerRules.closed("producer");
        }
    }

    @Override
    public void closeQuietly() {
        closed = true;
        try {
            physical.close();
        } catch (final JMSException failure) {
            LOG.log(System.Logger.Level.DEBUG, "closing a producer failed", failure);
        }
    }
}
