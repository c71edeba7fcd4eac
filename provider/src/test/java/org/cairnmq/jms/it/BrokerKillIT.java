package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.cairnmq.jms.CairnConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker process killed with SIGKILL under a persistent send load, then started again on the same
 * data directory: every send that returned is delivered; a message that comes twice must carry the
 * redelivered flag on its later copies; a send that threw may or may not be there.
 *
 * <pre>
 *  child broker ─► 3 producers (own connections) send "r&lt;round&gt;-p&lt;k&gt;-&lt;seq&gt;" and record each send that returned
 *     ─► after a random 200..600 returned sends: kill -9 ─► producers stop at their first failure
 *     ─► new child on the same data directory ─► drain the round's queue and check ─► next round
 * </pre>
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BrokerKillIT {

    private static final int ROUNDS = 4;
    private static final int PRODUCERS = 3;
    private static final int MAX_SENDS_PER_PRODUCER = 5_000;
    private static final String OPTIONS = "requestTimeoutMs=10000&reconnectAttempts=0&connectTimeoutMs=10000";

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    /** What one round saw, for the assertions and the report. */
    private record RoundResult(int round, int returned, int threw, int delivered, int extra, int duplicates,
                               int duplicatesNotFlagged, int redeliveredFlags, List<String> missing,
                               int earlierRoundsBackAgain) {
    }

    @Test
    void shouldDeliverEverySendThatReturnedAfterTheBrokerIsKilled() throws Exception {
        ChildBroker child = brokers.startChild(dataDirectory);
        final List<RoundResult> results = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            final Set<String> returned = ConcurrentHashMap.newKeySet();
            final Set<String> threw = ConcurrentHashMap.newKeySet();
            final String queueName = "kill.round" + round;
            final List<Thread> producers = startProducers(child, round, queueName, returned, threw);
            final int killAfter = ThreadLocalRandom.current().nextInt(200, 601);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(2))
                .until(() -> returned.size() >= killAfter || producers.stream().noneMatch(Thread::isAlive));
            child.kill();
            for (final Thread producer : producers) {
                producer.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(producer.isAlive()).as("producer %s stopped after the kill", producer.getName()).isFalse();
            }

            child = brokers.startChild(dataDirectory);
            final int earlierBackAgain = countEarlierRoundsBackAgain(child, round);
            results.add(check(round, drainRound(child, queueName), returned, threw, earlierBackAgain));
        }
        System.out.println("BrokerKillIT results: " + results);
        for (final RoundResult result : results) {
            assertThat(result.returned()).as("round %d sent a few hundred messages before the kill", result.round())
                .isGreaterThanOrEqualTo(200);
            assertThat(result.missing()).as("round %d: sends that returned but were not delivered", result.round())
                .isEmpty();
            assertThat(result.duplicatesNotFlagged())
                .as("round %d: later copies of a message without the redelivered flag", result.round()).isZero();
            assertThat(result.extra()).as("round %d: messages nobody sent", result.round()).isZero();
            assertThat(result.earlierRoundsBackAgain())
                .as("round %d: acknowledged messages of earlier rounds delivered again", result.round()).isZero();
        }
        assertThat(child.stop()).isZero();
    }

    private static List<Thread> startProducers(final ChildBroker child, final int round, final String queueName,
                                               final Set<String> returned, final Set<String> threw)
        throws JMSException {
        final List<Thread> producers = new ArrayList<>();
        for (int k = 0; k < PRODUCERS; k++) {
            final Connection connection = new CairnConnectionFactory(child.nameServerUrl() + "?" + OPTIONS)
                .createConnection();
            final String prefix = "r" + round + "-p" + k + "-";
            final Thread producer = new Thread(() -> produce(connection, queueName, prefix, returned, threw),
                "kill-producer-" + prefix);
            producer.setDaemon(true);
            producers.add(producer);
        }
        producers.forEach(Thread::start);
        return producers;
    }

    /** Sends until the first failure, then closes its connection (which fails fast once the broker is gone). */
    private static void produce(final Connection connection, final String queueName, final String prefix,
                                final Set<String> returned, final Set<String> threw) {
        try {
            final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(queueName));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int seq = 0; seq < MAX_SENDS_PER_PRODUCER; seq++) {
                final String id = prefix + seq;
                final TextMessage message = session.createTextMessage(id);
                try {
                    producer.send(message);
                } catch (final JMSException e) {
                    threw.add(id);
                    return;
                }
                returned.add(id);
            }
        } catch (final JMSException e) {
            threw.add(prefix + "setup: " + e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(final Connection connection) {
        try {
            connection.close();
        } catch (final JMSException e) {
            System.err.println("closing a producer connection after the kill failed: " + e);
        }
    }

    private List<Message> drainRound(final ChildBroker child, final String queueName) throws JMSException {
        final Connection connection = brokers.connect(child.nameServerUrl() + "?" + OPTIONS);
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
        final List<Message> received = JmsTestMessages.drain(consumer, PRODUCERS * MAX_SENDS_PER_PRODUCER * 2);
        connection.close();
        return received;
    }

    /** Earlier rounds' queues were drained (acknowledged) before this kill; nothing of them may return. */
    private int countEarlierRoundsBackAgain(final ChildBroker child, final int round) throws JMSException {
        final Connection connection = brokers.connect(child.nameServerUrl() + "?" + OPTIONS);
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        int backAgain = 0;
        for (int earlier = 1; earlier < round; earlier++) {
            final MessageConsumer consumer = session.createConsumer(session.createQueue("kill.round" + earlier));
            while (consumer.receive(JmsTestMessages.QUIET_MS) != null) {
                backAgain++;
            }
        }
        connection.close();
        return backAgain;
    }

    private static RoundResult check(final int round, final List<Message> received, final Set<String> returned,
                                     final Set<String> threw, final int earlierRoundsBackAgain)
        throws JMSException {
        final Map<String, Integer> copies = new HashMap<>();
        int duplicates = 0;
        int duplicatesNotFlagged = 0;
        int redeliveredFlags = 0;
        int extra = 0;
        for (final Message message : received) {
            final String id = ((TextMessage) message).getText();
            final int seen = copies.merge(id, 1, Integer::sum);
            if (message.getJMSRedelivered()) {
                redeliveredFlags++;
            }
            if (seen > 1) {
                duplicates++;
                if (!message.getJMSRedelivered()) {
                    duplicatesNotFlagged++;
                }
            }
            if (!returned.contains(id) && !threw.contains(id)) {
                extra++;
            }
        }
        final List<String> missing = returned.stream().filter(id -> !copies.containsKey(id)).sorted().toList();
        return new RoundResult(round, returned.size(), threw.size(), received.size(), extra, duplicates,
            duplicatesNotFlagged, redeliveredFlags, missing.size() > 20 ? missing.subList(0, 20) : missing,
            earlierRoundsBackAgain);
    }
}
