package org.cairnmq.jms.it;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;

/** Small JMS helpers of the integration tests: sending numbered texts and draining a consumer. */
final class JmsTestMessages {

    /** How long a receive waits for a message that must come. */
    static final long RECEIVE_TIMEOUT_MS = 5_000;
    /** How long a receive waits before concluding that nothing more comes. */
    static final long QUIET_MS = 700;

    private JmsTestMessages() {
    }

    /**
     * Sends text messages, each also carrying its text as the string property {@code id}.
     *
     * @param session the session
     * @param producer the producer
     * @param deliveryMode PERSISTENT or NON_PERSISTENT
     * @param texts the texts
     * @throws JMSException if a send fails
     */
    static void send(final Session session, final MessageProducer producer, final int deliveryMode,
                     final List<String> texts) throws JMSException {
        for (final String text : texts) {
            final TextMessage message = session.createTextMessage(text);
            message.setStringProperty("id", text);
            producer.send(message, deliveryMode, Message.DEFAULT_PRIORITY, Message.DEFAULT_TIME_TO_LIVE);
        }
    }

    /**
     * Sends persistent text messages.
     *
     * @param session the session
     * @param producer the producer
     * @param texts the texts
     * @throws JMSException if a send fails
     */
    static void sendPersistent(final Session session, final MessageProducer producer, final String... texts)
        throws JMSException {
        send(session, producer, DeliveryMode.PERSISTENT, List.of(texts));
    }

    /**
     * Receives until nothing arrives for {@link #QUIET_MS}, after waiting up to
     * {@link #RECEIVE_TIMEOUT_MS} for the first message.
     *
     * @param consumer the consumer
     * @param limit the most messages to take, a bound on a broker that redelivers forever
     * @return the messages in arrival order
     * @throws JMSException if a receive fails
     */
    static List<Message> drain(final MessageConsumer consumer, final int limit) throws JMSException {
        final List<Message> received = new ArrayList<>();
        Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
        while (message != null && received.size() < limit) {
            received.add(message);
            message = received.size() < limit ? consumer.receive(QUIET_MS) : null;
        }
        return received;
    }

    /**
     * @param messages text messages
     * @return their texts
     * @throws JMSException if a text cannot be read
     */
    static List<String> texts(final List<Message> messages) throws JMSException {
        final List<String> texts = new ArrayList<>();
        for (final Message message : messages) {
            texts.add(((TextMessage) message).getText());
        }
        return texts;
    }

    /**
     * @param prefix the common prefix
     * @param count how many
     * @return {@code prefix0 .. prefix(count-1)}
     */
    static List<String> numbered(final String prefix, final int count) {
        final List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(prefix + i);
        }
        return texts;
    }
}
