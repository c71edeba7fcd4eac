package org.cairnmq.jms.context;

import static org.cairnmq.jms.context.Unchecked.call;
import static org.cairnmq.jms.context.Unchecked.run;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
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
import java.io.Serializable;
import org.cairnmq.jms.connection.CairnSession;

/**
 * The methods of a {@link JMSContext} that only hand the call to its session, with unchecked exceptions:
 * the message factories, the session's transaction and acknowledgement, browsers and destinations.
 *
 * <p>Design note: as {@code SessionFactoryMethods} does for the session, this base class holds the thin
 * delegations so that {@link CairnJMSContext} keeps only the context's state, lifecycle, connection and
 * consumers.
 *
 * <p>Thread safety: as the context, one thread of control.
 */
abstract class ContextSessionMethods implements JMSContext {

    /**
     * Returns the context's session, created on first use.
     *
     * @return the session
     * @throws jakarta.jms.IllegalStateRuntimeException if the context is closed
     */
    abstract CairnSession session();

    // ---- messages

    @Override
    public BytesMessage createBytesMessage() {
        return call(session()::createBytesMessage);
    }

    @Override
    public MapMessage createMapMessage() {
        return call(session()::createMapMessage);
    }

    @Override
    public Message createMessage() {
        return call(session()::createMessage);
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return call(session()::createObjectMessage);
    }

    @Override
    public ObjectMessage createObjectMessage(final Serializable object) {
        return call(() -> session().createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return call(session()::createStreamMessage);
    }

    @Override
    public TextMessage createTextMessage() {
        return call(session()::createTextMessage);
    }

    @Override
    public TextMessage createTextMessage(final String text) {
        return call(() -> session().createTextMessage(text));
    }

    // ---- the session

    @Override
    public void commit() {
        run(session()::commit);
    }

    @Override
    public void rollback() {
        run(session()::rollback);
    }

    @Override
    public void recover() {
        run(session()::recover);
    }

    @Override
    public void acknowledge() {
        run(session()::acknowledge);
    }

    @Override
    public void unsubscribe(final String name) {
        run(() -> session().unsubscribe(name));
    }

    // ---- browsers and destinations

    @Override
    public QueueBrowser createBrowser(final Queue queue) {
        return call(() -> session().createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(final Queue queue, final String messageSelector) {
        return call(() -> session().createBrowser(queue, messageSelector));
    }

    @Override
    public Queue createQueue(final String queueName) {
        return call(() -> session().createQueue(queueName));
    }

    @Override
    public Topic createTopic(final String topicName) {
        return call(() -> session().createTopic(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return call(session()::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return call(session()::createTemporaryTopic);
    }
}
