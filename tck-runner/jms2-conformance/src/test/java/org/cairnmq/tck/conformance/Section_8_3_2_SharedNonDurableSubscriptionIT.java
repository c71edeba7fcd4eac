package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.tck.conformance.Conformance.ABSENT_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.drain;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.factoryWithClientId;
import static org.cairnmq.tck.conformance.Conformance.texts;
import static org.cairnmq.tck.conformance.Conformance.unique;

import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("8.3.2 Shared non-durable subscriptions")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_8_3_2_SharedNonDurableSubscriptionIT {

    private static final int MESSAGES = 20;

    @Test
    @DisplayName("8.3.2 each message of a shared subscription goes to exactly one of its consumers")
    void shouldDeliverEachMessageToOneConsumerOfTheSharedSubscription() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session first = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Session second = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Topic topic = first.createTopic(unique("shared-split"));
            final String name = unique("sub");
            final MessageConsumer one = first.createSharedConsumer(topic, name);
            final MessageConsumer two = second.createSharedConsumer(topic, name);
            connection.start();
            send(first, topic, MESSAGES);

            final List<String> received = new ArrayList<>(texts(drain(one)));
            received.addAll(texts(drain(two)));

            assertThat(received).containsExactlyInAnyOrderElementsOf(expected(MESSAGES));
        }
    }

    @Test
    @DisplayName("8.3.2 consumers on different connections without client id share one subscription by name")
    void shouldShareTheSubscriptionAcrossConnectionsWithoutClientId() throws Exception {
        try (JMSContext first = factory().createContext(); JMSContext second = factory().createContext()) {
            final Topic topic = first.createTopic(unique("shared-conns"));
            final String name = unique("sub");
            final JMSConsumer one = first.createSharedConsumer(topic, name);
            final JMSConsumer two = second.createSharedConsumer(topic, name);
            for (int i = 0; i < MESSAGES; i++) {
                first.createProducer().send(topic, "m" + i);
            }

            final List<String> received = new ArrayList<>(texts(drain(one)));
            received.addAll(texts(drain(two)));

            assertThat(received).containsExactlyInAnyOrderElementsOf(expected(MESSAGES));
        }
    }

    @Test
    @DisplayName("8.3.2 the subscription is deleted with its last consumer: later consumers do not get older messages")
    void shouldDeleteTheSubscriptionWhenTheLastConsumerCloses() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Topic topic = context.createTopic(unique("shared-gone"));
            final String name = unique("sub");
            final JMSConsumer consumer = context.createSharedConsumer(topic, name);
            context.createProducer().send(topic, "while open");
            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("while open");
            consumer.close();
            context.createProducer().send(topic, "while closed");

            final JMSConsumer again = context.createSharedConsumer(topic, name);
            context.createProducer().send(topic, "after");

            assertThat(texts(drain(again))).containsExactly("after");
        }
    }

    @Test
    @DisplayName("8.3.2 the subscription lives on while one consumer remains")
    void shouldKeepTheSubscriptionWhileAConsumerRemains() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Topic topic = context.createTopic(unique("shared-remains"));
            final String name = unique("sub");
            final JMSConsumer leaving = context.createSharedConsumer(topic, name);
            final JMSConsumer staying = context.createSharedConsumer(topic, name);
            leaving.close();

            context.createProducer().send(topic, "kept");

            assertThat(staying.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("kept");
        }
    }

    @Test
    @DisplayName("8.3.2 a consumer with the same name on another topic while one is active throws JMSException")
    void shouldRefuseADifferentTopicWhileActive() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final String name = unique("sub");
            session.createSharedConsumer(session.createTopic(unique("shared-topic-a")), name);

            assertThatThrownBy(() -> session.createSharedConsumer(session.createTopic(unique("shared-topic-b")), name))
                .isInstanceOf(JMSException.class);
        }
    }

    @Test
    @DisplayName("8.3.2 a consumer with the same name and another selector while one is active throws JMSRuntimeException")
    void shouldRefuseADifferentSelectorWhileActive() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Topic topic = context.createTopic(unique("shared-selector"));
            final String name = unique("sub");
            context.createSharedConsumer(topic, name, "colour = 'red'");

            assertThatThrownBy(() -> context.createSharedConsumer(topic, name, "colour = 'blue'"))
                .isInstanceOf(JMSRuntimeException.class);
            assertThatThrownBy(() -> context.createSharedConsumer(topic, name))
                .isInstanceOf(JMSRuntimeException.class);
        }
    }

    @Test
    @DisplayName("8.3.2 only messages matching the selector are added to the subscription")
    void shouldAddOnlySelectedMessages() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Topic topic = context.createTopic(unique("shared-select"));
            final JMSConsumer consumer = context.createSharedConsumer(topic, unique("sub"), "colour = 'red'");

            context.createProducer().setProperty("colour", "blue").send(topic, "blue");
            context.createProducer().setProperty("colour", "red").send(topic, "red");

            assertThat(texts(drain(consumer))).containsExactly("red");
        }
    }

    @Test
    @DisplayName("8.3.2 subscriptions with the same name but different client ids are separate")
    void shouldKeepSubscriptionsOfDifferentClientIdsApart() throws Exception {
        final String name = unique("sub");
        try (JMSContext first = factoryWithClientId(unique("client-a")).createContext();
             JMSContext second = factoryWithClientId(unique("client-b")).createContext()) {
            final Topic topic = first.createTopic(unique("shared-clientids"));
            final JMSConsumer one = first.createSharedConsumer(topic, name);
            final JMSConsumer two = second.createSharedConsumer(topic, name);

            first.createProducer().send(topic, "to both");

            assertThat(one.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("to both");
            assertThat(two.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("to both");
        }
    }

    @Test
    @DisplayName("8.3.2 a shared non-durable and a durable subscription with the same name are separate")
    void shouldKeepASharedNonDurableAndADurableSubscriptionOfTheSameNameApart() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Topic topic = context.createTopic(unique("shared-vs-durable"));
            final String name = unique("sub");
            final JMSConsumer nonDurable = context.createSharedConsumer(topic, name);
            final JMSConsumer durable = context.createSharedDurableConsumer(topic, name);

            context.createProducer().send(topic, "to both");

            assertThat(nonDurable.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("to both");
            assertThat(durable.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("to both");
            durable.close();
            context.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.1 an unshared non-durable subscription gets only what is sent while its consumer is open")
    void shouldGiveAnUnsharedSubscriptionOnlyMessagesSentWhileOpen() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Topic topic = context.createTopic(unique("unshared"));
            context.createProducer().send(topic, "before");
            final JMSConsumer consumer = context.createConsumer(topic);
            context.createProducer().send(topic, "during");

            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("during");
            assertThat(consumer.receive(ABSENT_TIMEOUT_MS)).isNull();
        }
    }

    @Test
    @DisplayName("8.3.1 noLocal keeps messages sent on the consumer's own connection out of the subscription")
    void shouldNotDeliverOwnConnectionMessagesToANoLocalConsumer() throws Exception {
        try (JMSContext context = factory().createContext(); JMSContext other = factory().createContext()) {
            final Topic topic = context.createTopic(unique("nolocal"));
            final JMSConsumer consumer = context.createConsumer(topic, null, true);

            context.createProducer().send(topic, "own");
            other.createProducer().send(topic, "other");

            assertThat(texts(drain(consumer))).containsExactly("other");
        }
    }

    private static void send(final Session session, final Topic topic, final int count) throws JMSException {
        final MessageProducer producer = session.createProducer(topic);
        for (int i = 0; i < count; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
    }

    private static List<String> expected(final int count) {
        return IntStream.range(0, count).mapToObj(i -> "m" + i).toList();
    }
}
