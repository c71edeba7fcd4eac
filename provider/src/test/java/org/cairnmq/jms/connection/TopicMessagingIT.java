package org.cairnmq.jms.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicRequestor;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.cairnmq.jms.CairnConnectionFactory;
import org.cairnmq.jms.testing.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Publish/subscribe through the classic and simplified APIs against a real embedded broker. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TopicMessagingIT {

    private static final long RECEIVE_TIMEOUT_MS = 5_000;
    private static final long ABSENCE_TIMEOUT_MS = 300;

    @TempDir
    Path dataDirectory;

    private TestBroker broker;
    private CairnConnectionFactory factory;
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        broker = new TestBroker(dataDirectory);
        factory = broker.factory("");
    }

    @AfterEach
    void stopBroker() throws Exception {
        for (final AutoCloseable resource : resources) {
            resource.close();
        }
        broker.close();
    }

    private Connection connection(final String clientId) throws JMSException {
        final Connection connection = factory.createConnection();
        resources.add(connection);
        if (clientId != null) {
            connection.setClientID(clientId);
        }
        return connection;
    }

    private static void publish(final Session session, final Topic topic, final String... texts) throws JMSException {
        final MessageProducer producer = session.createProducer(topic);
        for (final String text : texts) {
            producer.send(session.createTextMessage(text));
        }
        producer.close();
    }

    private static List<String> receiveTexts(final MessageConsumer consumer, final int count) throws JMSException {
        final List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
            assertThat(message).as("message %d of %d", i + 1, count).isNotNull();
            texts.add(((TextMessage) message).getText());
        }
        return texts;
    }

    @Test
    void shouldDeliverEveryPublishedMessageToEveryNonDurableSubscriber() throws JMSException {
        final Connection connection = connection(null);
        connection.start();
        final Session session = connection.createSession();
        final Topic topic = session.createTopic("news");
        final MessageConsumer first = session.createConsumer(topic);
        final MessageConsumer second = session.createConsumer(topic);

        publish(session, topic, "a", "b", "c");

        assertThat(receiveTexts(first, 3)).containsExactly("a", "b", "c");
        assertThat(receiveTexts(second, 3)).containsExactly("a", "b", "c");
    }

    @Test
    void shouldNotDeliverToANoLocalSubscriberWhatItsOwnConnectionPublished() throws JMSException {
        final Connection local = connection(null);
        local.start();
        final Session localSession = local.createSession();
        final Topic topic = localSession.createTopic("nolocal");
        final MessageConsumer noLocal = localSession.createConsumer(topic, null, true);

        publish(localSession, topic, "own");
        publish(connection(null).createSession(), topic, "other");

        assertThat(receiveTexts(noLocal, 1)).containsExactly("other");
        assertThat(noLocal.receive(ABSENCE_TIMEOUT_MS)).isNull();
    }

    @Test
    void shouldKeepMessagesForADurableSubscriptionWhileItHasNoConsumer() throws JMSException {
        final Connection connection = connection("durable-client");
        connection.start();
        final Session session = connection.createSession();
        final Topic topic = session.createTopic("orders");
        session.createDurableConsumer(topic, "audit").close();

        publish(session, topic, "kept-1", "kept-2");

        final MessageConsumer again = session.createDurableConsumer(topic, "audit");
        assertThat(receiveTexts(again, 2)).containsExactly("kept-1", "kept-2");
        assertThatThrownBy(() -> session.unsubscribe("audit")).isInstanceOf(JMSException.class);
        again.close();
        session.unsubscribe("audit");
        assertThatThrownBy(() -> session.unsubscribe("audit")).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void shouldRefuseToUnsubscribeASharedDurableSubscriptionThatAnotherConnectionConsumes() throws JMSException {
        final Session consuming = connection(null).createSession();
        final Topic topic = consuming.createTopic("shared.durable");
        final MessageConsumer active = consuming.createSharedDurableConsumer(topic, "everyone");
        final Session other = connection(null).createSession();

        assertThatThrownBy(() -> other.unsubscribe("everyone")).isInstanceOf(IllegalStateException.class);
        active.close();
        other.unsubscribe("everyone");
    }

    @Test
    void shouldRefuseAnUnsharedDurableSubscriptionWithoutAClientId() throws JMSException {
        final Session session = connection(null).createSession();
        final Topic topic = session.createTopic("no.client.id");

        assertThatThrownBy(() -> session.createDurableConsumer(topic, "name"))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldShareTheMessagesOfASharedSubscriptionBetweenItsConsumers() throws JMSException {
        final Connection one = connection(null);
        final Connection two = connection(null);
        one.start();
        two.start();
        final Session sessionOne = one.createSession();
        final Topic topic = sessionOne.createTopic("work");
        final MessageConsumer first = sessionOne.createSharedConsumer(topic, "workers");
        final MessageConsumer second = two.createSession().createSharedConsumer(topic, "workers");

        publish(sessionOne, topic, "w0", "w1", "w2", "w3", "w4", "w5");

        final Set<String> received = new HashSet<>();
        while (received.size() < 6) {
            final Message fromFirst = first.receive(ABSENCE_TIMEOUT_MS);
            final Message fromSecond = second.receive(ABSENCE_TIMEOUT_MS);
            assertThat(fromFirst != null || fromSecond != null).as("some consumer got a message").isTrue();
            for (final Message message : new Message[] {fromFirst, fromSecond}) {
                if (message != null) {
                    assertThat(received.add(((TextMessage) message).getText())).as("delivered once").isTrue();
                }
            }
        }
        assertThat(received).containsExactlyInAnyOrder("w0", "w1", "w2", "w3", "w4", "w5");
    }

    @Test
    void shouldEnforceTheClientIdRules() throws JMSException {
        final Connection first = connection("unique-id");
        assertThat(first.getClientID()).isEqualTo("unique-id");
        assertThatThrownBy(() -> first.setClientID("other")).isInstanceOf(IllegalStateException.class);

        final Connection used = connection(null);
        used.createSession();
        assertThatThrownBy(() -> used.setClientID("late")).isInstanceOf(IllegalStateException.class);

        final Connection duplicate = connection(null);
        assertThatThrownBy(() -> duplicate.setClientID("unique-id")).isInstanceOf(InvalidClientIDException.class);

        final CairnConnectionFactory preset = broker.factory("&clientId=unique-id");
        assertThatThrownBy(preset::createConnection).isInstanceOf(InvalidClientIDException.class);

        first.close();
        final JMSContext reused = preset.createContext();
        resources.add(reused);
        assertThat(reused.getClientID()).isEqualTo("unique-id");
    }

    @Test
    void shouldTakeTheClientIdFromTheUrl() throws JMSException {
        final Connection connection = broker.factory("&clientId=from-url").createConnection();
        resources.add(connection);

        assertThat(connection.getClientID()).isEqualTo("from-url");
    }

    @Test
    void shouldPublishAndSubscribeThroughTheTopicDomainApi() throws JMSException {
        final TopicConnection connection = factory.createTopicConnection();
        resources.add(connection);
        connection.start();
        final TopicSession session = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        final Topic topic = session.createTopic("domain");
        final TopicSubscriber subscriber = session.createSubscriber(topic);
        final TopicPublisher publisher = session.createPublisher(topic);

        publisher.publish(session.createTextMessage("published"));

        assertThat(receiveTexts(subscriber, 1)).containsExactly("published");
        assertThat(subscriber.getTopic()).isEqualTo(topic);
        assertThatThrownBy(() -> session.createBrowser(session.createTemporaryQueue()))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldAnswerATopicRequestorThroughATemporaryTopic() throws JMSException {
        final TopicConnection connection = factory.createTopicConnection();
        resources.add(connection);
        connection.start();
        final TopicSession serverSession = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        final Topic service = serverSession.createTopic("service");
        final TopicPublisher replier = serverSession.createPublisher(null);
        serverSession.createSubscriber(service).setMessageListener(request -> {
            try {
                replier.publish((Topic) request.getJMSReplyTo(),
                    serverSession.createTextMessage("re: " + ((TextMessage) request).getText()));
            } catch (final JMSException failure) {
                throw new IllegalArgumentException(failure);
            }
        });
        final TopicSession clientSession = connection.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        final TopicRequestor requestor = new TopicRequestor(clientSession, service);

        final Message reply = requestor.request(clientSession.createTextMessage("ping"));

        assertThat(((TextMessage) reply).getText()).isEqualTo("re: ping");
        requestor.close();
    }

    @Test
    void shouldRefuseToDeleteATemporaryTopicThatHasASubscriber() throws JMSException {
        final Connection connection = connection(null);
        connection.start();
        final Session session = connection.createSession();
        final TemporaryTopic temporary = session.createTemporaryTopic();
        final MessageConsumer subscriber = session.createConsumer(temporary);

        publish(session, temporary, "temp");

        assertThat(receiveTexts(subscriber, 1)).containsExactly("temp");
        assertThatThrownBy(temporary::delete).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> session.createSharedDurableConsumer(temporary, "durable.on.temp"))
            .isInstanceOf(InvalidDestinationException.class);
        subscriber.close();
        temporary.delete();
    }

    @Test
    void shouldSubscribeDurablyThroughAJmsContext() {
        final JMSContext context = factory.createContext();
        resources.add(context);
        context.setClientID("context-client");
        final Topic topic = context.createTopic("ctx.topic");
        final JMSConsumer shared = context.createSharedDurableConsumer(topic, "ctx-sub");

        context.createProducer().send(topic, "to the subscription");

        assertThat(shared.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("to the subscription");
        shared.close();
        context.unsubscribe("ctx-sub");
    }
}
