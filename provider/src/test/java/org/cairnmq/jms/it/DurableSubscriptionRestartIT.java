package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.jms.it.JmsTestMessages.QUIET_MS;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.jms.it.JmsTestMessages.drain;
import static org.cairnmq.jms.it.JmsTestMessages.sendPersistent;
import static org.cairnmq.jms.it.JmsTestMessages.texts;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable subscriptions through JMS only, across the absence of their consumer and a clean broker
 * restart on the same data directory: the messages published meanwhile are kept, unsubscribing after
 * the restart works, and non-durable subscriptions do not survive.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DurableSubscriptionRestartIT {

    private static final String CLIENT_ID = "restart-client";

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private CairnBroker start() {
        return brokers.start(dataDirectory, builder -> builder);
    }

    /** Opens a connection (closed after the test, or by the test to free its client id). */
    private Connection connection(final CairnBroker broker, final String clientId) throws JMSException {
        return clientId == null ? brokers.connect(BrokerFixture.urlOf(broker, "reconnectAttempts=0"))
            : brokers.connect(BrokerFixture.urlOf(broker, "reconnectAttempts=0", "clientId=" + clientId));
    }

    private static Session session(final Connection connection) throws JMSException {
        return connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Test
    void shouldKeepWhatWasPublishedWhileTheDurableSubscriberWasAwayAcrossARestart() throws JMSException {
        CairnBroker broker = start();
        final Connection sessionConnection = connection(broker, CLIENT_ID);
        Session session = session(sessionConnection);
        final Topic topic = session.createTopic("durable.restart");
        final MessageConsumer subscriber = session.createDurableConsumer(topic, "audit");
        sendPersistent(session, session.createProducer(topic), "live");
        assertThat(((TextMessage) subscriber.receive(RECEIVE_TIMEOUT_MS)).getText()).isEqualTo("live");
        subscriber.close();
        sendPersistent(session, session.createProducer(topic), "away-1", "away-2");
        sessionConnection.close();

        broker.close();
        broker = start();
        session = session(connection(broker, CLIENT_ID));
        sendPersistent(session, session.createProducer(topic), "after-restart");

        final MessageConsumer again = session.createDurableConsumer(topic, "audit");
        assertThat(texts(drain(again, 10))).containsExactly("away-1", "away-2", "after-restart");
        again.close();
        session.unsubscribe("audit");
        sendPersistent(session, session.createProducer(topic), "after-unsubscribe");
        assertThat(session.createDurableConsumer(topic, "audit").receive(QUIET_MS))
            .as("a new subscription starts empty").isNull();
    }

    @Test
    void shouldKeepWhatWasPublishedForASharedDurableSubscriptionAcrossARestart() throws JMSException {
        CairnBroker broker = start();
        final Connection sessionConnection = connection(broker, null);
        final Session session = session(sessionConnection);
        final Topic topic = session.createTopic("durable.shared.restart");
        session.createSharedDurableConsumer(topic, "shared-audit").close();
        sendPersistent(session, session.createProducer(topic), "s0", "s1", "s2");
        sessionConnection.close();

        broker.close();
        broker = start();
        final Session one = session(connection(broker, null));
        final Session two = session(connection(broker, null));
        final MessageConsumer first = one.createSharedDurableConsumer(topic, "shared-audit");
        final MessageConsumer second = two.createSharedDurableConsumer(topic, "shared-audit");

        final List<String> received = new ArrayList<>(texts(drain(first, 10)));
        received.addAll(texts(drain(second, 10)));
        assertThat(received).containsExactlyInAnyOrder("s0", "s1", "s2");
        first.close();
        second.close();
        one.unsubscribe("shared-audit");
        assertThatThrownBy(() -> one.unsubscribe("shared-audit")).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void shouldUnsubscribeADurableSubscriptionRightAfterARestart() throws JMSException {
        final CairnBroker broker = start();
        final Connection beforeConnection = connection(broker, CLIENT_ID);
        final Session before = session(beforeConnection);
        final Topic topic = before.createTopic("durable.unsubscribe");
        before.createDurableConsumer(topic, "gone").close();
        sendPersistent(before, before.createProducer(topic), "never read");
        beforeConnection.close();

        broker.close();
        final CairnBroker restarted = start();
        final Session session = session(connection(restarted, CLIENT_ID));

        session.unsubscribe("gone");

        assertThatThrownBy(() -> session.unsubscribe("gone")).isInstanceOf(InvalidDestinationException.class);
        assertThat(session.createDurableConsumer(topic, "gone").receive(QUIET_MS))
            .as("the old messages went with the subscription").isNull();
    }

    @Test
    void shouldScopeADurableSubscriptionByClientIdAfterARestart() throws JMSException {
        final CairnBroker broker = start();
        final Connection beforeConnection = connection(broker, CLIENT_ID);
        final Session before = session(beforeConnection);
        final Topic topic = before.createTopic("durable.scoped");
        before.createDurableConsumer(topic, "mine").close();
        sendPersistent(before, before.createProducer(topic), "for restart-client");
        beforeConnection.close();

        broker.close();
        final CairnBroker restarted = start();
        final Connection otherConnection = connection(restarted, CLIENT_ID + "-other");
        final Session other = session(otherConnection);

        assertThatThrownBy(() -> other.unsubscribe("mine")).isInstanceOf(InvalidDestinationException.class);
        assertThat(other.createDurableConsumer(topic, "mine").receive(QUIET_MS))
            .as("another client's subscription of the same name is a different one").isNull();
        otherConnection.close();
        final Session owner = session(connection(restarted, CLIENT_ID));
        assertThat(texts(drain(owner.createDurableConsumer(topic, "mine"), 10))).containsExactly("for restart-client");
    }

    @Test
    void shouldNotKeepNonDurableSubscriptionsAcrossARestart() throws JMSException {
        CairnBroker broker = start();
        final Session session = session(connection(broker, CLIENT_ID));
        final Topic topic = session.createTopic("nondurable.restart");
        session.createDurableConsumer(topic, "witness").close();
        session.createConsumer(topic);
        session.createSharedConsumer(topic, "transient");
        sendPersistent(session, session.createProducer(topic), "n0", "n1");

        broker.close();
        broker = start();
        final Session after = session(connection(broker, CLIENT_ID));

        assertThat(after.createSharedConsumer(topic, "transient").receive(QUIET_MS))
            .as("a shared non-durable subscription starts anew").isNull();
        assertThat(after.createConsumer(topic).receive(QUIET_MS)).as("so does a non-durable one").isNull();
        assertThat(texts(drain(after.createDurableConsumer(topic, "witness"), 10)))
            .as("the messages were stored, for the durable subscription").containsExactly("n0", "n1");
    }
}
