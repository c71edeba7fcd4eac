package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.tck.conformance.Conformance.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.drain;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.texts;
import static org.cairnmq.tck.conformance.Conformance.unique;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("7.3 Asynchronous send")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_7_3_AsynchronousSendIT {

    private static final int MESSAGES = 40;

    @Test
    @DisplayName("7.3.1 onCompletion is called once the message is sent, and the message is then on the broker")
    void shouldCallOnCompletionWithTheSentMessageAndMakeItReceivable() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Queue queue = session.createQueue(unique("async-qos"));
            final TextMessage sent = session.createTextMessage("async");
            final RecordingCompletionListener listener = new RecordingCompletionListener(1);

            session.createProducer(queue).send(sent, listener);

            assertThat(listener.await()).isTrue();
            assertThat(listener.completed()).containsExactly(sent);
            assertThat(listener.failures()).isEmpty();
            final MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            assertThat(consumer.receive(RECEIVE_TIMEOUT_MS)).isInstanceOfSatisfying(TextMessage.class,
                received -> assertThat(received).extracting(Section_7_3_AsynchronousSendIT::text).isEqualTo("async"));
        }
    }

    @Test
    @DisplayName("7.3.2 send with a null CompletionListener throws IllegalArgumentException")
    void shouldRefuseANullCompletionListener() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(unique("async-null")));

            assertThatThrownBy(() -> producer.send(session.createMessage(), null))
                .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("7.3.2 an exception the send can throw is thrown in the caller and no callback is made")
    void shouldThrowInTheCallerAndNotCallBackForAnInvalidDestination() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer anonymous = session.createProducer(null);
            final RecordingCompletionListener listener = new RecordingCompletionListener(1);

            assertThatThrownBy(() -> anonymous.send(null, session.createMessage(), listener))
                .isInstanceOfAny(InvalidDestinationException.class, UnsupportedOperationException.class);
            assertThat(listener.awaitBriefly()).isFalse();
            assertThat(listener.threads()).isEmpty();
        }
    }

    @Test
    @DisplayName("7.3.2 an asynchronous send on a closed producer throws IllegalStateException in the caller")
    void shouldThrowIllegalStateForAnAsynchronousSendOnAClosedProducer() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(unique("async-closed")));
            producer.close();
            final RecordingCompletionListener listener = new RecordingCompletionListener(1);

            assertThatThrownBy(() -> producer.send(session.createMessage(), listener))
                .isInstanceOf(IllegalStateException.class);
            assertThat(listener.threads()).isEmpty();
        }
    }

    @Test
    @DisplayName("7.3.3 messages sent asynchronously, mixed with synchronous sends, arrive in send order")
    void shouldKeepTheSendOrderAcrossSynchronousAndAsynchronousSends() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Queue queue = session.createQueue(unique("async-order"));
            final MessageProducer producer = session.createProducer(queue);
            final RecordingCompletionListener listener = new RecordingCompletionListener(MESSAGES / 2);
            for (int i = 0; i < MESSAGES; i++) {
                if (i % 2 == 0) {
                    producer.send(session.createTextMessage("m" + i), listener);
                } else {
                    producer.send(session.createTextMessage("m" + i));
                }
            }
            assertThat(listener.await()).isTrue();
            final MessageConsumer consumer = session.createConsumer(queue);
            connection.start();

            assertThat(texts(drain(consumer))).containsExactlyElementsOf(expectedTexts(MESSAGES));
        }
    }

    @Test
    @DisplayName("7.3.4 closing the producer blocks until every incomplete send has completed")
    void shouldCompleteEveryCallbackBeforeProducerCloseReturns() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(unique("async-close")));
            final RecordingCompletionListener listener = new RecordingCompletionListener(MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                producer.send(session.createTextMessage("m" + i), listener);
            }

            producer.close();

            assertThat(listener.pendingCalls()).isZero();
            assertThat(listener.completed()).hasSize(MESSAGES);
        }
    }

    @Test
    @DisplayName("7.3.4 closing the connection blocks until every incomplete send has completed")
    void shouldCompleteEveryCallbackBeforeConnectionCloseReturns() throws Exception {
        final RecordingCompletionListener listener = new RecordingCompletionListener(MESSAGES);
        final Connection connection = factory().createConnection();
        final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        final MessageProducer producer = session.createProducer(session.createQueue(unique("async-conn-close")));
        for (int i = 0; i < MESSAGES; i++) {
            producer.send(session.createTextMessage("m" + i), listener);
        }

        connection.close();

        assertThat(listener.pendingCalls()).isZero();
    }

    @Test
    @DisplayName("7.3.4 commit blocks until every incomplete send has completed, then commits them all")
    void shouldCompleteEveryCallbackBeforeCommitAndCommitTheMessages() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.SESSION_TRANSACTED);
            final Queue queue = session.createQueue(unique("async-commit"));
            final MessageProducer producer = session.createProducer(queue);
            final RecordingCompletionListener listener = new RecordingCompletionListener(MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                producer.send(session.createTextMessage("m" + i), listener);
            }

            session.commit();

            assertThat(listener.pendingCalls()).isZero();
            final Session reader = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageConsumer consumer = reader.createConsumer(queue);
            connection.start();
            assertThat(texts(drain(consumer))).containsExactlyElementsOf(expectedTexts(MESSAGES));
        }
    }

    @Test
    @DisplayName("7.3.4 a CompletionListener that closes its own producer gets IllegalStateException")
    void shouldRefuseToCloseTheOwnProducerFromACallback() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(unique("async-cb-close")));
            final RecordingCompletionListener listener = new RecordingCompletionListener(1)
                .runningInCallback(producer::close);

            producer.send(session.createMessage(), listener);

            assertThat(listener.await()).isTrue();
            assertThat(listener.actionOutcomes()).singleElement().isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @DisplayName("7.3.4 a CompletionListener that closes its own session or connection gets IllegalStateException")
    void shouldRefuseToCloseTheOwnSessionOrConnectionFromACallback() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(unique("async-cb-sclose")));
            final RecordingCompletionListener sessionClose = new RecordingCompletionListener(1)
                .runningInCallback(session::close);
            final RecordingCompletionListener connectionClose = new RecordingCompletionListener(1)
                .runningInCallback(connection::close);

            producer.send(session.createMessage(), sessionClose);
            assertThat(sessionClose.await()).isTrue();
            producer.send(session.createMessage(), connectionClose);
            assertThat(connectionClose.await()).isTrue();

            assertThat(sessionClose.actionOutcomes()).singleElement().isInstanceOf(IllegalStateException.class);
            assertThat(connectionClose.actionOutcomes()).singleElement().isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @DisplayName("7.3.4 a CompletionListener that commits or rolls back its own session gets IllegalStateException")
    void shouldRefuseToCommitOrRollBackTheOwnSessionFromACallback() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.SESSION_TRANSACTED);
            final MessageProducer producer = session.createProducer(session.createQueue(unique("async-cb-commit")));
            final RecordingCompletionListener commit = new RecordingCompletionListener(1)
                .runningInCallback(session::commit);
            final RecordingCompletionListener rollback = new RecordingCompletionListener(1)
                .runningInCallback(session::rollback);

            producer.send(session.createMessage(), commit);
            assertThat(commit.await()).isTrue();
            producer.send(session.createMessage(), rollback);
            assertThat(rollback.await()).isTrue();

            assertThat(commit.actionOutcomes()).singleElement().isInstanceOf(IllegalStateException.class);
            assertThat(rollback.actionOutcomes()).singleElement().isInstanceOf(IllegalStateException.class);
            session.rollback();
        }
    }

    @Test
    @DisplayName("7.3.4 a CompletionListener that closes its own JMSContext gets IllegalStateRuntimeException")
    void shouldRefuseToCloseTheOwnContextFromACallback() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final RecordingCompletionListener listener = new RecordingCompletionListener(1)
                .runningInCallback(context::close);

            context.createProducer().setAsync(listener).send(context.createQueue(unique("async-ctx-close")), "x");

            assertThat(listener.await()).isTrue();
            assertThat(listener.actionOutcomes()).singleElement().isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    @DisplayName("7.3.6 the headers set on send are on the message when onCompletion is called")
    void shouldSetTheSendHeadersBeforeCallingOnCompletion() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Queue queue = session.createQueue(unique("async-headers"));
            final MessageProducer producer = session.createProducer(queue);
            final TextMessage message = session.createTextMessage("h");
            final long before = System.currentTimeMillis();
            final RecordingCompletionListener listener = new RecordingCompletionListener(1);

            producer.send(message, jakarta.jms.DeliveryMode.NON_PERSISTENT, 7, 60_000, listener);

            assertThat(listener.await()).isTrue();
            final Message completed = listener.completed().get(0);
            assertThat(completed.getJMSMessageID()).startsWith("ID:");
            assertThat(completed.getJMSDestination()).isEqualTo(queue);
            assertThat(completed.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.NON_PERSISTENT);
            assertThat(completed.getJMSPriority()).isEqualTo(7);
            assertThat(completed.getJMSTimestamp()).isBetween(before, System.currentTimeMillis());
            assertThat(completed.getJMSExpiration()).isEqualTo(completed.getJMSTimestamp() + 60_000);
        }
    }

    @Test
    @DisplayName("7.3.8 the CompletionListener is not called on the thread that sends")
    void shouldNotCallTheCompletionListenerOnTheSendingThread() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(unique("async-thread")));
            final RecordingCompletionListener listener = new RecordingCompletionListener(MESSAGES);

            for (int i = 0; i < MESSAGES; i++) {
                producer.send(session.createMessage(), listener);
            }

            assertThat(listener.await()).isTrue();
            assertThat(listener.threads()).hasSize(MESSAGES).doesNotContain(Thread.currentThread());
        }
    }

    @Test
    @DisplayName("7.3.8 callbacks for one producer come in the order of the sends")
    void shouldCallBackInTheOrderOfTheSends() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue(unique("async-cb-order")));
            final RecordingCompletionListener listener = new RecordingCompletionListener(MESSAGES);
            final List<Message> sent = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                final Message message = session.createTextMessage("m" + i);
                sent.add(message);
                producer.send(message, listener);
            }

            assertThat(listener.await()).isTrue();
            assertThat(listener.completed()).containsExactlyElementsOf(sent);
        }
    }

    @Test
    @DisplayName("7.3 JMSProducer.setAsync sends asynchronously, getAsync returns the listener, null restores synchronous sends")
    void shouldSendAsynchronouslyThroughJmsProducerSetAsync() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("async-jmsproducer"));
            final RecordingCompletionListener listener = new RecordingCompletionListener(MESSAGES);
            final JMSProducer producer = context.createProducer().setAsync(listener);
            assertThat(producer.getAsync()).isSameAs(listener);

            for (int i = 0; i < MESSAGES; i++) {
                producer.send(queue, "m" + i);
            }
            assertThat(listener.await()).isTrue();
            producer.setAsync(null).send(queue, "sync");

            assertThat(producer.getAsync()).isNull();
            assertThat(listener.completed()).hasSize(MESSAGES);
            assertThat(listener.threads()).doesNotContain(Thread.currentThread());
            final List<String> expected = new ArrayList<>(expectedTexts(MESSAGES));
            expected.add("sync");
            assertThat(texts(drain(context.createConsumer(queue)))).containsExactlyElementsOf(expected);
        }
    }

    private static List<String> expectedTexts(final int count) {
        return IntStream.range(0, count).mapToObj(i -> "m" + i).toList();
    }

    private static String text(final TextMessage message) {
        try {
            return message.getText();
        } catch (final jakarta.jms.JMSException e) {
            throw new java.lang.IllegalStateException(e);
        }
    }
}
