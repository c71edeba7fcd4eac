package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.jms.it.JmsTestMessages.sendPersistent;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JMS connection across a broker restart on the same ports (it reconnects and its consumer keeps
 * receiving) and across a broker that is gone for good (its exception listener is told once).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReconnectIT {

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker on fixed ports (picked free just before, so another process could take one first). */
    private CairnBroker startOn(final int brokerPort, final int nameServerPort) {
        return brokers.start(dataDirectory, builder -> builder.brokerPort(brokerPort).nameServerPort(nameServerPort));
    }

    @Test
    void shouldReconnectAndKeepReceivingWhenTheBrokerRestartsOnTheSamePorts() throws JMSException {
        final int brokerPort = freePort();
        int nameServerPort = freePort();
        while (nameServerPort == brokerPort) {
            nameServerPort = freePort();
        }
        CairnBroker broker = startOn(brokerPort, nameServerPort);
        final String url = BrokerFixture.urlOf(broker, "reconnectAttempts=40", "reconnectIntervalMs=250");
        final Connection connection = brokers.connect(url);
        final List<JMSException> failures = new CopyOnWriteArrayList<>();
        connection.setExceptionListener(failures::add);
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("reconnect.same.ports");
        final MessageConsumer consumer = session.createConsumer(queue);
        sendPersistent(session, session.createProducer(queue), "before");
        assertThat(text(consumer.receive(RECEIVE_TIMEOUT_MS))).isEqualTo("before");

        broker.close();
        broker = startOn(brokerPort, nameServerPort);
        final Session other = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        sendPersistent(other, other.createProducer(queue), "after");

        assertThat(text(consumer.receive(TimeUnit.SECONDS.toMillis(30)))).isEqualTo("after");
        assertThat(failures).isEmpty();
        sendPersistent(session, session.createProducer(queue), "from-the-reconnected-connection");
        assertThat(text(consumer.receive(RECEIVE_TIMEOUT_MS))).isEqualTo("from-the-reconnected-connection");
    }

    @Test
    void shouldTellTheExceptionListenerOnceWhenTheBrokerIsGoneForGood() throws JMSException {
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder);
        final Connection connection = brokers.connect(BrokerFixture.urlOf(broker, "reconnectAttempts=2",
            "reconnectIntervalMs=200"));
        final List<JMSException> failures = new CopyOnWriteArrayList<>();
        connection.setExceptionListener(failures::add);
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("reconnect.gone");
        final MessageConsumer consumer = session.createConsumer(queue);
        sendPersistent(session, session.createProducer(queue), "only");
        assertThat(text(consumer.receive(RECEIVE_TIMEOUT_MS))).isEqualTo("only");

        broker.close();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> !failures.isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> failures.size() == 1);
        assertThatThrownBy(() -> session.createProducer(queue).send(session.createTextMessage("lost")))
            .isInstanceOf(JMSException.class);
        connection.close();
    }

    private static String text(final jakarta.jms.Message message) throws JMSException {
        assertThat(message).as("a message within the timeout").isNotNull();
        return ((TextMessage) message).getText();
    }
}
