package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cairnmq.jms.it.JmsTestMessages.QUIET_MS;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.jms.it.JmsTestMessages.numbered;
import static org.cairnmq.jms.it.JmsTestMessages.sendPersistent;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * Dead-lettering through JMS only: a poison message goes to the dead-letter queue after the
 * configured delivery attempts, with its origin and reason, while the messages behind it are
 * delivered; redelivery waits the configured delay, growing by the multiplier up to the cap; a
 * policy pattern applies to the destinations it matches only.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DeadLetterIT {

    private static final int MAX_ATTEMPTS = 3;

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private String startBroker(final Map<String, String> properties, final String... urlOptions) {
        final Map<String, String> all = new HashMap<>(properties);
        all.put("broker.dataDirectory", dataDirectory.resolve("broker").toString());
        final BrokerConfig config = BrokerConfig.fromProperties(all);
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder.brokerConfig(config));
        return BrokerFixture.urlOf(broker, urlOptions);
    }

    @Test
    void shouldDeadLetterAPoisonMessageRolledBackEveryTimeWhileTheMessagesBehindItAreDelivered()
        throws JMSException {
        assertPoisonRolledBackEveryTimeIsDeadLetteredAndTheOthersDelivered();
    }

    @Test
    void shouldDeadLetterAPoisonMessageRolledBackEveryTimeByAConsumerThatPrefetchesNothing() throws JMSException {
        assertPoisonRolledBackEveryTimeIsDeadLetteredAndTheOthersDelivered("prefetch=0");
    }

    private void assertPoisonRolledBackEveryTimeIsDeadLetteredAndTheOthersDelivered(final String... urlOptions)
        throws JMSException {
        final String url = startBroker(Map.of("broker.redelivery.poison.*.maxDeliveryAttempts", "" + MAX_ATTEMPTS),
            urlOptions);
        final Connection connection = brokers.connect(url);
        final Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        final Queue queue = session.createQueue("poison.orders");
        sendPersistent(session, session.createProducer(queue), "poison", "m0", "m1", "m2", "m3", "m4");
        session.commit();
        final MessageConsumer consumer = session.createConsumer(queue);

        final List<String> committed = new ArrayList<>();
        final List<Integer> poisonDeliveryCounts = new ArrayList<>();
        final List<String> deliveries = new ArrayList<>();
        Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
        while (message != null) {
            final String text = ((TextMessage) message).getText();
            deliveries.add(describe(message));
            if (text.equals("poison")) {
                poisonDeliveryCounts.add(message.getIntProperty("JMSXDeliveryCount"));
                session.rollback();
            } else {
                committed.add(text);
                session.commit();
            }
            message = consumer.receive(QUIET_MS * 2);
        }

        assertThat(committed).as("the messages behind the poison message; deliveries %s", deliveries)
            .containsExactly("m0", "m1", "m2", "m3",
            "m4");
        assertThat(poisonDeliveryCounts).containsExactly(1, 2, 3);
        final List<Message> deadLettered = drainDeadLetters(session, DeliveryConfig.DEFAULT_DEAD_LETTER_QUEUE);
        session.commit();
        assertThat(deadLettered).hasSize(1);
        assertDeadLettered(deadLettered.get(0), "poison", "poison.orders", MAX_ATTEMPTS);
    }

    @Test
    void shouldDeadLetterAPoisonMessageThatAListenerRecoversEveryTimeWhileTheOthersAreDelivered()
        throws JMSException {
        final String url = startBroker(Map.of("broker.redelivery.poison.*.maxDeliveryAttempts", "" + MAX_ATTEMPTS,
            "broker.deadLetterQueue", "dead.custom"));
        final Connection connection = brokers.connect(url);
        final Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        final Queue queue = session.createQueue("poison.listener");
        final Session producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final List<String> acknowledged = new CopyOnWriteArrayList<>();
        final List<String> poisonDeliveries = new CopyOnWriteArrayList<>();
        final List<String> log = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            try {
                final String text = ((TextMessage) message).getText();
                if (text.equals("poison")) {
                    poisonDeliveries.add(text + "#" + message.getIntProperty("JMSXDeliveryCount"));
                    log.add(describe(message));
                    session.recover();
                } else {
                    log.add(describe(message));
                    message.acknowledge();
                    acknowledged.add(text);
                }
            } catch (final JMSException e) {
                throw new IllegalStateException(e);
            }
        });

        sendPersistent(producerSession, producerSession.createProducer(queue), "poison", "m0", "m1", "m2");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
            .until(() -> acknowledged.size() >= 3);
        assertThat(acknowledged).as("deliveries %s", log).containsExactly("m0", "m1", "m2");
        final Message deadLettered = producerSession.createConsumer(producerSession.createQueue("dead.custom"))
            .receive(RECEIVE_TIMEOUT_MS);
        assertThat(deadLettered).as("the poison message on the configured dead-letter queue").isNotNull();
        assertDeadLettered(deadLettered, "poison", "poison.listener", MAX_ATTEMPTS);
        assertThat(poisonDeliveries).containsExactly("poison#1", "poison#2", "poison#3");
    }

    @Test
    void shouldWaitTheRedeliveryDelayGrowingByTheMultiplierUpToTheCap() throws JMSException {
        final String url = startBroker(Map.of(
            "broker.redelivery.slow.*.delayMs", "300",
            "broker.redelivery.slow.*.multiplier", "2",
            "broker.redelivery.slow.*.maxDelayMs", "1000",
            "broker.redelivery.slow.*.maxDeliveryAttempts", "4"));
        final Session session = brokers.connect(url).createSession(true, Session.SESSION_TRANSACTED);
        final Queue queue = session.createQueue("slow.payments");
        sendPersistent(session, session.createProducer(queue), "flaky");
        session.commit();
        final MessageConsumer consumer = session.createConsumer(queue);
        final long[] expectedDelaysMs = {300, 600, 1_000};

        Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
        for (int attempt = 1; attempt <= expectedDelaysMs.length; attempt++) {
            assertThat(message).as("delivery %d", attempt).isNotNull();
            assertThat(message.getIntProperty("JMSXDeliveryCount")).isEqualTo(attempt);
            final long rolledBackAtMs = System.currentTimeMillis();
            session.rollback();
            message = consumer.receive(RECEIVE_TIMEOUT_MS + expectedDelaysMs[attempt - 1]);
            final long receivedAtMs = System.currentTimeMillis();
            assertThat(message).as("delivery %d", attempt + 1).isNotNull();
            assertThat(receivedAtMs - rolledBackAtMs).as("wait before delivery %d", attempt + 1)
                .isGreaterThanOrEqualTo(expectedDelaysMs[attempt - 1]);
        }
        assertThat(message.getIntProperty("JMSXDeliveryCount")).isEqualTo(4);
        session.rollback();

        assertThat(consumer.receive(QUIET_MS + 1_000)).as("no fifth delivery").isNull();
        final List<Message> deadLettered = drainDeadLetters(session, DeliveryConfig.DEFAULT_DEAD_LETTER_QUEUE);
        session.commit();
        assertThat(deadLettered).hasSize(1);
        assertDeadLettered(deadLettered.get(0), "flaky", "slow.payments", 4);
    }

    @Test
    void shouldApplyAWildcardPolicyOnlyToTheDestinationsItMatches() throws JMSException {
        final String url = startBroker(Map.of("broker.redelivery.poison.*.maxDeliveryAttempts", "2"));
        final Session session = brokers.connect(url).createSession(true, Session.SESSION_TRANSACTED);
        final Queue matching = session.createQueue("poison.eu.orders");
        final Queue unmatched = session.createQueue("poisonous.orders");
        sendPersistent(session, session.createProducer(matching), "matched");
        sendPersistent(session, session.createProducer(unmatched), "unmatched");
        session.commit();

        final List<Integer> matchedCounts = rollBackEveryDelivery(session, session.createConsumer(matching), 5);
        final List<Integer> unmatchedCounts = rollBackEveryDelivery(session, session.createConsumer(unmatched), 5);

        assertThat(matchedCounts).as("poison.* allows 2 deliveries").containsExactly(1, 2);
        assertThat(unmatchedCounts).as("the default allows 10, more than this test takes")
            .containsExactly(1, 2, 3, 4, 5);
        final List<Message> deadLettered = drainDeadLetters(session, DeliveryConfig.DEFAULT_DEAD_LETTER_QUEUE);
        session.commit();
        assertThat(deadLettered).hasSize(1);
        assertDeadLettered(deadLettered.get(0), "matched", "poison.eu.orders", 2);
    }

    /** Receives and rolls back until nothing comes or {@code limit} deliveries; returns their counts. */
    private static List<Integer> rollBackEveryDelivery(final Session session, final MessageConsumer consumer,
                                                       final int limit) throws JMSException {
        final List<Integer> counts = new ArrayList<>();
        Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
        while (message != null) {
            counts.add(message.getIntProperty("JMSXDeliveryCount"));
            session.rollback();
            message = counts.size() < limit ? consumer.receive(QUIET_MS * 2) : null;
        }
        consumer.close();
        return counts;
    }

    /** {@code text#deliveryCount}, with {@code (redelivered)} when flagged, for failure messages. */
    private static String describe(final Message message) throws JMSException {
        return ((TextMessage) message).getText() + "#" + message.getIntProperty("JMSXDeliveryCount")
            + (message.getJMSRedelivered() ? "(redelivered)" : "");
    }

    private static List<Message> drainDeadLetters(final Session session, final String queueName)
        throws JMSException {
        final MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
        final List<Message> messages = JmsTestMessages.drain(consumer, 20);
        consumer.close();
        return messages;
    }

    private static void assertDeadLettered(final Message message, final String text, final String origin,
                                           final int attempts) throws JMSException {
        assertThat(((TextMessage) message).getText()).isEqualTo(text);
        assertThat(message.getStringProperty("id")).isEqualTo(text);
        assertThat(message.getStringProperty(SubscriptionHeaders.ORIGINAL_DESTINATION)).isEqualTo(origin);
        assertThat(message.getStringProperty(SubscriptionHeaders.ORIGINAL_DESTINATION_KIND)).isEqualTo("QUEUE");
        assertThat(message.getStringProperty(SubscriptionHeaders.DEAD_LETTER_REASON))
            .isEqualTo(SubscriptionHeaders.REASON_MAX_DELIVERIES);
        assertThat(message.getIntProperty(SubscriptionHeaders.DELIVERY_ATTEMPTS)).isEqualTo(attempts);
    }
}
