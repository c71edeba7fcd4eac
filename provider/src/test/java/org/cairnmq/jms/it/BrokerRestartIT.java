package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.jms.it.JmsTestMessages.drain;
import static org.cairnmq.jms.it.JmsTestMessages.numbered;
import static org.cairnmq.jms.it.JmsTestMessages.sendPersistent;
import static org.cairnmq.jms.it.JmsTestMessages.texts;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker closed cleanly and started again on the same data directory (on new ports): persistent
 * messages survive exactly once, acknowledged ones stay gone, delivered but unacknowledged ones come
 * back flagged redelivered.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BrokerRestartIT {

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private CairnBroker start() {
        return brokers.start(dataDirectory, builder -> builder);
    }

    private CairnBroker restart(final CairnBroker broker) {
        broker.close();
        return start();
    }

    @Test
    void shouldKeepEveryPersistentMessageExactlyOnceAcrossACleanRestart() throws JMSException {
        CairnBroker broker = start();
        final Connection connection = brokers.connect(BrokerFixture.urlOf(broker));
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("restart.kept");
        final MessageProducer producer = session.createProducer(queue);
        final List<String> persistent = numbered("p", 20);
        final List<String> nonPersistent = numbered("n", 10);
        for (int i = 0; i < persistent.size(); i++) {
            JmsTestMessages.send(session, producer, DeliveryMode.PERSISTENT, List.of(persistent.get(i)));
            if (i < nonPersistent.size()) {
                JmsTestMessages.send(session, producer, DeliveryMode.NON_PERSISTENT, List.of(nonPersistent.get(i)));
            }
        }
        connection.close();

        broker = restart(broker);
        final Session after = brokers.connect(BrokerFixture.urlOf(broker)).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final List<Message> received = drain(after.createConsumer(queue), 100);

        final List<String> receivedTexts = texts(received);
        assertThat(receivedTexts.stream().filter(text -> text.startsWith("p")).toList())
            .as("every persistent message, once, in send order").containsExactlyElementsOf(persistent);
        assertThat(receivedTexts.stream().filter(text -> text.startsWith("n")).toList())
            .as("non-persistent messages may be gone, but none twice").doesNotHaveDuplicates()
            .isSubsetOf(nonPersistent);
        for (final Message message : received) {
            assertThat(message.getJMSRedelivered()).as("never delivered before the restart").isFalse();
            assertThat(message.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        }
    }

    @Test
    void shouldNotBringBackAcknowledgedMessagesAfterARestart() throws JMSException {
        CairnBroker broker = start();
        final Connection connection = brokers.connect(BrokerFixture.urlOf(broker));
        final Session auto = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Session client = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        final Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        final Queue autoQueue = auto.createQueue("restart.acked.auto");
        final Queue clientQueue = auto.createQueue("restart.acked.client");
        final Queue transactedQueue = auto.createQueue("restart.acked.tx");
        sendPersistent(auto, auto.createProducer(autoQueue), numbered("a", 10).toArray(String[]::new));
        sendPersistent(auto, auto.createProducer(clientQueue), numbered("c", 10).toArray(String[]::new));
        sendPersistent(auto, auto.createProducer(transactedQueue), numbered("t", 10).toArray(String[]::new));
        receiveTexts(connection, auto, autoQueue, 6);
        final List<Message> clientReceived = receiveMessages(connection, client, clientQueue, 6);
        clientReceived.get(clientReceived.size() - 1).acknowledge();
        receiveTexts(connection, transacted, transactedQueue, 6);
        transacted.commit();
        connection.close();

        broker = restart(broker);
        final Connection reopened = brokers.connect(BrokerFixture.urlOf(broker));
        final Session after = reopened.createSession(false, Session.AUTO_ACKNOWLEDGE);

        assertThat(texts(drain(after.createConsumer(autoQueue), 50))).containsExactly("a6", "a7", "a8", "a9");
        assertThat(texts(drain(after.createConsumer(clientQueue), 50))).containsExactly("c6", "c7", "c8", "c9");
        assertThat(texts(drain(after.createConsumer(transactedQueue), 50))).containsExactly("t6", "t7", "t8", "t9");
    }

    @Test
    void shouldDropAnUncommittedTransactedSendAtARestart() throws JMSException {
        CairnBroker broker = start();
        final Connection connection = brokers.connect(BrokerFixture.urlOf(broker, "reconnectAttempts=0"));
        final Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        final Queue queue = transacted.createQueue("restart.tx.pending");
        final MessageProducer producer = transacted.createProducer(queue);
        sendPersistent(transacted, producer, "committed");
        transacted.commit();
        sendPersistent(transacted, producer, "pending");

        broker = restart(broker);
        final Session after = brokers.connect(BrokerFixture.urlOf(broker)).createSession(false, Session.AUTO_ACKNOWLEDGE);

        assertThat(texts(drain(after.createConsumer(queue), 10))).containsExactly("committed");
    }

    @Test
    void shouldRedeliverDeliveredButUnacknowledgedMessagesFlaggedAfterARestart() throws JMSException {
        CairnBroker broker = start();
        final Connection connection = brokers.connect(BrokerFixture.urlOf(broker, "reconnectAttempts=0"));
        final Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        final Queue queue = session.createQueue("restart.unacked");
        sendPersistent(session, session.createProducer(queue), "u0", "u1", "u2");
        final List<Message> delivered = receiveMessages(connection, session, queue, 3);
        assertThat(texts(delivered)).containsExactly("u0", "u1", "u2");
        assertThat(delivered.get(0).getJMSRedelivered()).isFalse();

        broker = restart(broker);
        final Session after = brokers.connect(BrokerFixture.urlOf(broker)).createSession(false,
            Session.CLIENT_ACKNOWLEDGE);
        final List<Message> again = drain(after.createConsumer(queue), 10);

        assertThat(texts(again)).containsExactly("u0", "u1", "u2");
        for (final Message message : again) {
            assertThat(message.getJMSRedelivered()).as("redelivered flag of %s", message.getJMSMessageID()).isTrue();
            assertThat(message.getIntProperty("JMSXDeliveryCount")).isGreaterThanOrEqualTo(2);
        }
        again.get(again.size() - 1).acknowledge();
        after.close();
        final Session last = brokers.connect(BrokerFixture.urlOf(broker)).createSession(false,
            Session.AUTO_ACKNOWLEDGE);
        assertThat(last.createConsumer(queue).receive(JmsTestMessages.QUIET_MS)).isNull();
    }

    @Test
    void shouldBrowseAndSelectPersistentMessagesAfterARestart() throws JMSException {
        CairnBroker broker = start();
        final Connection connection = brokers.connect(BrokerFixture.urlOf(broker));
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("restart.browse");
        final MessageProducer producer = session.createProducer(queue);
        for (final String color : List.of("red", "blue", "red", "green")) {
            final Message message = session.createTextMessage(color);
            message.setStringProperty("color", color);
            producer.send(message);
        }
        connection.close();

        broker = restart(broker);
        final Session after = brokers.connect(BrokerFixture.urlOf(broker)).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final List<Message> browsed = new ArrayList<>();
        final Enumeration<?> enumeration = after.createBrowser(queue).getEnumeration();
        while (enumeration.hasMoreElements()) {
            browsed.add((Message) enumeration.nextElement());
        }

        assertThat(texts(browsed)).containsExactly("red", "blue", "red", "green");
        assertThat(texts(drain(after.createConsumer(queue, "color = 'red'"), 10))).containsExactly("red", "red");
        assertThat(texts(drain(after.createConsumer(queue), 10))).containsExactly("blue", "green");
    }

    private static List<Message> receiveMessages(final Connection connection, final Session session,
                                                 final Queue queue, final int count) throws JMSException {
        connection.start();
        final MessageConsumer consumer = session.createConsumer(queue);
        final List<Message> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final Message message = consumer.receive(JmsTestMessages.RECEIVE_TIMEOUT_MS);
            assertThat(message).as("message %d of %d on %s", i + 1, count, queue).isNotNull();
            received.add(message);
        }
        consumer.close();
        return received;
    }

    private static List<String> receiveTexts(final Connection connection, final Session session, final Queue queue,
                                             final int count) throws JMSException {
        return texts(receiveMessages(connection, session, queue, count));
    }
}
