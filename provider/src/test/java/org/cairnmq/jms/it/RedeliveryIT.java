package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.cairnmq.jms.it.JmsTestMessages.QUIET_MS;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.jms.it.JmsTestMessages.sendPersistent;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redelivery where {@code QueueMessagingIT} is thin: the delivery count over several rollbacks, a
 * listener that throws, a transacted session closed without commit, and a temporary queue seen from
 * another connection.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedeliveryIT {

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
    void shouldCountEveryRollbackInTheDeliveryCount() throws JMSException {
        final Session session = brokers.connect(url).createSession(true, Session.SESSION_TRANSACTED);
        final Queue queue = session.createQueue("redelivery.rollbacks");
        sendPersistent(session, session.createProducer(queue), "again-and-again");
        session.commit();
        final MessageConsumer consumer = session.createConsumer(queue);

        for (int delivery = 1; delivery <= 3; delivery++) {
            final Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
            assertThat(message).as("delivery %d", delivery).isNotNull();
            assertThat(message.getIntProperty("JMSXDeliveryCount")).isEqualTo(delivery);
            assertThat(message.getJMSRedelivered()).isEqualTo(delivery > 1);
            session.rollback();
        }
        final Message last = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(last).isNotNull();
        assertThat(last.getIntProperty("JMSXDeliveryCount")).isEqualTo(4);
        session.commit();

        assertThat(consumer.receive(QUIET_MS)).isNull();
    }

    @Test
    void shouldRedeliverAMessageWhoseListenerThrowsInAutoAcknowledgeMode() throws JMSException {
        final Connection connection = brokers.connect(url);
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("redelivery.listener");
        final List<String> deliveries = new CopyOnWriteArrayList<>();
        final AtomicBoolean thrown = new AtomicBoolean();
        session.createConsumer(queue).setMessageListener(message -> {
            try {
                deliveries.add(((TextMessage) message).getText() + " redelivered=" + message.getJMSRedelivered()
                    + " count=" + message.getIntProperty("JMSXDeliveryCount"));
            } catch (final JMSException e) {
                throw new IllegalStateException(e);
            }
            if (thrown.compareAndSet(false, true)) {
                throw new IllegalStateException("the listener fails on the first delivery");
            }
        });
        final Session producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        sendPersistent(producerSession, producerSession.createProducer(queue), "fragile");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> deliveries.size() >= 2);
        assertThat(deliveries).containsExactly("fragile redelivered=false count=1",
            "fragile redelivered=true count=2");
    }

    @Test
    void shouldGiveTheReceivesOfATransactedSessionClosedWithoutCommitToTheNextConsumer() throws JMSException {
        final Connection connection = brokers.connect(url);
        final Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        final Queue queue = transacted.createQueue("redelivery.closed.tx");
        sendPersistent(transacted, transacted.createProducer(queue), "uncommitted-receive");
        transacted.commit();
        assertThat(transacted.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS)).isNotNull();
        transacted.close();

        final Message again = connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue)
            .receive(RECEIVE_TIMEOUT_MS);

        assertThat(again).isNotNull();
        assertThat(((TextMessage) again).getText()).isEqualTo("uncommitted-receive");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @Test
    void shouldLetOtherConnectionsSendToATemporaryQueueButNotConsumeFromIt() throws JMSException {
        final Connection owner = brokers.connect(url);
        final Session ownerSession = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final TemporaryQueue replies = ownerSession.createTemporaryQueue();
        final MessageConsumer consumer = ownerSession.createConsumer(replies);
        final Session other = brokers.connect(url).createSession(false, Session.AUTO_ACKNOWLEDGE);

        sendPersistent(other, other.createProducer(replies), "reply");

        final Message reply = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(reply).isNotNull();
        assertThat(((TextMessage) reply).getText()).isEqualTo("reply");
        assertThatThrownBy(() -> other.createConsumer(replies)).isInstanceOf(JMSException.class);
    }
}
