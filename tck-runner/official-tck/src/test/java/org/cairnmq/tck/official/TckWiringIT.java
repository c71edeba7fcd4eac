package org.cairnmq.tck.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnectionFactory;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks, in every build, the wiring the official TCK relies on: what it looks up with a plain
 * {@code new InitialContext()}, the system properties it reads, the credentials it connects with,
 * the version the metadata reports and ObjectMessage bodies of JDK types. The TCK itself runs only
 * under {@code -Ptck}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TckWiringIT {

    private static final long RECEIVE_TIMEOUT_MS = 10_000;

    @ParameterizedTest
    @ValueSource(strings = {"MyConnectionFactory", "MyQueueConnectionFactory", "MyTopicConnectionFactory",
        "DURABLE_SUB_CONNECTION_FACTORY"})
    void shouldFindEachConnectionFactoryAtTheRootOfAPlainInitialContext(final String name) throws Exception {
        final Object factory = new InitialContext().lookup(name);

        assertThat(factory).isInstanceOf(ConnectionFactory.class).isInstanceOf(QueueConnectionFactory.class)
            .isInstanceOf(TopicConnectionFactory.class);
        try (Connection connection = ((ConnectionFactory) factory).createConnection()) {
            connection.start();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MY_QUEUE", "MY_QUEUE2", "testQ0", "testQ1", "testQ2", "testQueue2", "Q2"})
    void shouldFindEachQueueByItsName(final String name) throws Exception {
        assertThat(new InitialContext().lookup(name)).isInstanceOfSatisfying(Queue.class,
            queue -> assertThat(queueName(queue)).isEqualTo(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MY_TOPIC", "MY_TOPIC2", "testT0", "testT1", "testT2"})
    void shouldFindEachTopicByItsName(final String name) throws Exception {
        assertThat(new InitialContext().lookup(name)).isInstanceOfSatisfying(Topic.class,
            topic -> assertThat(topicName(topic)).isEqualTo(name));
    }

    @Test
    void shouldSetTheSystemPropertiesTheTckReads() {
        assertThat(Long.getLong("jms_timeout")).isPositive();
        assertThat(System.getProperty("user")).isNotBlank();
        assertThat(System.getProperty("password")).isNotBlank();
        assertThat(System.getProperty("platform.mode")).isEqualTo("standalone");
        assertThat(System.getProperty("vehicle")).isEqualTo("standalone");
    }

    @Test
    void shouldGiveTheDurableSubscriptionFactoryTheClientIdCts() throws Exception {
        final ConnectionFactory factory = (ConnectionFactory) new InitialContext().lookup("DURABLE_SUB_CONNECTION_FACTORY");
        try (Connection connection = factory.createConnection(user(), password())) {
            assertThat(connection.getClientID()).isEqualTo("cts");
        }
    }

    @Test
    void shouldAcceptTheConfiguredUserAndAnonymousConnections() throws Exception {
        final ConnectionFactory factory = factory();
        try (Connection withUser = factory.createConnection(user(), password());
             Connection anonymous = factory.createConnection();
             JMSContext context = factory.createContext(user(), password())) {
            withUser.createSession(Session.AUTO_ACKNOWLEDGE).close();
            anonymous.createSession(Session.AUTO_ACKNOWLEDGE).close();
            assertThat(context.getMetaData()).isNotNull();
        }
    }

    @Test
    void shouldRefuseAWrongPasswordWithJmsSecurityExceptions() throws Exception {
        final ConnectionFactory factory = factory();

        assertThatThrownBy(() -> factory.createConnection(user(), password() + "-wrong"))
            .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> ((QueueConnectionFactory) factory).createQueueConnection(user(), "wrong"))
            .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory.createContext(user(), "wrong"))
            .isInstanceOf(JMSSecurityRuntimeException.class);
    }

    @Test
    void shouldReportJmsVersionThreeOneInTheMetadata() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final ConnectionMetaData metaData = connection.getMetaData();
            assertThat(metaData.getJMSVersion()).isEqualTo("3.1");
            assertThat(metaData.getJMSMajorVersion()).isEqualTo(3);
            assertThat(metaData.getJMSMinorVersion()).isEqualTo(1);
        }
    }

    @Test
    void shouldRoundTripObjectMessagesHoldingJdkTypes() throws Exception {
        final HashMap<String, Serializable> body = new HashMap<>();
        body.put("list", new ArrayList<>(List.of(1, "two", 3.0d)));
        body.put("linked", new LinkedList<>(List.of('c', (byte) 4)));
        body.put("sorted", new TreeMap<>(Map.of("a", 1L, "b", 2L)));
        body.put("date", new Date(1_700_000_000_000L));
        body.put("decimal", new BigDecimal("12345.6789"));
        body.put("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        body.put("instant", Instant.ofEpochSecond(1_700_000_000L, 42));
        try (Connection connection = factory().createConnection(user(), password())) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Queue queue = session.createQueue("tckWiringObjects-" + UUID.randomUUID());
            final MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            session.createProducer(queue).send(session.createObjectMessage(body));

            final ObjectMessage received = (ObjectMessage) consumer.receive(RECEIVE_TIMEOUT_MS);

            assertThat(received).isNotNull();
            assertThat(received.getObject()).isEqualTo(body).isNotSameAs(body);
            assertThat((Object) received.getBody(Map.class)).isEqualTo(body);
        }
    }

    private static ConnectionFactory factory() throws NamingException {
        return (ConnectionFactory) new InitialContext().lookup("MyConnectionFactory");
    }

    private static String user() {
        return System.getProperty(TckBroker.USER_PROPERTY);
    }

    private static String password() {
        return System.getProperty(TckBroker.PASSWORD_PROPERTY);
    }

    private static String queueName(final Queue queue) {
        try {
            return queue.getQueueName();
        } catch (final jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String topicName(final Topic topic) {
        try {
            return topic.getTopicName();
        } catch (final jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
