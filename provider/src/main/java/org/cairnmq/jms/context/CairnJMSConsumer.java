package org.cairnmq.jms.context;

import static org.cairnmq.jms.context.Unchecked.call;
import static org.cairnmq.jms.context.Unchecked.run;

import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.cairnmq.jms.connection.CairnMessageConsumer;

/**
 * The simplified API's {@link JMSConsumer}: a {@link CairnMessageConsumer} with unchecked exceptions.
 * {@code receiveBody} follows the specification's rules for a body that cannot be given as the asked
 * type ({@link CairnMessageConsumer#receiveBody(Class, long)}).
 *
 * <p>Thread safety: the context's thread of control; {@link #close()} may come from any thread.
 */
final class CairnJMSConsumer implements JMSConsumer {

    private final CairnMessageConsumer consumer;

    CairnJMSConsumer(final CairnMessageConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        return call(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        return call(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(final MessageListener listener) {
        run(() -> consumer.setMessageListener(listener));
    }

    @Override
    public Message receive() {
        return call(consumer::receive);
    }

    @Override
    public Message receive(final long timeoutMs) {
        return call(() -> consumer.receive(timeoutMs));
    }

    @Override
    public Message receiveNoWait() {
        return call(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        run(consumer::close);
    }

    @Override
    public <T> T receiveBody(final Class<T> type) {
        return call(() -> consumer.receiveBody(type, 0));
    }

    @Override
    public <T> T receiveBody(final Class<T> type, final long timeoutMs) {
        return call(() -> consumer.receiveBody(type, timeoutMs));
    }

    @Override
    public <T> T receiveBodyNoWait(final Class<T> type) {
        return call(() -> consumer.receiveBodyNoWait(type));
    }
}
