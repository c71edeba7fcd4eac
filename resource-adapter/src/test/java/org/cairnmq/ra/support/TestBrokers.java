package org.cairnmq.ra.support;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cairnmq.jms.CairnConnectionFactory;
import org.cairnmq.server.CairnBroker;
import org.cairnmq.server.broker.BrokerConfig;

/** Starts an embedded broker on 127.0.0.1 with ephemeral ports, and sends and drains with plain JMS. */
public final class TestBrokers {

    private TestBrokers() {
    }

    /**
     * Starts a broker.
     *
     * @param dataDirectory its data directory
     * @param properties {@code broker.*} properties, e.g. redelivery policies
     * @return the running broker
     */
    public static CairnBroker start(final Path dataDirectory, final Map<String, String> properties) {
        final Map<String, String> all = new HashMap<>(properties);
        all.put("broker.dataDirectory", dataDirectory.toString());
        return CairnBroker.builder()
            .dataDirectory(dataDirectory)
            .bindAddress("127.0.0.1")
            .brokerPort(0)
            .nameServerPort(0)
            .store(store -> store.withCommitLogSegmentBytes(1 << 20).withConsumeQueueSegmentEntries(1024)
                .withKeyIndex(1024, 4096))
            .brokerConfig(BrokerConfig.fromProperties(all))
            .start();
    }

    /**
     * Sends text messages to a queue.
     *
     * @param url the provider URL
     * @param queue the queue name
     * @param texts the bodies
     * @throws JMSException if sending fails
     */
    public static void send(final String url, final String queue, final String... texts) throws JMSException {
        try (Connection connection = new CairnConnectionFactory(url).createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(queue));
            for (final String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    /**
     * Publishes text messages to a topic.
     *
     * @param url the provider URL
     * @param topic the topic name
     * @param texts the bodies
     * @throws JMSException if publishing fails
     */
    public static void publish(final String url, final String topic, final String... texts) throws JMSException {
        try (Connection connection = new CairnConnectionFactory(url).createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createTopic(topic));
            for (final String text : texts) {
                producer.send(session.createTextMessage(text));
            }
        }
    }

    /**
     * Receives what a queue holds now, waiting a little for each message.
     *
     * @param url the provider URL
     * @param queue the queue name
     * @param waitMs how long to wait for each next message
     * @return the bodies received
     * @throws JMSException if receiving fails
     */
    public static List<String> drain(final String url, final String queue, final long waitMs) throws JMSException {
        final List<String> texts = new ArrayList<>();
        try (Connection connection = new CairnConnectionFactory(url).createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            Message message = consumer.receive(waitMs);
            while (message != null) {
                texts.add(((TextMessage) message).getText());
                message = consumer.receive(waitMs);
            }
        }
        return texts;
    }
}
