package org.cairnmq.tck.conformance;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cairnmq.jms.CairnConnectionFactory;

/**
 * What every conformance test uses: connection factories for the shared broker, unique names and
 * the receive timeouts.
 */
final class Conformance {

    /** How long a test waits for a message it expects. */
    static final long RECEIVE_TIMEOUT_MS = 10_000;

    /** How long a test waits to be satisfied that a message does not come. */
    static final long ABSENT_TIMEOUT_MS = 500;

    /** The same, for Awaitility. */
    static final Duration AWAIT_TIMEOUT = Duration.ofMillis(RECEIVE_TIMEOUT_MS);

    private static final AtomicLong NAMES = new AtomicLong();

    private Conformance() {
    }

    /**
     * @return a factory for the shared broker
     */
    static ConnectionFactory factory() {
        return new CairnConnectionFactory(ConformanceBroker.url());
    }

    /**
     * @param clientId the client id every connection of the factory gets
     * @return a factory for the shared broker with an administratively configured client id
     */
    static ConnectionFactory factoryWithClientId(final String clientId) {
        return new CairnConnectionFactory(ConformanceBroker.url() + "?clientId=" + clientId);
    }

    /**
     * @param prefix what the name is about
     * @return a name no other test uses: destination, subscription or client id
     */
    static String unique(final String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    /**
     * Receives every message that arrives until none comes for {@link #ABSENT_TIMEOUT_MS}.
     *
     * @param consumer the consumer
     * @return the messages, in order
     * @throws JMSException if receiving fails
     */
    static List<Message> drain(final MessageConsumer consumer) throws JMSException {
        final List<Message> messages = new ArrayList<>();
        for (Message message = consumer.receive(ABSENT_TIMEOUT_MS); message != null;
             message = consumer.receive(ABSENT_TIMEOUT_MS)) {
            messages.add(message);
        }
        return messages;
    }

    /**
     * Receives every message that arrives until none comes for {@link #ABSENT_TIMEOUT_MS}.
     *
     * @param consumer the consumer
     * @return the messages, in order
     */
    static List<Message> drain(final JMSConsumer consumer) {
        final List<Message> messages = new ArrayList<>();
        for (Message message = consumer.receive(ABSENT_TIMEOUT_MS); message != null;
             message = consumer.receive(ABSENT_TIMEOUT_MS)) {
            messages.add(message);
        }
        return messages;
    }

    /**
     * @param messages received text messages
     * @return their bodies
     * @throws JMSException if a body cannot be read
     */
    static List<String> texts(final List<Message> messages) throws JMSException {
        final List<String> texts = new ArrayList<>();
        for (final Message message : messages) {
            texts.add(message.getBody(String.class));
        }
        return texts;
    }

    /**
     * Reads a text body where a checked exception cannot be thrown, in a listener.
     *
     * @param message a text message
     * @return its body
     */
    static String text(final Message message) {
        try {
            return message.getBody(String.class);
        } catch (final JMSException e) {
            throw new jakarta.jms.JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    /**
     * @param enumeration an enumeration from the JMS API, raw or not
     * @return its elements
     */
    static List<Object> list(final java.util.Enumeration<?> enumeration) {
        final List<Object> elements = new ArrayList<>();
        while (enumeration.hasMoreElements()) {
            elements.add(enumeration.nextElement());
        }
        return elements;
    }
}
