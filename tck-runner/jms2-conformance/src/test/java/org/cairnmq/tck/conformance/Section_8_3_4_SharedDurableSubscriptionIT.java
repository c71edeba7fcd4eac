package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("8.3.4 Shared durable subscriptions")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_8_3_4_SharedDurableSubscriptionIT {

    private static final int MESSAGES = 20;

    @Test
    @DisplayName("8.3.4 a shared durable subscription needs no client id and keeps messages while it has no consumer")
    void shouldKeepMessagesWithoutClientIdWhileInactive() throws Exception {
        final String name = unique("sub");
        final Topic topic;
        try (JMSContext context = factory().createContext()) {
            topic = context.createTopic(unique("sdurable-keep"));
            context.createSharedDurableConsumer(topic, name).close();
            context.createProducer().send(topic, "one").send(topic, "two");
        }
        try (JMSContext context = factory().createContext()) {
            final JMSConsumer consumer = context.createSharedDurableConsumer(topic, name);

            assertThat(texts(drain(consumer))).containsExactly("one", "two");
            consumer.close();
            context.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.4 each message of a shared durable subscription goes to exactly one of its consumers")
    void shouldDeliverEachMessageToOneConsumer() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session first = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Session second = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Topic topic = first.createTopic(unique("sdurable-split"));
            final String name = unique("sub");
            final MessageConsumer one = first.createSharedDurableConsumer(topic, name);
            final MessageConsumer two = second.createSharedDurableConsumer(topic, name);
            connection.start();
            for (int i = 0; i < MESSAGES; i++) {
                first.createProducer(topic).send(first.createTextMessage("m" + i));
            }

            final List<String> received = new ArrayList<>(texts(drain(one)));
            received.addAll(texts(drain(two)));

            assertThat(received).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, MESSAGES).mapToObj(i -> "m" + i).toList());
            one.close();
            two.close();
            first.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.4 another selector while a consumer is active throws JMSException")
    void shouldRefuseAnotherSelectorWhileActive() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Topic topic = session.createTopic(unique("sdurable-sel"));
            final String name = unique("sub");
            final MessageConsumer active = session.createSharedDurableConsumer(topic, name, "colour = 'red'");

            assertThatThrownBy(() -> session.createSharedDurableConsumer(topic, name, "colour = 'blue'"))
                .isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> session.createSharedDurableConsumer(session.createTopic(unique("other")), name,
                "colour = 'red'")).isInstanceOf(JMSException.class);
            active.close();
            session.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.4 an inactive shared durable subscription recreated with another selector loses its old messages")
    void shouldReplaceAnInactiveSubscriptionWithAnotherSelector() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Topic topic = context.createTopic(unique("sdurable-reselect"));
            final String name = unique("sub");
            context.createSharedDurableConsumer(topic, name, "colour = 'red'").close();
            context.createProducer().setProperty("colour", "red").send(topic, "old red");

            final JMSConsumer replaced = context.createSharedDurableConsumer(topic, name, "colour = 'blue'");
            context.createProducer().setProperty("colour", "blue").send(topic, "new blue");

            assertThat(texts(drain(replaced))).containsExactly("new blue");
            replaced.close();
            context.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.4 createSharedDurableConsumer on the name and client id of an unshared durable subscription throws")
    void shouldRefuseASharedDurableWhereAnUnsharedOneExists() throws Exception {
        try (JMSContext context = factoryWithClientId(unique("client")).createContext()) {
            final Topic topic = context.createTopic(unique("sdurable-clash"));
            final String name = unique("sub");
            final JMSConsumer unshared = context.createDurableConsumer(topic, name);

            assertThatThrownBy(() -> context.createSharedDurableConsumer(topic, name))
                .isInstanceOf(JMSRuntimeException.class);
            unshared.close();
            assertThatThrownBy(() -> context.createSharedDurableConsumer(topic, name))
                .isInstanceOf(JMSRuntimeException.class);
            context.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.4 unsubscribe deletes a shared durable subscription once all its consumers are closed")
    void shouldDeleteTheSubscriptionOnUnsubscribe() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Topic topic = context.createTopic(unique("sdurable-unsub"));
            final String name = unique("sub");
            final JMSConsumer one = context.createSharedDurableConsumer(topic, name);
            final JMSConsumer two = context.createSharedDurableConsumer(topic, name);
            one.close();
            assertThatThrownBy(() -> context.unsubscribe(name)).isInstanceOf(JMSRuntimeException.class);
            two.close();
            context.createProducer().send(topic, "dropped");

            context.unsubscribe(name);

            final JMSConsumer fresh = context.createSharedDurableConsumer(topic, name);
            assertThat(drain(fresh)).isEmpty();
            fresh.close();
            context.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.4 with a client id, the subscription is found only under that client id")
    void shouldScopeTheSubscriptionByClientId() throws Exception {
        final String name = unique("sub");
        final String clientId = unique("client");
        final Topic topic;
        try (JMSContext owner = factoryWithClientId(clientId).createContext()) {
            topic = owner.createTopic(unique("sdurable-scope"));
            owner.createSharedDurableConsumer(topic, name).close();
            owner.createProducer().send(topic, "kept");
        }
        try (JMSContext stranger = factory().createContext();
             JMSContext owner = factoryWithClientId(clientId).createContext()) {
            final JMSConsumer strangers = stranger.createSharedDurableConsumer(topic, name);
            assertThat(drain(strangers)).isEmpty();
            strangers.close();
            stranger.unsubscribe(name);

            final JMSConsumer owners = owner.createSharedDurableConsumer(topic, name);
            assertThat(texts(drain(owners))).containsExactly("kept");
            owners.close();
            owner.unsubscribe(name);
        }
    }
}
