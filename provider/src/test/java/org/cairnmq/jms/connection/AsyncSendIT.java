package org.cairnmq.jms.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cairnmq.jms.testing.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Asynchronous sends, the send-time headers and QueueRequestor through the classic API. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AsyncSendIT {

    private static final long RECEIVE_TIMEOUT_MS = 5_000;

    @TempDir
    Path dataDirectory;

    private TestBroker broker;
    private final List<Connection> connections = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        broker = new TestBroker(dataDirectory);
    }

    @AfterEach
    void stopBroker() throws JMSException {
        for (final Connection connection : connections) {
            connection.close();
        }
        broker.close();
    }

    private Connection started() throws JMSException {
        final Connection connection = broker.factory("").createConnection();
        connections.add(connection);
        connection.start();
        return connection;
    }

    /** Records completions in order and what close/commit did when called from inside the listener. */
    private static final class RecordingListener implements CompletionListener {
        private final List<String> completed = new CopyOnWriteArrayList<>();
        private final CompletableFuture<List<Exception>> refusals = new CompletableFuture<>();
        private final int expected;
        private final Session session;
        private final MessageProducer producer;

        RecordingListener(final int expected, final Session session, final MessageProducer producer) {
            this.expected = expected;
            this.session = session;
            this.producer = producer;
        }

        @Override
        public void onCompletion(final Message message) {
            try {
                completed.add(((TextMessage) message).getText());
            } catch (final JMSException unexpected) {
                refusals.completeExceptionally(unexpected);
            }
            if (completed.size() == expected) {
                final List<Exception> thrown = new ArrayList<>();
                for (final JmsCall call : new JmsCall[] {session::close, session::commit, producer::close}) {
                    try {
                        call.run();
                    } catch (final JMSException refused) {
                        thrown.add(refused);
                    }
                }
                refusals.complete(thrown);
            }
        }

        @Override
        public void onException(final Message message, final Exception exception) {
            refusals.completeExceptionally(exception);
        }
    }

    @FunctionalInterface
    private interface JmsCall {
        void run() throws JMSException;
    }

    @Test
    void shouldCompleteAsynchronousSendsInOrderOnAProviderThreadAndRefuseCloseFromTheListener() throws Exception {
        final Connection connection = started();
        final Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        final Queue queue = session.createQueue("async.classic");
        final MessageProducer producer = session.createProducer(queue);
        final RecordingListener listener = new RecordingListener(5, session, producer);

        for (int i = 0; i < 5; i++) {
            producer.send(session.createTextMessage("m" + i), listener);
        }

        final List<Exception> refusals = listener.refusals.get(10, TimeUnit.SECONDS);
        assertThat(listener.completed).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(refusals).hasSize(3).allMatch(IllegalStateException.class::isInstance);
        session.commit();
        final MessageConsumer consumer = started().createSession().createConsumer(queue);
        assertThat(((TextMessage) consumer.receive(RECEIVE_TIMEOUT_MS)).getText()).isEqualTo("m0");
    }

    @Test
    void shouldWaitInCloseForOutstandingCompletions() throws JMSException {
        final Connection connection = started();
        final Session session = connection.createSession();
        final MessageProducer producer = session.createProducer(session.createQueue("async.close"));
        final List<String> completed = new CopyOnWriteArrayList<>();
        final CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(final Message message) {
                completed.add("done");
            }

            @Override
            public void onException(final Message message, final Exception exception) {
                completed.add("failed: " + exception);
            }
        };

        for (int i = 0; i < 20; i++) {
            producer.send(session.createTextMessage("m" + i), listener);
        }
        producer.close();

        assertThat(completed).hasSize(20).containsOnly("done");
    }

    @Test
    void shouldLetAMessageListenerSendAsynchronouslyAndCloseItsProducer() throws Exception {
        final Connection connection = started();
        final Session session = connection.createSession();
        final Queue requests = session.createQueue("async.in");
        final Queue forwarded = session.createQueue("async.out");
        final CompletableFuture<String> outcome = new CompletableFuture<>();
        session.createConsumer(requests).setMessageListener(request -> {
            final List<String> completed = new CopyOnWriteArrayList<>();
            try {
                final MessageProducer producer = session.createProducer(forwarded);
                producer.send(request, new CompletionListener() {
                    @Override
                    public void onCompletion(final Message message) {
                        completed.add("completed");
                    }

                    @Override
                    public void onException(final Message message, final Exception exception) {
                        completed.add("failed");
                    }
                });
                producer.close();
                outcome.complete(String.join(",", completed));
            } catch (final JMSException failure) {
                outcome.completeExceptionally(failure);
            }
        });

        try (Session sender = connection.createSession()) {
            sender.createProducer(requests).send(sender.createTextMessage("forward me"));
        }

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("completed");
    }

    @Test
    void shouldStampDeliveryTimeAndExpirationFromTheSendTime() throws JMSException {
        final Connection connection = started();
        final Session session = connection.createSession();
        final Queue queue = session.createQueue("headers");
        final MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryDelay(200);
        producer.setTimeToLive(60_000);
        producer.setPriority(8);
        final Message sent = session.createTextMessage("delayed");

        producer.send(sent);

        assertThat(sent.getJMSDeliveryTime()).isEqualTo(sent.getJMSTimestamp() + 200);
        assertThat(sent.getJMSExpiration()).isEqualTo(sent.getJMSTimestamp() + 60_000);
        final Message received = session.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS);
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(sent.getJMSDeliveryTime());
        assertThat(received.getJMSDeliveryTime()).isEqualTo(sent.getJMSDeliveryTime());
        assertThat(received.getJMSPriority()).isEqualTo(8);
    }

    @Test
    void shouldAnswerAQueueRequestorThroughATemporaryQueue() throws JMSException {
        final QueueConnection connection = broker.factory("").createQueueConnection();
        connections.add(connection);
        connection.start();
        final QueueSession serverSession = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue service = serverSession.createQueue("queue.service");
        final MessageProducer replier = serverSession.createProducer(null);
        serverSession.createReceiver(service).setMessageListener(request -> {
            try {
                replier.send(request.getJMSReplyTo(),
                    serverSession.createTextMessage("re: " + ((TextMessage) request).getText()));
            } catch (final JMSException failure) {
                throw new IllegalArgumentException(failure);
            }
        });
        final QueueSession clientSession = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        final QueueRequestor requestor = new QueueRequestor(clientSession, service);

        final Message reply = requestor.request(clientSession.createTextMessage("ping"));

        assertThat(((TextMessage) reply).getText()).isEqualTo("re: ping");
        requestor.close();
        assertThatThrownBy(() -> clientSession.createTextMessage()).isInstanceOf(IllegalStateException.class);
    }
}
