package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cairnmq.jms.it.JmsTestMessages.QUIET_MS;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.jms.it.JmsTestMessages.drain;
import static org.cairnmq.jms.it.JmsTestMessages.texts;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Message groups (JMSXGroupID) through JMS only: with two consumers on a queue, every message of a
 * group goes to one consumer, in order; when that consumer closes, the group moves to the other one
 * and its order is kept.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MessageGroupIT {

    private static final int PER_GROUP = 10;

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private String url;

    @BeforeEach
    void startBroker() {
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder);
        url = BrokerFixture.urlOf(broker);
    }

    @Test
    void shouldDeliverEveryMessageOfAGroupToOneConsumerInSendOrder() throws JMSException {
        final List<String> first = listen("groups.two.consumers");
        final List<String> second = listen("groups.two.consumers");
        final Session session = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageProducer producer = session.createProducer(session.createQueue("groups.two.consumers"));

        for (int i = 0; i < PER_GROUP; i++) {
            send(session, producer, "A", "A" + i);
            send(session, producer, "B", "B" + i);
            send(session, producer, null, "U" + i);
        }

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
            .until(() -> first.size() + second.size() >= 3 * PER_GROUP);
        for (final String group : List.of("A", "B")) {
            final List<String> expected = JmsTestMessages.numbered(group, PER_GROUP);
            final List<String> inFirst = first.stream().filter(text -> text.startsWith(group)).toList();
            final List<String> inSecond = second.stream().filter(text -> text.startsWith(group)).toList();
            assertThat(inFirst.isEmpty() ? inSecond : inFirst).as("group %s: %s | %s", group, first, second)
                .containsExactlyElementsOf(expected);
            assertThat(inFirst.isEmpty() || inSecond.isEmpty()).as("group %s on one consumer", group).isTrue();
        }
        assertThat(first.size() + second.size()).as("nothing twice").isEqualTo(3 * PER_GROUP);
    }

    @Test
    void shouldMoveAGroupToTheOtherConsumerWhenItsOwnerClosesAndKeepItsOrder() throws JMSException {
        final Session firstSession = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Session secondSession = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = firstSession.createQueue("groups.moving");
        final MessageConsumer first = firstSession.createConsumer(queue);
        final MessageConsumer second = secondSession.createConsumer(queue);
        final Session producerSession = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageProducer producer = producerSession.createProducer(queue);
        for (int i = 0; i < 4; i++) {
            send(producerSession, producer, "G", "G" + i);
        }

        final MessageConsumer owner = ownerOfFirstMessage(first, second, "G0");
        final MessageConsumer other = owner == first ? second : first;
        assertThat(other.receive(QUIET_MS)).as("the other consumer gets nothing of the group").isNull();
        assertThat(((TextMessage) owner.receive(RECEIVE_TIMEOUT_MS)).getText()).isEqualTo("G1");
        owner.close();
        for (int i = 4; i < 7; i++) {
            send(producerSession, producer, "G", "G" + i);
        }

        final List<Message> moved = drain(other, 20);
        assertThat(texts(moved)).as("the rest of the group, in order").containsExactly("G2", "G3", "G4", "G5", "G6");
    }

    /** Waits until one of the consumers receives the group's first message and returns it. */
    private static MessageConsumer ownerOfFirstMessage(final MessageConsumer first, final MessageConsumer second,
                                                       final String expected) throws JMSException {
        final long deadlineMs = System.currentTimeMillis() + RECEIVE_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadlineMs) {
            for (final MessageConsumer consumer : List.of(first, second)) {
                final Message message = consumer.receive(50);
                if (message != null) {
                    assertThat(((TextMessage) message).getText()).isEqualTo(expected);
                    return consumer;
                }
            }
        }
        throw new AssertionError("neither consumer received " + expected);
    }

    private List<String> listen(final String queueName) throws JMSException {
        final Session session = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final List<String> received = new CopyOnWriteArrayList<>();
        session.createConsumer(session.createQueue(queueName)).setMessageListener(message -> {
            try {
                received.add(((TextMessage) message).getText());
            } catch (final JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        return received;
    }

    private static void send(final Session session, final MessageProducer producer, final String group,
                             final String text) throws JMSException {
        final TextMessage message = session.createTextMessage(text);
        if (group != null) {
            message.setStringProperty("JMSXGroupID", group);
        }
        producer.send(message);
    }
}
