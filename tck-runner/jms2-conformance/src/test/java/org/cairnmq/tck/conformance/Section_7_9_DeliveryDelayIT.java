package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.tck.conformance.Conformance.ABSENT_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.unique;

import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("7.9 Message delivery delay and 3.4.13 JMSDeliveryTime")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_7_9_DeliveryDelayIT {

    private static final long DELAY_MS = 1_500;

    @Test
    @DisplayName("7.9 a producer's delivery delay is 0 by default and is what setDeliveryDelay set")
    void shouldDefaultTheDeliveryDelayToZeroAndKeepWhatIsSet() throws Exception {
        try (Connection connection = factory().createConnection(); JMSContext context = factory().createContext()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(null);
            final JMSProducer jmsProducer = context.createProducer();
            assertThat(producer.getDeliveryDelay()).isZero();
            assertThat(jmsProducer.getDeliveryDelay()).isZero();

            producer.setDeliveryDelay(DELAY_MS);
            jmsProducer.setDeliveryDelay(DELAY_MS);

            assertThat(producer.getDeliveryDelay()).isEqualTo(DELAY_MS);
            assertThat(jmsProducer.getDeliveryDelay()).isEqualTo(DELAY_MS);
        }
    }

    @Test
    @DisplayName("3.4.13 on return from send, JMSDeliveryTime is the send time plus the delivery delay")
    void shouldSetJmsDeliveryTimeToSendTimePlusDelay() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(unique("delay-time")));
            producer.setDeliveryDelay(DELAY_MS);
            final Message message = session.createMessage();
            final long before = System.currentTimeMillis();

            producer.send(message);

            final long after = System.currentTimeMillis();
            assertThat(message.getJMSDeliveryTime()).isBetween(before + DELAY_MS, after + DELAY_MS);
        }
    }

    @Test
    @DisplayName("3.4.13 without a delivery delay, JMSDeliveryTime is the send time")
    void shouldSetJmsDeliveryTimeToSendTimeWithoutDelay() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(unique("delay-zero")));
            final Message message = session.createMessage();
            final long before = System.currentTimeMillis();

            producer.send(message);

            assertThat(message.getJMSDeliveryTime()).isBetween(before, System.currentTimeMillis());
        }
    }

    @Test
    @DisplayName("7.9 a queue consumer does not receive a delayed message before its delivery time, then does")
    void shouldNotDeliverFromAQueueBeforeTheDeliveryTime() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Queue queue = session.createQueue(unique("delay-queue"));
            final MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            final MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryDelay(DELAY_MS);
            final TextMessage sent = session.createTextMessage("later");
            producer.send(sent);

            assertThat(consumer.receive(ABSENT_TIMEOUT_MS)).isNull();
            final Message received = consumer.receive(RECEIVE_TIMEOUT_MS);
            final long receivedAt = System.currentTimeMillis();

            assertThat(received).isNotNull();
            assertThat(receivedAt).isGreaterThanOrEqualTo(sent.getJMSDeliveryTime());
            assertThat(received.getJMSDeliveryTime()).isEqualTo(sent.getJMSDeliveryTime());
        }
    }

    @Test
    @DisplayName("7.9 a message without delay sent after a delayed one is delivered first")
    void shouldDeliverAnUndelayedMessageAheadOfAnEarlierDelayedOne() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("delay-overtake"));
            final JMSConsumer consumer = context.createConsumer(queue);
            context.createProducer().setDeliveryDelay(DELAY_MS).send(queue, "delayed");
            context.createProducer().send(queue, "now");

            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("now");
            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("delayed");
        }
    }

    @Test
    @DisplayName("7.9 JMSProducer.setDeliveryDelay delays delivery to a topic subscriber")
    void shouldNotDeliverToATopicSubscriberBeforeTheDeliveryTime() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Topic topic = context.createTopic(unique("delay-topic"));
            final JMSConsumer subscriber = context.createConsumer(topic);
            final long before = System.currentTimeMillis();
            context.createProducer().setDeliveryDelay(DELAY_MS).send(topic, "later");

            assertThat(subscriber.receive(ABSENT_TIMEOUT_MS)).isNull();
            final Message received = subscriber.receive(RECEIVE_TIMEOUT_MS);

            assertThat(received).isNotNull();
            assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(before + DELAY_MS);
            assertThat(received.getJMSDeliveryTime()).isGreaterThanOrEqualTo(before + DELAY_MS);
        }
    }

    @Test
    @DisplayName("7.9 a delayed topic message goes only to subscriptions that existed when it was sent")
    void shouldNotAddADelayedMessageToASubscriptionCreatedAfterTheSend() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Topic topic = context.createTopic(unique("delay-late-sub"));
            final JMSConsumer early = context.createConsumer(topic);
            context.createProducer().setDeliveryDelay(DELAY_MS).send(topic, "delayed");
            final JMSConsumer late = context.createConsumer(topic);

            assertThat(early.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("delayed");
            assertThat(late.receive(ABSENT_TIMEOUT_MS)).isNull();
        }
    }

    @Test
    @DisplayName("4.1.6 a QueueBrowser does not return a message before its delivery time")
    void shouldNotBrowseAMessageBeforeItsDeliveryTime() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Queue queue = session.createQueue(unique("delay-browse"));
            final MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryDelay(60_000);
            producer.send(session.createTextMessage("much later"));
            producer.setDeliveryDelay(0);
            producer.send(session.createTextMessage("now"));
            connection.start();
            final MessageConsumer consumer = session.createConsumer(queue);
            assertThat(consumer.receive(RECEIVE_TIMEOUT_MS)).isNotNull();
            consumer.close();

            final QueueBrowser browser = session.createBrowser(queue);

            assertThat(Conformance.list(browser.getEnumeration())).isEmpty();
        }
    }

    @Test
    @DisplayName("7.9 in a transacted session the delivery time counts from the send, not from the commit")
    void shouldCountTheDeliveryDelayFromTheSendInATransaction() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.SESSION_TRANSACTED);
            final Queue queue = session.createQueue(unique("delay-tx"));
            final MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryDelay(DELAY_MS);
            final long before = System.currentTimeMillis();
            final Message message = session.createMessage();
            producer.send(message);
            final long sentBy = System.currentTimeMillis();
            final Session reader = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageConsumer consumer = reader.createConsumer(queue);
            connection.start();
            assertThat(consumer.receive(ABSENT_TIMEOUT_MS)).isNull();

            session.commit();

            assertThat(message.getJMSDeliveryTime()).isBetween(before + DELAY_MS, sentBy + DELAY_MS);
            final Message received = consumer.receive(RECEIVE_TIMEOUT_MS);
            assertThat(received).isNotNull();
            assertThat(received.getJMSDeliveryTime()).isEqualTo(message.getJMSDeliveryTime());
        }
    }
}
