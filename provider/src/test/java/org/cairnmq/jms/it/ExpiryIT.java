package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cairnmq.jms.it.JmsTestMessages.QUIET_MS;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.jms.it.JmsTestMessages.drain;
import static org.cairnmq.jms.it.JmsTestMessages.texts;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.codec.SubscriptionHeaders;
import org.cairnmq.server.CairnBroker;
import org.cairnmq.server.broker.BrokerConfig;
import org.cairnmq.server.broker.DeliveryConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expiry through JMS only: a message whose time to live ran out before it was consumed is never
 * delivered and lands on the expiry queue (the default one or a configured one) carrying where it
 * came from; an unexpired message is delivered.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExpiryIT {

    private static final long SHORT_TTL_MS = 300;
    private static final long LONG_TTL_MS = 120_000;

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    @Test
    void shouldMoveAQueueMessageThatExpiredBeforeConsumptionToTheDefaultExpiryQueue() throws JMSException {
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder);
        final Session session = brokers.connect(BrokerFixture.urlOf(broker)).createSession(false,
            Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("expiry.orders");
        final TextMessage shortLived = send(session, queue, "short-lived", SHORT_TTL_MS);
        send(session, queue, "long-lived", LONG_TTL_MS);
        send(session, queue, "immortal", Message.DEFAULT_TIME_TO_LIVE);
        awaitPast(shortLived.getJMSExpiration());

        assertThat(texts(drain(session.createConsumer(queue), 10))).containsExactly("long-lived", "immortal");

        final Message expired = session.createConsumer(session.createQueue(DeliveryConfig.DEFAULT_EXPIRY_QUEUE))
            .receive(RECEIVE_TIMEOUT_MS);
        assertThat(expired).as("the expired message on ExpiryQueue").isNotNull();
        assertThat(((TextMessage) expired).getText()).isEqualTo("short-lived");
        assertThat(expired.getJMSMessageID()).isEqualTo(shortLived.getJMSMessageID());
        assertThat(expired.getJMSExpiration()).as("the copy itself never expires").isZero();
        assertThat(expired.getStringProperty(SubscriptionHeaders.ORIGINAL_DESTINATION)).isEqualTo("expiry.orders");
        assertThat(expired.getStringProperty(SubscriptionHeaders.ORIGINAL_DESTINATION_KIND)).isEqualTo("QUEUE");
        assertThat(expired.getStringProperty(SubscriptionHeaders.DEAD_LETTER_REASON))
            .isEqualTo(SubscriptionHeaders.REASON_EXPIRED);
        assertThat(expired.getLongProperty(SubscriptionHeaders.ORIGINAL_EXPIRATION))
            .isEqualTo(shortLived.getJMSExpiration());
        assertThat(expired.propertyExists(SubscriptionHeaders.ORIGINAL_SUBSCRIPTION)).as("none for a queue").isFalse();
        assertThat(expired.getStringProperty("id")).as("the application's properties are kept").isEqualTo("short-lived");
    }

    @Test
    void shouldMoveATopicMessageThatExpiredForADurableSubscriptionToTheConfiguredExpiryQueue() throws JMSException {
        final BrokerConfig config = BrokerConfig.fromProperties(Map.of(
            "broker.dataDirectory", dataDirectory.resolve("broker").toString(),
            "broker.expiryQueue", "expired.custom"));
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder.brokerConfig(config));
        final Connection connection = brokers.connect(BrokerFixture.urlOf(broker, "clientId=expiry-client"));
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Topic topic = session.createTopic("expiry.news");
        session.createDurableConsumer(topic, "reader").close();
        final TextMessage shortLived = send(session, topic, "stale news", SHORT_TTL_MS);
        send(session, topic, "fresh news", LONG_TTL_MS);
        awaitPast(shortLived.getJMSExpiration());

        final MessageConsumer subscriber = session.createDurableConsumer(topic, "reader");
        assertThat(texts(drain(subscriber, 10))).containsExactly("fresh news");

        final Message expired = session.createConsumer(session.createQueue("expired.custom"))
            .receive(RECEIVE_TIMEOUT_MS);
        assertThat(expired).as("the expired message on the configured expiry queue").isNotNull();
        assertThat(((TextMessage) expired).getText()).isEqualTo("stale news");
        assertThat(expired.getStringProperty(SubscriptionHeaders.ORIGINAL_DESTINATION)).isEqualTo("expiry.news");
        assertThat(expired.getStringProperty(SubscriptionHeaders.ORIGINAL_DESTINATION_KIND)).isEqualTo("TOPIC");
        assertThat(expired.getStringProperty(SubscriptionHeaders.ORIGINAL_SUBSCRIPTION)).isNotEmpty();
        assertThat(expired.getStringProperty(SubscriptionHeaders.DEAD_LETTER_REASON))
            .isEqualTo(SubscriptionHeaders.REASON_EXPIRED);
        final MessageConsumer defaultExpiry = session.createConsumer(
            session.createQueue(DeliveryConfig.DEFAULT_EXPIRY_QUEUE));
        assertThat(defaultExpiry.receive(QUIET_MS)).as("nothing on the default expiry queue").isNull();
    }

    @Test
    void shouldNeverDeliverAMessageThatExpiredWhileAConsumerWasWaiting() throws JMSException {
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder);
        final Session session = brokers.connect(BrokerFixture.urlOf(broker)).createSession(false,
            Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("expiry.delayed");
        final MessageConsumer consumer = session.createConsumer(queue);
        final MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(600);
        producer.setTimeToLive(SHORT_TTL_MS);
        final TextMessage unreachable = session.createTextMessage("due after it expires");
        producer.send(unreachable);

        assertThat(consumer.receive(600 + RECEIVE_TIMEOUT_MS / 5)).as("expired before it was due").isNull();

        final Message expired = session.createConsumer(session.createQueue(DeliveryConfig.DEFAULT_EXPIRY_QUEUE))
            .receive(RECEIVE_TIMEOUT_MS);
        assertThat(expired).isNotNull();
        assertThat(expired.getJMSMessageID()).isEqualTo(unreachable.getJMSMessageID());
    }

    private static TextMessage send(final Session session, final Destination destination, final String text,
                                    final long timeToLiveMs) throws JMSException {
        final MessageProducer producer = session.createProducer(destination);
        final TextMessage message = session.createTextMessage(text);
        message.setStringProperty("id", text);
        producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, timeToLiveMs);
        producer.close();
        return message;
    }

    private static void awaitPast(final long expirationMs) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
            .until(() -> System.currentTimeMillis() > expirationMs + 50);
    }
}
