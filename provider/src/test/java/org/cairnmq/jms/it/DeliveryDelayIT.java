package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.jms.it.JmsTestMessages.QUIET_MS;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;

import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cairnmq.jms.CairnConnectionFactory;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery delay through JMS only: a delayed message is not received before its JMSDeliveryTime and
 * is received after it, on a queue and on topic subscriptions, through the classic producer and
 * {@code JMSProducer}, and across a clean broker restart while it is pending.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeliveryDelayIT {

    private static final long DELAY_MS = 1_500;
    /** Long enough that a broker restart (well under a second here) ends before the message is due. */
    private static final long RESTART_DELAY_MS = 4_000;

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private CairnBroker start() {
        return brokers.start(dataDirectory, builder -> builder);
    }

    @Test
    void shouldHoldADelayedQueueMessageUntilItsDeliveryTimeWhileLaterMessagesPass() throws JMSException {
        final CairnBroker broker = start();
        final Session session = brokers.connect(BrokerFixture.urlOf(broker)).createSession(false,
            Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("delay.queue");
        final MessageConsumer consumer = session.createConsumer(queue);
        final MessageProducer delayedProducer = session.createProducer(queue);
        delayedProducer.setDeliveryDelay(DELAY_MS);
        final TextMessage delayed = session.createTextMessage("later");

        delayedProducer.send(delayed);
        session.createProducer(queue).send(session.createTextMessage("now"));

        assertThat(delayed.getJMSDeliveryTime()).isEqualTo(delayed.getJMSTimestamp() + DELAY_MS);
        final Message first = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(((TextMessage) first).getText()).as("the undelayed message passes the delayed one")
            .isEqualTo("now");
        assertNothingBefore(consumer, delayed.getJMSDeliveryTime());
        assertReceivedNotBefore(consumer, "later", delayed.getJMSDeliveryTime());
    }

    @Test
    void shouldHoldADelayedTopicMessageForEverySubscriptionThroughAJmsProducer() throws JMSException {
        final CairnBroker broker = start();
        final JMSContext context = new CairnConnectionFactory(BrokerFixture.urlOf(broker)).createContext();
        brokers.track(context::close);
        context.setClientID("delay-client");
        final Topic topic = context.createTopic("delay.topic");
        final JMSConsumer plain = context.createConsumer(topic);
        final JMSConsumer durable = context.createDurableConsumer(topic, "delay-durable");
        final TextMessage message = context.createTextMessage("later to all");

        context.createProducer().setDeliveryDelay(DELAY_MS).send(topic, message);

        final long deliveryTimeMs = message.getJMSDeliveryTime();
        assertThat(deliveryTimeMs).isEqualTo(message.getJMSTimestamp() + DELAY_MS);
        for (final JMSConsumer consumer : new JMSConsumer[] {plain, durable}) {
            final long quietMs = deliveryTimeMs - System.currentTimeMillis() - 100;
            if (quietMs > 0) {
                assertThat(consumer.receive(quietMs)).as("nothing before the delivery time").isNull();
            }
            final String body = consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS + DELAY_MS);
            final long receivedAtMs = System.currentTimeMillis();
            assertThat(body).isEqualTo("later to all");
            assertThat(receivedAtMs).isGreaterThanOrEqualTo(deliveryTimeMs);
        }
        durable.close();
        context.unsubscribe("delay-durable");
    }

    @Test
    void shouldDeliverADelayedMessagePendingAcrossARestartAtItsTimeAndNotBefore() throws JMSException {
        CairnBroker broker = start();
        final Connection connection = brokers.connect(BrokerFixture.urlOf(broker, "reconnectAttempts=0",
            "clientId=delay-restart"));
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("delay.restart.queue");
        final Topic topic = session.createTopic("delay.restart.topic");
        session.createDurableSubscriber(topic, "pending").close();
        final MessageProducer producer = session.createProducer(null);
        producer.setDeliveryDelay(RESTART_DELAY_MS);
        final TextMessage toQueue = session.createTextMessage("queued for later");
        final TextMessage toTopic = session.createTextMessage("published for later");
        producer.send(queue, toQueue);
        producer.send(topic, toTopic);
        connection.close();

        broker.close();
        broker = start();

        final Connection after = brokers.connect(BrokerFixture.urlOf(broker, "clientId=delay-restart"));
        final Session afterSession = after.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageConsumer queueConsumer = afterSession.createConsumer(queue);
        final MessageConsumer topicConsumer = afterSession.createDurableSubscriber(topic, "pending");
        assertThat(System.currentTimeMillis()).as("the restart ended before the messages were due")
            .isLessThan(toQueue.getJMSDeliveryTime() - 200);
        assertNothingBefore(queueConsumer, toQueue.getJMSDeliveryTime());
        assertReceivedNotBefore(queueConsumer, "queued for later", toQueue.getJMSDeliveryTime());
        assertReceivedNotBefore(topicConsumer, "published for later", toTopic.getJMSDeliveryTime());
        assertThat(queueConsumer.receive(QUIET_MS)).as("delivered once").isNull();
        assertThat(topicConsumer.receive(QUIET_MS)).as("delivered once").isNull();
    }

    /** Receives nothing until shortly before the given time (a margin for clock granularity). */
    private static void assertNothingBefore(final MessageConsumer consumer, final long deliveryTimeMs)
        throws JMSException {
        final long quietMs = deliveryTimeMs - System.currentTimeMillis() - 100;
        if (quietMs > 0) {
            assertThat(consumer.receive(quietMs)).as("nothing before the delivery time").isNull();
        }
    }

    private static void assertReceivedNotBefore(final MessageConsumer consumer, final String text,
                                                final long deliveryTimeMs) throws JMSException {
        final Message message = consumer.receive(RECEIVE_TIMEOUT_MS + DELAY_MS);
        final long receivedAtMs = System.currentTimeMillis();
        assertThat(message).as("'%s' arrives after its delivery time", text).isNotNull();
        assertThat(((TextMessage) message).getText()).isEqualTo(text);
        assertThat(receivedAtMs).as("received at or after JMSDeliveryTime").isGreaterThanOrEqualTo(deliveryTimeMs);
        assertThat(message.getJMSDeliveryTime()).isEqualTo(deliveryTimeMs);
    }
}
