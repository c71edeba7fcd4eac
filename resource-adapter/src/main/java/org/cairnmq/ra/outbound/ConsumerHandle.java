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
final class ConsumerHandle implements QueueReceiver, TopicSubscriber, ChildHandle {

    private static final System.Logger LOG = System.getLogger(ConsumerHandle.class.getName());

    private final ChildOwner owner;
    private final MessageConsumer physical;
    private volatile boolean closed;

    ConsumerHandle(final ChildOwner owner, final MessageConsumer physical) {
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
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("MessageConsumer.getMessageListener");
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkOpen();
        return physical().getMessageSelector();
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        checkOpen();
        return ((TopicSubscriber) physical()).getNoLocal();
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkOpen();
        return ((QueueReceiver) physical()).getQueue();
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkOpen();
        return ((TopicSubscriber) physical()).getTopic();
    }

    @Override
    public Message receive() throws JMSException {
        checkOpen();
        return physical().receive();
    }

    @Override
    public Message receive(final long timeout) throws JMSException {
        checkOpen();
        return physical().receive(timeout);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        checkOpen();
        return physical().receiveNoWait();
    }

    @Override
    public void setMessageListener(final MessageListener listener) throws JMSException {
        checkOpen();
        throw ContainerRules.notPermitted("MessageConsumer.setMessageListener");
    }


    private MessageConsumer physical() throws IllegalStateException {
        checkOpen();
        return physical;
    }

    private void checkOpen() throws IllegalStateException {
        if (closed) {
            throw ContainerRules.closed("consumer");
        }
    }

    @Override
    public void closeQuietly() {
        closed = true;
        try {
            physical.close();
        } catch (final JMSException failure) {
            LOG.log(System.Logger.Level.DEBUG, "closing a consumer failed", failure);
        }
    }
}
