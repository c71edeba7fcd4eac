package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.tck.conformance.Conformance.ABSENT_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.AWAIT_TIMEOUT;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.factoryWithClientId;
import static org.cairnmq.tck.conformance.Conformance.text;
import static org.cairnmq.tck.conformance.Conformance.unique;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("11.2 Concurrent processing of a subscription's messages: ConnectionConsumer")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_11_2_ConnectionConsumerIT {

    private static final int MESSAGES = 30;
    private static final int POOL_SIZE = 3;

    @Test
    @DisplayName("11.2.5 a ConnectionConsumer on a queue loads each message into a pooled session's listener, off the caller's thread")
    void shouldDeliverQueueMessagesThroughServerSessions() throws Exception {
        try (Connection connection = factory().createConnection(); JMSContext sender = factory().createContext()) {
            final Queue queue = sender.createQueue(unique("asf-queue"));
            final TestServerSessionPool pool = new TestServerSessionPool(connection, POOL_SIZE);
            final ConnectionConsumer consumer = connection.createConnectionConsumer(queue, null, pool, 2);
            connection.start();

            send(sender, queue);

            await().atMost(AWAIT_TIMEOUT).until(() -> pool.received().size() >= MESSAGES);
            assertThat(bodies(pool)).containsExactlyInAnyOrderElementsOf(expected());
            assertThat(pool.threads()).doesNotContain(Thread.currentThread());
            assertThat(consumer.getServerSessionPool()).isSameAs(pool);
            consumer.close();
        }
    }

    @Test
    @DisplayName("11.2.4 a ConnectionConsumer passes only messages that match its selector")
    void shouldApplyTheSelector() throws Exception {
        try (Connection connection = factory().createConnection(); JMSContext sender = factory().createContext()) {
            final Queue queue = sender.createQueue(unique("asf-selector"));
            final TestServerSessionPool pool = new TestServerSessionPool(connection, POOL_SIZE);
            final ConnectionConsumer consumer = connection.createConnectionConsumer(queue, "colour = 'red'", pool, 1);
            connection.start();

            sender.createProducer().setProperty("colour", "blue").send(queue, "blue");
            sender.createProducer().setProperty("colour", "red").send(queue, "red");

            await().atMost(AWAIT_TIMEOUT).until(() -> !pool.received().isEmpty());
            await().pollDelay(ABSENT_TIMEOUT_MS, TimeUnit.MILLISECONDS).atMost(AWAIT_TIMEOUT)
                .until(() -> bodies(pool).equals(List.of("red")));
            consumer.close();
            assertThat(sender.createConsumer(queue).receiveBody(String.class, Conformance.RECEIVE_TIMEOUT_MS))
                .isEqualTo("blue");
        }
    }

    @Test
    @DisplayName("11.2.4 once a ConnectionConsumer is closed, messages stay on the queue")
    void shouldStopDeliveringWhenClosed() throws Exception {
        try (Connection connection = factory().createConnection(); JMSContext sender = factory().createContext()) {
            final Queue queue = sender.createQueue(unique("asf-close"));
            final TestServerSessionPool pool = new TestServerSessionPool(connection, POOL_SIZE);
            final ConnectionConsumer consumer = connection.createConnectionConsumer(queue, null, pool, 1);
            connection.start();
            sender.createProducer().send(queue, "before");
            await().atMost(AWAIT_TIMEOUT).until(() -> pool.received().size() == 1);

            consumer.close();
            sender.createProducer().send(queue, "after");

            assertThat(sender.createConsumer(queue).receiveBody(String.class, Conformance.RECEIVE_TIMEOUT_MS))
                .isEqualTo("after");
            assertThat(bodies(pool)).containsExactly("before");
        }
    }

    @Test
    @DisplayName("11.2.4 a shared ConnectionConsumer and a shared consumer split one shared subscription")
    void shouldShareASubscriptionWithASharedConnectionConsumer() throws Exception {
        try (Connection connection = factory().createConnection(); JMSContext context = factory().createContext()) {
            final Topic topic = context.createTopic(unique("asf-shared"));
            final String name = unique("sub");
            final TestServerSessionPool pool = new TestServerSessionPool(connection, POOL_SIZE);
            final ConnectionConsumer consumer = connection.createSharedConnectionConsumer(topic, name, null, pool, 1);
            connection.start();
            final jakarta.jms.JMSConsumer other = context.createSharedConsumer(topic, name);

            send(context, topic);

            final List<String> all = new ArrayList<>(Conformance.texts(Conformance.drain(other)));
            await().atMost(AWAIT_TIMEOUT).until(() -> pool.received().size() + all.size() >= MESSAGES);
            all.addAll(bodies(pool));
            assertThat(all).containsExactlyInAnyOrderElementsOf(expected());
            consumer.close();
        }
    }

    @Test
    @DisplayName("11.2.4 a durable ConnectionConsumer resumes its subscription with what was sent while it was closed")
    void shouldKeepMessagesForADurableConnectionConsumer() throws Exception {
        final String clientId = unique("asf-client");
        final String name = unique("sub");
        try (JMSContext sender = factory().createContext()) {
            final Topic topic = sender.createTopic(unique("asf-durable"));
            try (Connection connection = factoryWithClientId(clientId).createConnection()) {
                connection.createDurableConnectionConsumer(topic, name, null,
                    new TestServerSessionPool(connection, 1), 1).close();
            }
            sender.createProducer().send(topic, "while away");

            try (Connection connection = factoryWithClientId(clientId).createConnection()) {
                final TestServerSessionPool pool = new TestServerSessionPool(connection, POOL_SIZE);
                final ConnectionConsumer consumer = connection.createDurableConnectionConsumer(topic, name, null, pool, 1);
                connection.start();

                await().atMost(AWAIT_TIMEOUT).until(() -> bodies(pool).equals(List.of("while away")));
                consumer.close();
                connection.createSession().unsubscribe(name);
            }
        }
    }

    @Test
    @DisplayName("11.2.4 a shared durable ConnectionConsumer keeps messages without a client id")
    void shouldKeepMessagesForASharedDurableConnectionConsumer() throws Exception {
        final String name = unique("sub");
        try (JMSContext sender = factory().createContext()) {
            final Topic topic = sender.createTopic(unique("asf-shared-durable"));
            try (Connection connection = factory().createConnection()) {
                connection.createSharedDurableConnectionConsumer(topic, name, null,
                    new TestServerSessionPool(connection, 1), 1).close();
            }
            sender.createProducer().send(topic, "kept");

            try (Connection connection = factory().createConnection()) {
                final TestServerSessionPool pool = new TestServerSessionPool(connection, POOL_SIZE);
                final ConnectionConsumer consumer = connection.createSharedDurableConnectionConsumer(topic, name, null,
                    pool, 1);
                connection.start();

                await().atMost(AWAIT_TIMEOUT).until(() -> bodies(pool).equals(List.of("kept")));
                consumer.close();
                connection.createSession().unsubscribe(name);
            }
        }
    }

    private static void send(final JMSContext context, final jakarta.jms.Destination destination) {
        for (int i = 0; i < MESSAGES; i++) {
            context.createProducer().send(destination, "m" + i);
        }
    }

    private static List<String> bodies(final TestServerSessionPool pool) {
        return pool.received().stream().map(message -> text(message)).toList();
    }

    private static List<String> expected() {
        return IntStream.range(0, MESSAGES).mapToObj(i -> "m" + i).toList();
    }
}
