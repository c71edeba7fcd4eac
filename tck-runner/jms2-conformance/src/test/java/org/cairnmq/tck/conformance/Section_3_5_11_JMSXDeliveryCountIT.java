package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.tck.conformance.Conformance.AWAIT_TIMEOUT;
import static org.cairnmq.tck.conformance.Conformance.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.unique;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("3.5.11 JMSXDeliveryCount")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_3_5_11_JMSXDeliveryCountIT {

    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    @Test
    @DisplayName("3.5.11 the first delivery has JMSXDeliveryCount 1 and is not flagged redelivered")
    void shouldCountTheFirstDeliveryAsOne() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("count-first"));
            context.createProducer().send(queue, "first");

            final Message received = context.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS);

            assertThat(received.getIntProperty(DELIVERY_COUNT)).isEqualTo(1);
            assertThat(received.getObjectProperty(DELIVERY_COUNT)).isEqualTo(1);
            assertThat(received.propertyExists(DELIVERY_COUNT)).isTrue();
            assertThat(received.getJMSRedelivered()).isFalse();
        }
    }

    @Test
    @DisplayName("6.2.10 each session recover increments JMSXDeliveryCount and sets JMSRedelivered")
    void shouldIncrementTheCountOnEachRecover() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            final Queue queue = session.createQueue(unique("count-recover"));
            session.createProducer(queue).send(session.createTextMessage("again"));
            final MessageConsumer consumer = session.createConsumer(queue);
            connection.start();

            for (int expected = 1; expected <= 3; expected++) {
                final Message received = consumer.receive(RECEIVE_TIMEOUT_MS);
                assertThat(received).isNotNull();
                assertThat(received.getIntProperty(DELIVERY_COUNT)).isEqualTo(expected);
                assertThat(received.getJMSRedelivered()).isEqualTo(expected > 1);
                session.recover();
            }
        }
    }

    @Test
    @DisplayName("6.2.7 each rollback increments JMSXDeliveryCount of the consumed messages")
    void shouldIncrementTheCountOnEachRollback() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.SESSION_TRANSACTED);
            final Queue queue = session.createQueue(unique("count-rollback"));
            session.createProducer(queue).send(session.createTextMessage("again"));
            session.commit();
            final MessageConsumer consumer = session.createConsumer(queue);
            connection.start();

            for (int expected = 1; expected <= 3; expected++) {
                final Message received = consumer.receive(RECEIVE_TIMEOUT_MS);
                assertThat(received).isNotNull();
                assertThat(received.getIntProperty(DELIVERY_COUNT)).isEqualTo(expected);
                assertThat(received.getJMSRedelivered()).isEqualTo(expected > 1);
                session.rollback();
            }
            assertThat(consumer.receive(RECEIVE_TIMEOUT_MS)).isNotNull();
            session.commit();
        }
    }

    @Test
    @DisplayName("6.2.10 JMSContext.recover increments JMSXDeliveryCount")
    void shouldIncrementTheCountOnContextRecover() throws Exception {
        try (JMSContext context = factory().createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            final Queue queue = context.createQueue(unique("count-ctx-recover"));
            context.createProducer().send(queue, "again");
            final JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receive(RECEIVE_TIMEOUT_MS).getIntProperty(DELIVERY_COUNT)).isEqualTo(1);

            context.recover();

            final Message redelivered = consumer.receive(RECEIVE_TIMEOUT_MS);
            assertThat(redelivered.getIntProperty(DELIVERY_COUNT)).isEqualTo(2);
            assertThat(redelivered.getJMSRedelivered()).isTrue();
            context.acknowledge();
        }
    }

    @Test
    @DisplayName("6.2 a message left unacknowledged by a closed session is redelivered with a count of 2 or more")
    void shouldCountAMessageRedeliveredAfterItsSessionClosed() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session first = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            final Queue queue = first.createQueue(unique("count-session-close"));
            first.createProducer(queue).send(first.createTextMessage("unacked"));
            connection.start();
            assertThat(first.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS)).isNotNull();
            first.close();

            final Session second = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Message redelivered = second.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS);

            assertThat(redelivered).isNotNull();
            assertThat(redelivered.getJMSRedelivered()).isTrue();
            assertThat(redelivered.getIntProperty(DELIVERY_COUNT)).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    @DisplayName("8.7 a listener's RuntimeException in AUTO_ACKNOWLEDGE redelivers the message at once, counted and flagged")
    void shouldRedeliverAfterAListenerThrowsInAutoAcknowledge() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("count-listener"));
            final List<Message> deliveries = new CopyOnWriteArrayList<>();
            context.createConsumer(queue).setMessageListener(message -> {
                deliveries.add(message);
                if (deliveries.size() == 1) {
                    throw new IllegalArgumentException("the listener fails on purpose");
                }
            });

            context.createProducer().send(queue, "fragile");

            await().atMost(AWAIT_TIMEOUT).until(() -> deliveries.size() >= 2);
            assertThat(deliveries.get(0).getIntProperty(DELIVERY_COUNT)).isEqualTo(1);
            assertThat(deliveries.get(1).getIntProperty(DELIVERY_COUNT)).isEqualTo(2);
            assertThat(deliveries.get(1).getJMSRedelivered()).isTrue();
            assertThat(deliveries.get(1).getBody(String.class)).isEqualTo("fragile");
        }
    }

    @Test
    @DisplayName("8.7 a listener's RuntimeException in CLIENT_ACKNOWLEDGE moves on to the next message")
    void shouldDeliverTheNextMessageAfterAListenerThrowsInClientAcknowledge() throws Exception {
        try (JMSContext context = factory().createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            final Queue queue = context.createQueue(unique("count-listener-client"));
            final List<String> bodies = Collections.synchronizedList(new java.util.ArrayList<>());
            context.createConsumer(queue).setMessageListener(message -> {
                bodies.add(Conformance.text(message));
                if (bodies.size() == 1) {
                    throw new IllegalArgumentException("the listener fails on purpose");
                }
            });

            context.createProducer().send(queue, "one").send(queue, "two");

            await().atMost(AWAIT_TIMEOUT).until(() -> bodies.size() >= 2);
            assertThat(bodies).startsWith("one", "two");
        }
    }

    @Test
    @DisplayName("3.5.9 ConnectionMetaData lists JMSXDeliveryCount, JMSXGroupID and JMSXGroupSeq")
    void shouldListTheMandatoryJmsxPropertiesInTheMetadata() throws Exception {
        try (Connection connection = factory().createConnection()) {
            assertThat(Conformance.list(connection.getMetaData().getJMSXPropertyNames()))
                .contains(DELIVERY_COUNT, "JMSXGroupID", "JMSXGroupSeq");
        }
    }
}
