package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cairnmq.jms.CairnConnectionFactory;
import org.cairnmq.server.CairnBroker;
import org.cairnmq.server.remoting.RemotingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Point-to-point messaging through the JMS API against a real embedded broker on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QueueMessagingIT {

    private static final long RECEIVE_TIMEOUT_MS = 5_000;

    @TempDir
    Path dataDirectory;

    private CairnBroker broker;
    private CairnConnectionFactory factory;
    private final List<Connection> connections = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        broker = CairnBroker.builder()
            .dataDirectory(dataDirectory)
            .bindAddress("127.0.0.1")
            .brokerPort(0)
            .nameServerPort(0)
            .store(store -> store.withCommitLogSegmentBytes(1 << 20).withConsumeQueueSegmentEntries(1024)
                .withKeyIndex(1024, 4096))
            .users(Map.of("app", "secret"))
            .allowAnonymous(true)
            .remoting(remoting -> remoting.withIoThreads(ioThreads()))
            .start();
        factory = new CairnConnectionFactory(broker.nameServerUrl() + "?user=app&password=secret");
    }

    /**
     * How the broker's port is served: by the broker thread here, whatever the machine (the other
     * integration tests take the automatic choice); {@link QueueMessagingOnIoThreadsIT} runs the same
     * tests with I/O threads of the broker's own.
     */
    int ioThreads() {
        return RemotingConfig.IO_THREADS_ON_BROKER_THREAD;
    }

    @AfterEach
    void stopBroker() throws JMSException {
        for (final Connection connection : connections) {
            connection.close();
        }
        broker.close();
    }

    private Connection started() throws JMSException {
        final Connection connection = factory.createConnection();
        connections.add(connection);
        connection.start();
        return connection;
    }

    private static void send(final Session session, final Queue queue, final String... texts) throws JMSException {
        final MessageProducer producer = session.createProducer(queue);
        for (final String text : texts) {
            producer.send(session.createTextMessage(text));
        }
        producer.close();
    }

    private static String text(final Message message) throws JMSException {
        assertThat(message).as("a message within the timeout").isNotNull();
        return ((TextMessage) message).getText();
    }

    @Test
    void shouldSendAndReceivePersistentAndNonPersistentMessagesInOrder() throws JMSException {
        final Session session = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("orders");
        final MessageProducer producer = session.createProducer(queue);
        // Higher priorities overtake lower ones on the queue: sending the higher one first keeps
        // send order and priority order the same.
        producer.setPriority(7);
        producer.send(session.createTextMessage("persistent"));
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        producer.setPriority(2);
        producer.send(session.createTextMessage("non-persistent"));

        final MessageConsumer consumer = session.createConsumer(queue);
        final Message first = consumer.receive(RECEIVE_TIMEOUT_MS);
        final Message second = consumer.receive(RECEIVE_TIMEOUT_MS);

        assertThat(text(first)).isEqualTo("persistent");
        assertThat(first.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(first.getJMSMessageID()).startsWith("ID:");
        assertThat(first.getJMSDestination()).isEqualTo(queue);
        assertThat(first.getJMSRedelivered()).isFalse();
        assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(text(second)).isEqualTo("non-persistent");
        assertThat(second.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(first.getJMSPriority()).isEqualTo(7);
        assertThat(second.getJMSPriority()).isEqualTo(2);
        assertThat(consumer.receiveNoWait()).isNull();
    }

    @Test
    void shouldRefuseAWrongPasswordWithASecurityException() {
        assertThatThrownBy(() -> factory.createConnection("app", "wrong")).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void shouldUseTheUrlsCredentialsWhenCreateConnectionIsGivenNoUser() throws JMSException {
        final CairnConnectionFactory wrongInUrl = new CairnConnectionFactory(broker.nameServerUrl()
            + "?user=app&password=wrong");
        assertThatThrownBy(() -> wrongInUrl.createConnection(null, null)).isInstanceOf(JMSSecurityException.class);
        final Connection fromUrl = factory.createConnection(null, null);
        connections.add(fromUrl);
        assertThat(fromUrl.createSession(false, Session.AUTO_ACKNOWLEDGE)).isNotNull();
    }

    @Test
    void shouldSeeAMessageWaitingOnTheBrokerWithReceiveNoWaitAndNoPrefetch() throws JMSException {
        factory = new CairnConnectionFactory(broker.nameServerUrl() + "?prefetch=0");
        final Session session = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("pull");
        final MessageConsumer consumer = session.createConsumer(queue);
        send(session, queue, "waiting");

        Message message = null;
        final long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (message == null && System.nanoTime() < deadlineNanos) {
            message = consumer.receiveNoWait();
        }

        assertThat(text(message)).isEqualTo("waiting");
        assertThat(consumer.receive(200)).isNull();
    }

    @Test
    void shouldRedeliverUnacknowledgedMessagesAfterRecoverInClientMode() throws JMSException {
        final Session session = started().createSession(false, Session.CLIENT_ACKNOWLEDGE);
        final Queue queue = session.createQueue("client");
        send(session, queue, "a", "b");
        final MessageConsumer consumer = session.createConsumer(queue);
        assertThat(text(consumer.receive(RECEIVE_TIMEOUT_MS))).isEqualTo("a");
        assertThat(text(consumer.receive(RECEIVE_TIMEOUT_MS))).isEqualTo("b");

        session.recover();
        final Message again = consumer.receive(RECEIVE_TIMEOUT_MS);

        assertThat(text(again)).isEqualTo("a");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        final Message againB = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(text(againB)).isEqualTo("b");
        againB.acknowledge();
        session.close();

        final Session next = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(next.createConsumer(queue).receive(300)).isNull();
    }

    @Test
    void shouldReturnUnacknowledgedMessagesWhenAClientSessionCloses() throws JMSException {
        final Connection connection = started();
        final Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        final Queue queue = session.createQueue("client-close");
        send(session, queue, "kept");
        assertThat(text(session.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS))).isEqualTo("kept");
        session.close();

        final Session next = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Message redelivered = next.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS);

        assertThat(text(redelivered)).isEqualTo("kept");
        assertThat(redelivered.getJMSRedelivered()).isTrue();
    }

    @Test
    void shouldDeliverEverythingInDupsOkMode() throws JMSException {
        final Session session = started().createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        final Queue queue = session.createQueue("dups");
        final String[] texts = new String[50];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "m" + i;
        }
        send(session, queue, texts);
        final MessageConsumer consumer = session.createConsumer(queue);

        final List<String> received = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            received.add(text(consumer.receive(RECEIVE_TIMEOUT_MS)));
        }
        session.close();

        assertThat(received).containsExactly(texts);
        final Session next = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(next.createConsumer(queue).receive(300)).isNull();
    }

    @Test
    void shouldAcknowledgeEveryMessageOfAFastAutoAcknowledgeConsumerOnce() throws JMSException {
        final Connection consuming = started();
        final Session session = consuming.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("fast-auto");
        final MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        final int count = 2_000;
        for (int i = 0; i < count; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
        final MessageConsumer consumer = session.createConsumer(queue);
        for (int i = 0; i < count; i++) {
            assertThat(text(consumer.receive(RECEIVE_TIMEOUT_MS))).isEqualTo("m" + i);
        }

        final Session other = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        await().atMost(Duration.ofSeconds(10))
            .until(() -> !other.createBrowser(queue).getEnumeration().hasMoreElements());
        consuming.close();
        assertThat(other.createConsumer(queue).receive(300)).as("nothing comes back").isNull();
    }

    @Test
    void shouldMakeTransactedSendsVisibleOnlyAtCommit() throws JMSException {
        final Connection connection = started();
        final Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        final Queue queue = transacted.createQueue("tx-send");
        final MessageConsumer consumer = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)
            .createConsumer(queue);
        send(transacted, queue, "one", "two");

        assertThat(consumer.receive(300)).isNull();
        transacted.commit();

        assertThat(text(consumer.receive(RECEIVE_TIMEOUT_MS))).isEqualTo("one");
        assertThat(text(consumer.receive(RECEIVE_TIMEOUT_MS))).isEqualTo("two");
    }

    @Test
    void shouldDiscardRolledBackSendsAndRedeliverRolledBackReceives() throws JMSException {
        final Session transacted = started().createSession(true, Session.SESSION_TRANSACTED);
        final Queue queue = transacted.createQueue("tx-receive");
        send(transacted, queue, "dropped");
        transacted.rollback();
        send(transacted, queue, "kept");
        transacted.commit();
        final MessageConsumer consumer = transacted.createConsumer(queue);

        assertThat(text(consumer.receive(RECEIVE_TIMEOUT_MS))).isEqualTo("kept");
        transacted.rollback();
        final Message again = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(text(again)).isEqualTo("kept");
        assertThat(again.getJMSRedelivered()).isTrue();
        transacted.commit();

        assertThat(consumer.receive(300)).isNull();
    }

    @Test
    void shouldSelectMessagesByProperty() throws JMSException {
        final Session session = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("selected");
        final MessageProducer producer = session.createProducer(queue);
        for (final String color : new String[] {"red", "blue", "red"}) {
            final TextMessage message = session.createTextMessage(color);
            message.setStringProperty("color", color);
            producer.send(message);
        }

        final MessageConsumer blue = session.createConsumer(queue, "color = 'blue'");

        assertThat(text(blue.receive(RECEIVE_TIMEOUT_MS))).isEqualTo("blue");
        assertThat(blue.receive(300)).isNull();
        assertThatThrownBy(() -> session.createConsumer(queue, "color = = 'x'"))
            .isInstanceOf(InvalidSelectorException.class);
    }

    @Test
    void shouldBrowseWithoutConsuming() throws JMSException {
        final Session session = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("browsed");
        send(session, queue, "x", "y", "z");

        final QueueBrowser browser = session.createBrowser(queue);
        final List<String> browsed = new ArrayList<>();
        final Enumeration<?> messages = browser.getEnumeration();
        while (messages.hasMoreElements()) {
            browsed.add(text((Message) messages.nextElement()));
        }

        assertThat(browsed).containsExactly("x", "y", "z");
        assertThat(text(session.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS))).isEqualTo("x");
    }

    @Test
    void shouldUseAndDeleteATemporaryQueue() throws JMSException {
        final Session session = started().createSession(false, Session.AUTO_ACKNOWLEDGE);
        final TemporaryQueue temporary = session.createTemporaryQueue();
        final MessageConsumer consumer = session.createConsumer(temporary);
        send(session, temporary, "reply");

        assertThat(text(consumer.receive(RECEIVE_TIMEOUT_MS))).isEqualTo("reply");
        assertThatThrownBy(temporary::delete).isInstanceOf(JMSException.class);
        consumer.close();
        temporary.delete();
    }

    @Test
    void shouldDeliverToAMessageListenerInOrder() throws JMSException {
        final Connection connection = started();
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("listened");
        final List<String> received = new CopyOnWriteArrayList<>();
        session.createConsumer(queue).setMessageListener(message -> {
            try {
                received.add(((TextMessage) message).getText());
            } catch (final JMSException e) {
                throw new IllegalArgumentException(e);
            }
        });
        final Session producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        send(producerSession, queue, "1", "2", "3");

        final long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.size() < 3 && System.nanoTime() < deadlineNanos) {
            Thread.onSpinWait();
        }

        assertThat(received).containsExactly("1", "2", "3");
    }

    @Test
    void shouldNotDeliverWhileTheConnectionIsStopped() throws JMSException {
        final Connection connection = started();
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("stopped");
        final MessageConsumer consumer = session.createConsumer(queue);
        send(session, queue, "later");

        connection.stop();
        assertThat(consumer.receive(300)).isNull();
        connection.start();

        assertThat(text(consumer.receive(RECEIVE_TIMEOUT_MS))).isEqualTo("later");
    }

    @Test
    void shouldEnforceTheStateRules() throws JMSException {
        final Connection connection = started();
        assertThatThrownBy(() -> connection.setClientID("late")).isInstanceOf(IllegalStateException.class);
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("rules");
        final MessageProducer producer = session.createProducer(queue);
        assertThatThrownBy(() -> producer.setPriority(10)).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> producer.send(queue, session.createMessage()))
            .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
        session.close();

        assertThatThrownBy(() -> session.createConsumer(queue)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> producer.send(session.createMessage())).isInstanceOf(IllegalStateException.class);
        session.close();
        connection.close();
        connection.close();
        assertThatThrownBy(connection::start).isInstanceOf(IllegalStateException.class);
    }
}
