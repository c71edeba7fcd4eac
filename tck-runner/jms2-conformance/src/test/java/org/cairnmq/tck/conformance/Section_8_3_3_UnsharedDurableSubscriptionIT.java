package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.tck.conformance.Conformance.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.drain;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.factoryWithClientId;
import static org.cairnmq.tck.conformance.Conformance.texts;
import static org.cairnmq.tck.conformance.Conformance.unique;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("8.3.3 Unshared durable subscriptions")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_8_3_3_UnsharedDurableSubscriptionIT {

    @Test
    @DisplayName("8.3.3 creating an unshared durable subscription without a client id throws IllegalStateException")
    void shouldRequireAClientId() throws Exception {
        try (Connection connection = factory().createConnection(); JMSContext context = factory().createContext()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Topic topic = session.createTopic(unique("durable-noid"));

            assertThatThrownBy(() -> session.createDurableConsumer(topic, unique("sub")))
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> context.createDurableConsumer(topic, unique("sub")))
                .isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    @DisplayName("8.3.3 messages sent while the subscription has no consumer are kept for the next one")
    void shouldKeepMessagesWhileInactive() throws Exception {
        final String clientId = unique("client");
        final String name = unique("sub");
        final Topic topic;
        try (JMSContext context = factoryWithClientId(clientId).createContext()) {
            topic = context.createTopic(unique("durable-keep"));
            context.createDurableConsumer(topic, name).close();
            context.createProducer().send(topic, "one").send(topic, "two");
        }
        try (JMSContext context = factoryWithClientId(clientId).createContext()) {
            final JMSConsumer consumer = context.createDurableConsumer(topic, name);

            assertThat(texts(drain(consumer))).containsExactly("one", "two");
            consumer.close();
            context.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.3 a second consumer on an active unshared durable subscription throws JMSException")
    void shouldRefuseASecondActiveConsumer() throws Exception {
        try (Connection connection = factoryWithClientId(unique("client")).createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Topic topic = session.createTopic(unique("durable-second"));
            final String name = unique("sub");
            final MessageConsumer first = session.createDurableConsumer(topic, name);

            assertThatThrownBy(() -> session.createDurableConsumer(topic, name)).isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> session.createDurableSubscriber(topic, name)).isInstanceOf(JMSException.class);
            first.close();
            session.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.3 an inactive subscription recreated with another selector loses its old messages")
    void shouldReplaceAnInactiveSubscriptionWithAnotherSelector() throws Exception {
        try (JMSContext context = factoryWithClientId(unique("client")).createContext()) {
            final Topic topic = context.createTopic(unique("durable-reselect"));
            final String name = unique("sub");
            context.createDurableConsumer(topic, name, "colour = 'red'", false).close();
            context.createProducer().setProperty("colour", "red").send(topic, "old red");

            final JMSConsumer replaced = context.createDurableConsumer(topic, name, "colour = 'blue'", false);
            context.createProducer().setProperty("colour", "blue").send(topic, "new blue");

            assertThat(texts(drain(replaced))).containsExactly("new blue");
            replaced.close();
            context.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.3 an inactive subscription recreated on another topic loses its old messages")
    void shouldReplaceAnInactiveSubscriptionOnAnotherTopic() throws Exception {
        try (JMSContext context = factoryWithClientId(unique("client")).createContext()) {
            final Topic first = context.createTopic(unique("durable-topic-a"));
            final Topic second = context.createTopic(unique("durable-topic-b"));
            final String name = unique("sub");
            context.createDurableConsumer(first, name).close();
            context.createProducer().send(first, "old");

            final JMSConsumer replaced = context.createDurableConsumer(second, name);
            context.createProducer().send(second, "new");

            assertThat(texts(drain(replaced))).containsExactly("new");
            replaced.close();
            context.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.3 unsubscribe deletes the subscription and its messages")
    void shouldDeleteTheSubscriptionOnUnsubscribe() throws Exception {
        try (JMSContext context = factoryWithClientId(unique("client")).createContext()) {
            final Topic topic = context.createTopic(unique("durable-unsub"));
            final String name = unique("sub");
            context.createDurableConsumer(topic, name).close();
            context.createProducer().send(topic, "dropped");

            context.unsubscribe(name);

            final JMSConsumer fresh = context.createDurableConsumer(topic, name);
            assertThat(drain(fresh)).isEmpty();
            fresh.close();
            context.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.3 unsubscribing a subscription that has an active consumer throws")
    void shouldRefuseToUnsubscribeWithAnActiveConsumer() throws Exception {
        try (Connection connection = factoryWithClientId(unique("client")).createConnection();
             JMSContext context = factoryWithClientId(unique("client")).createContext()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final String name = unique("sub");
            final MessageConsumer active = session.createDurableConsumer(session.createTopic(unique("durable-busy")), name);
            final String contextName = unique("sub");
            final JMSConsumer contextActive = context.createDurableConsumer(context.createTopic(unique("durable-busy")),
                contextName);

            assertThatThrownBy(() -> session.unsubscribe(name)).isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> context.unsubscribe(contextName)).isInstanceOf(JMSRuntimeException.class);
            active.close();
            contextActive.close();
            session.unsubscribe(name);
            context.unsubscribe(contextName);
        }
    }

    @Test
    @DisplayName("8.3.3 unsubscribing an unknown name throws InvalidDestinationException")
    void shouldRefuseToUnsubscribeAnUnknownName() throws Exception {
        try (Connection connection = factoryWithClientId(unique("client")).createConnection();
             JMSContext context = factoryWithClientId(unique("client")).createContext()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.unsubscribe(unique("never"))).isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> context.unsubscribe(unique("never")))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
        }
    }

    @Test
    @DisplayName("8.3.3 createDurableConsumer on the name of an existing shared durable subscription throws")
    void shouldRefuseAnUnsharedDurableWhereASharedOneExists() throws Exception {
        try (JMSContext context = factoryWithClientId(unique("client")).createContext()) {
            final Topic topic = context.createTopic(unique("durable-clash"));
            final String name = unique("sub");
            final JMSConsumer shared = context.createSharedDurableConsumer(topic, name);

            assertThatThrownBy(() -> context.createDurableConsumer(topic, name)).isInstanceOf(JMSRuntimeException.class);
            shared.close();
            assertThatThrownBy(() -> context.createDurableConsumer(topic, name)).isInstanceOf(JMSRuntimeException.class);
            context.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.3 noLocal keeps out messages sent on the subscriber's own connection")
    void shouldNotAddOwnConnectionMessagesWithNoLocal() throws Exception {
        try (JMSContext context = factoryWithClientId(unique("client")).createContext();
             JMSContext other = factory().createContext()) {
            final Topic topic = context.createTopic(unique("durable-nolocal"));
            final String name = unique("sub");
            final JMSConsumer consumer = context.createDurableConsumer(topic, name, null, true);

            context.createProducer().send(topic, "own");
            other.createProducer().send(topic, "other");

            assertThat(texts(drain(consumer))).containsExactly("other");
            consumer.close();
            context.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("8.3.3 the same name under two client ids names two subscriptions")
    void shouldKeepTheSameNameUnderTwoClientIdsApart() throws Exception {
        final String name = unique("sub");
        try (JMSContext first = factoryWithClientId(unique("client-a")).createContext();
             JMSContext second = factoryWithClientId(unique("client-b")).createContext()) {
            final Topic topic = first.createTopic(unique("durable-twoids"));
            final JMSConsumer one = first.createDurableConsumer(topic, name);
            final JMSConsumer two = second.createDurableConsumer(topic, name);

            first.createProducer().send(topic, "both");

            assertThat(one.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("both");
            assertThat(two.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("both");
            one.close();
            two.close();
            first.unsubscribe(name);
            second.unsubscribe(name);
        }
    }

    @Test
    @DisplayName("4.2.4 a subscription name of 128 letters, digits, '_', '.' and '-' is accepted")
    void shouldAcceptA128CharacterNameOfThePortableCharacters() throws Exception {
        final StringBuilder name = new StringBuilder("Ab9_.-");
        while (name.length() < 128) {
            name.append((char) ('a' + name.length() % 26));
        }
        try (JMSContext context = factoryWithClientId(unique("client")).createContext()) {
            final Topic topic = context.createTopic(unique("durable-longname"));
            final JMSConsumer consumer = context.createDurableConsumer(topic, name.toString());
            context.createProducer().send(topic, "named");

            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("named");
            consumer.close();
            context.unsubscribe(name.toString());
        }
    }
}
