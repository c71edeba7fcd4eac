package org.cairnmq.ra.outbound;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;

/**
 * A consumer made through a handle: a view of the provider's consumer that refuses message listeners
 * (Jakarta Messaging 3.1, section 12.2).
 *
 * <p>Thread safety: used by the thread of its session.
 */
final class ConsumerHandle extends TrackedChild<MessageConsumer, IllegalStateException>
    implements QueueReceiver, TopicSubscriber {

    ConsumerHandle(final ChildHandles owner, final MessageConsumer physical) {
        super(owner, physical, "consumer");
    }

    @Override
    public void close() throws JMSException {
        if (markClosed()) {
            closePhysical();
        }
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("MessageConsumer.getMessageListener");
    }

    @Override
    public String getMessageSelector() throws JMSException {
        return physical().getMessageSelector();
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        return ((TopicSubscriber) physical()).getNoLocal();
    }

    @Override
    public Queue getQueue() throws JMSException {
        return ((QueueReceiver) physical()).getQueue();
    }

    @Override
    public Topic getTopic() throws JMSException {
        return ((TopicSubscriber) physical()).getTopic();
    }

    @Override
    public Message receive() throws JMSException {
        return physical().receive();
    }

    @Override
    public Message receive(final long timeout) throws JMSException {
        return physical().receive(timeout);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return physical().receiveNoWait();
    }

    @Override
    public void setMessageListener(final MessageListener listener) throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("MessageConsumer.setMessageListener");
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
