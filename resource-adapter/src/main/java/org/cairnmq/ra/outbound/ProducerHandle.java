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
final class ProducerHandle extends TrackedChild<MessageProducer, IllegalStateException>
    implements QueueSender, TopicPublisher {

    ProducerHandle(final ChildHandles owner, final MessageProducer physical) {
        super(owner, physical, "producer");
    }

    @Override
    public void close() throws JMSException {
        if (markClosed()) {
            closePhysical();
        }
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        return physical().getDeliveryDelay();
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        return physical().getDeliveryMode();
    }

    @Override
    public Destination getDestination() throws JMSException {
        return physical().getDestination();
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        return physical().getDisableMessageID();
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        return physical().getDisableMessageTimestamp();
    }

    @Override
    public int getPriority() throws JMSException {
        return physical().getPriority();
    }

    @Override
    public Queue getQueue() throws JMSException {
        return ((QueueSender) physical()).getQueue();
    }

    @Override
    public long getTimeToLive() throws JMSException {
        return physical().getTimeToLive();
    }

    @Override
    public Topic getTopic() throws JMSException {
        return ((TopicPublisher) physical()).getTopic();
    }

    @Override
    public void publish(final Message message) throws JMSException {
        ((TopicPublisher) physical()).publish(message);
    }

    @Override
    public void publish(final Topic topic, final Message message) throws JMSException {
        ((TopicPublisher) physical()).publish(topic, message);
    }

    @Override
    public void publish(final Message message, final int deliveryMode, final int priority, final long timeToLive)
        throws JMSException {
        ((TopicPublisher) physical()).publish(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void publish(final Topic topic, final Message message, final int deliveryMode, final int priority,
            final long timeToLive)
        throws JMSException {
        ((TopicPublisher) physical()).publish(topic, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(final Message message) throws JMSException {
        physical().send(message);
    }

    @Override
    public void send(final Destination destination, final Message message) throws JMSException {
        physical().send(destination, message);
    }

    @Override
    public void send(final Message message, final CompletionListener completionListener) throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("an asynchronous send");
    }

    @Override
    public void send(final Queue queue, final Message message) throws JMSException {
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
        physical().send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(final Destination destination, final Message message, final int deliveryMode,
            final int priority, final long timeToLive)
        throws JMSException {
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
        physical().setDeliveryDelay(value);
    }

    @Override
    public void setDeliveryMode(final int value) throws JMSException {
        physical().setDeliveryMode(value);
    }

    @Override
    public void setDisableMessageID(final boolean value) throws JMSException {
        physical().setDisableMessageID(value);
    }

    @Override
    public void setDisableMessageTimestamp(final boolean value) throws JMSException {
        physical().setDisableMessageTimestamp(value);
    }

    @Override
    public void setPriority(final int value) throws JMSException {
        physical().setPriority(value);
    }

    @Override
    public void setTimeToLive(final long value) throws JMSException {
        physical().setTimeToLive(value);
    }

    @Override
    IllegalStateException closedFailure(final String kind) {
        return ContainerRules.closed(kind);
    }

    @Override
    void closePhysical() throws JMSException {
        physicalUnchecked().close();
    }
}
