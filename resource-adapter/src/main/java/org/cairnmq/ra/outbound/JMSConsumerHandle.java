package org.cairnmq.ra.outbound;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * A consumer made through a context handle: a view of the provider's consumer that refuses message
 * listeners (Jakarta Messaging 3.1, section 12.2).
 *
 * <p>Thread safety: used by the thread of its context.
 */
final class JMSConsumerHandle extends TrackedChild<JMSConsumer, IllegalStateRuntimeException>
    implements JMSConsumer {

    JMSConsumerHandle(final ChildHandles owner, final JMSConsumer physical) {
        super(owner, physical, "consumer");
    }

    @Override
    public void close() {
        if (markClosed()) {
            closePhysical();
        }
    }

    @Override
    public MessageListener getMessageListener() throws JMSRuntimeException {
        checkOpen();
        throw ContainerRules.notPermittedRuntime("JMSConsumer.getMessageListener");
    }

    @Override
    public String getMessageSelector() {
        return physical().getMessageSelector();
    }

    @Override
    public Message receive() {
        return physical().receive();
    }

    @Override
    public Message receive(final long timeout) {
        return physical().receive(timeout);
    }

    @Override
    public <T> T receiveBody(final Class<T> type) {
        return physical().receiveBody(type);
    }

    @Override
    public <T> T receiveBody(final Class<T> type, final long timeout) {
        return physical().receiveBody(type, timeout);
    }

    @Override
    public <T> T receiveBodyNoWait(final Class<T> type) {
        return physical().receiveBodyNoWait(type);
    }

    @Override
    public Message receiveNoWait() {
        return physical().receiveNoWait();
    }

    @Override
    public void setMessageListener(final MessageListener listener) throws JMSRuntimeException {
        checkOpen();
        throw ContainerRules.notPermittedRuntime("JMSConsumer.setMessageListener");
    }

    @Override
    IllegalStateRuntimeException closedFailure(final String kind) {
        return ContainerRules.closedRuntime(kind);
    }

    @Override
    void closePhysical() {
        physicalUnchecked().close();
    }
}
