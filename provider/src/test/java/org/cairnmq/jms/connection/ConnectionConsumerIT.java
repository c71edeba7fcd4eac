package org.cairnmq.jms.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cairnmq.jms.testing.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The application server facilities: connection consumers feeding a pool of server sessions. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionConsumerIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path dataDirectory;

    private TestBroker broker;
    private Connection connection;
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(2);
    private final List<String> processed = new CopyOnWriteArrayList<>();
    private final List<Boolean> redeliveredFlags = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startBroker() throws JMSException {
        broker = new TestBroker(dataDirectory);
        connection = broker.factory("").createConnection();
    }

    @AfterEach
    void stopBroker() throws JMSException {
        connection.close();
        serverThreads.shutdownNow();
        broker.close();
    }

    /** A pool of one server session whose listener records what it processes and can fail once. */
    private ServerSessionPool pool(final AtomicBoolean failOnce) throws JMSException {
        final Session session = connection.createSession();
        session.setMessageListener(message -> {
            try {
                if (failOnce.compareAndSet(true, false)) {
                    throw new IllegalArgumentException("listener failure for the test");
                }
                redeliveredFlags.add(message.getJMSRedelivered());
                processed.add(((TextMessage) message).getText());
            } catch (final JMSException unexpected) {
                throw new IllegalArgumentException(unexpected);
            }
        });
        final ServerSession serverSession = new ServerSession() {
            @Override
            public Session getSession() {
                return session;
            }

            @Override
            public void start() {
                serverThreads.execute(session::run);
            }
        };
        return () -> serverSession;
    }

    private void send(final jakarta.jms.Destination destination, final String... texts) throws JMSException {
        try (Session session = connection.createSession()) {
            final MessageProducer producer = session.createProducer(destination);
            for (final String text : texts) {
                final Message message = session.createTextMessage(text);
                producer.send(message);
            }
        }
    }

    @Test
    void shouldHandEveryMessageOfAQueueToTheServerSessionsListenerInOrder() throws JMSException {
        final Queue queue = connection.createSession().createQueue("asf.queue");
        final ConnectionConsumer consumer =
            connection.createConnectionConsumer(queue, null, pool(new AtomicBoolean()), 1);
        connection.start();

        send(queue, "a", "b", "c");

        await().atMost(DEADLINE).until(() -> processed.size() == 3);
        assertThat(processed).containsExactly("a", "b", "c");
        assertThat(consumer.getServerSessionPool()).isNotNull();
        consumer.close();
    }

    @Test
    void shouldRedeliverAMessageWhoseServerSessionListenerThrew() throws JMSException {
        final Queue queue = connection.createSession().createQueue("asf.retry");
        connection.createConnectionConsumer(queue, null, pool(new AtomicBoolean(true)), 1);
        connection.start();

        send(queue, "retried");

        await().atMost(DEADLINE).until(() -> processed.size() == 1);
        assertThat(processed).containsExactly("retried");
        assertThat(redeliveredFlags).containsExactly(true);
    }

    @Test
    void shouldFeedADurableSubscriptionToTheServerSessions() throws JMSException {
        connection.setClientID("asf-client");
        final Topic topic = connection.createSession().createTopic("asf.topic");
        connection.createDurableConnectionConsumer(topic, "asf-sub", null, pool(new AtomicBoolean()), 1);
        connection.start();

        send(topic, "published");

        await().atMost(DEADLINE).until(() -> processed.size() == 1);
        assertThat(processed).containsExactly("published");
    }
}
