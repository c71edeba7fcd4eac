package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.jms.it.JmsTestMessages.drain;
import static org.cairnmq.jms.it.JmsTestMessages.texts;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Priority through JMS only: messages waiting while no consumer is attached come highest priority
 * first, and those of equal priority from one producer in send order, on a queue and a durable
 * subscription.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PriorityIT {

    /** Priorities in send order: every value 0-9, repeats, both ends. */
    private static final int[] PRIORITIES = {4, 9, 0, 4, 7, 9, 1, 4, 0, 7, 5, 9, 2, 3, 8, 6, 4, 1};

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
    void shouldReceiveQueuedMessagesHighestPriorityFirstAndEqualPrioritiesInSendOrder() throws JMSException {
        final Session session = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("priority.queue");
        final List<String> sent = sendWithPriorities(session, queue, "q");

        final List<Message> received = drain(session.createConsumer(queue), 100);

        assertThat(texts(received)).containsExactlyElementsOf(byPriority(sent));
        for (final Message message : received) {
            assertThat(message.getJMSPriority()).isEqualTo(priorityOf(((jakarta.jms.TextMessage) message).getText()));
        }
    }

    @Test
    void shouldReceiveTheMessagesKeptForADurableSubscriptionHighestPriorityFirst() throws JMSException {
        final Connection connection = brokers.connect(url + "&clientId=priority-client");
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Topic topic = session.createTopic("priority.topic");
        session.createDurableConsumer(topic, "by-priority").close();
        final List<String> sent = sendWithPriorities(session, topic, "t");

        final List<Message> received = drain(session.createDurableConsumer(topic, "by-priority"), 100);

        assertThat(texts(received)).containsExactlyElementsOf(byPriority(sent));
    }

    @Test
    void shouldReceiveTheHighestPriorityFirstWhenTwoConnectionsSentTheMessages() throws JMSException {
        final Session first = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Session second = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = first.createQueue("priority.two.producers");
        final List<String> sentFirst = sendWithPriorities(first, queue, "a");
        final List<String> sentSecond = sendWithPriorities(second, queue, "b");

        final List<String> received = texts(drain(brokers.connect(url).createSession(false,
            Session.AUTO_ACKNOWLEDGE).createConsumer(queue), 100));

        assertThat(received).hasSize(sentFirst.size() + sentSecond.size());
        assertThat(received.stream().map(PriorityIT::priorityOf).toList()).as("priorities of %s", received)
            .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(received.stream().filter(text -> text.startsWith("a")).toList())
            .containsExactlyElementsOf(byPriority(sentFirst));
        assertThat(received.stream().filter(text -> text.startsWith("b")).toList())
            .containsExactlyElementsOf(byPriority(sentSecond));
    }

    /** Sends persistent messages named {@code <prefix><index>-p<priority>}. */
    private static List<String> sendWithPriorities(final Session session, final Destination destination,
                                                   final String prefix) throws JMSException {
        final MessageProducer producer = session.createProducer(destination);
        final List<String> sent = new ArrayList<>();
        for (int i = 0; i < PRIORITIES.length; i++) {
            final String text = prefix + i + "-p" + PRIORITIES[i];
            producer.send(session.createTextMessage(text), DeliveryMode.PERSISTENT, PRIORITIES[i],
                Message.DEFAULT_TIME_TO_LIVE);
            sent.add(text);
        }
        return sent;
    }

    /** The expected order: priority descending, send order within a priority (a stable sort). */
    private static List<String> byPriority(final List<String> sent) {
        return sent.stream().sorted(Comparator.comparingInt(PriorityIT::priorityOf).reversed()).toList();
    }

    private static int priorityOf(final String text) {
        return Integer.parseInt(text.substring(text.indexOf("-p") + 2));
    }
}
