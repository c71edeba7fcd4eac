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
final class JMSConsumerHandle implements JMSConsumer, ChildHandle {

    private static final System.Logger LOG = System.getLogger(JMSConsumerHandle.class.getName());

    private final ChildOwner owner;
    private final JMSConsumer physical;
    private volatile boolean closed;

    JMSConsumerHandle(final ChildOwner owner, final JMSConsumer physical) {
        this.owner = owner;
        this.physical = physical;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            owner.untrack(this);
            physical.close();
        }
    }

    @Override
    public MessageListener getMessageListener() throws JMSRuntimeException {
        checkOpen();
        throw ContainerRules.notPermittedRuntime("JMSConsumer.getMessageListener");
    }

    @Override
    public String getMessageSelector() {
        checkOpen();
        return physical().getMessageSelector();
    }

    @Override
    public Message receive() {
        checkOpen();
        return physical().receive();
    }

    @Override
    public Message receive(final long timeout) {
        checkOpen();
        return physical().receive(timeout);
    }

    @Override
    public <T> T receiveBody(final Class<T> type) {
        checkOpen();
        return physical().receiveBody(type);
    }

    @Override
    public <T> T receiveBody(final Class<T> type, final long timeout) {
        checkOpen();
        return physical().receiveBody(type, timeout);
    }

    @Override
    public <T> T receiveBodyNoWait(final Class<T> type) {
        checkOpen();
        return physical().receiveBodyNoWait(type);
    }

    @Override
    public Message receiveNoWait() {
        checkOpen();
        return physical().receiveNoWait();
    }

    @Override
    public void setMessageListener(final MessageListener listener) throws JMSRuntimeException {
        checkOpen();
        throw ContainerRules.notPermittedRuntime("JMSConsumer.setMessageListener");
    }


    private JMSConsumer physical() {
        checkOpen();
        return physical;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateRuntimeException("CAIRN-RA301 the consumer is closed", "CAIRN-RA301");
        }
    }

    @Override
    public void closeQuietly() {
        closed = true;
        try {
            physical.close();
        } catch (final JMSRuntimeException failure) {
            LOG.log(System.Logger.Level.DEBUG, "closing a consumer failed", failure);
        }
    }
}
