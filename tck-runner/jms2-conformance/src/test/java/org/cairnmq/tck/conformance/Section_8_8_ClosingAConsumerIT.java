package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.tck.conformance.Conformance.AWAIT_TIMEOUT;
import static org.cairnmq.tck.conformance.Conformance.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.drain;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.texts;
import static org.cairnmq.tck.conformance.Conformance.unique;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("8.8 Closing a consumer")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_8_8_ClosingAConsumerIT {

    @Test
    @DisplayName("8.8 a receive blocked in another thread returns null when the consumer is closed")
    void shouldReturnNullFromABlockedReceiveOnClose() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final JMSConsumer consumer = context.createConsumer(context.createQueue(unique("close-receive")));
            final AtomicReference<Thread> receiver = new AtomicReference<>();
            final CompletableFuture<Message> received = CompletableFuture.supplyAsync(() -> {
                receiver.set(Thread.currentThread());
                return consumer.receive();
            });
            await().atMost(AWAIT_TIMEOUT).until(() -> receiver.get() != null
                && receiver.get().getState() == Thread.State.WAITING || isTimedWaiting(receiver.get()));

            consumer.close();

            assertThat(received.get(RECEIVE_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    @DisplayName("8.8 a listener may close its own consumer; its onMessage then completes normally")
    void shouldLetAListenerCloseItsOwnConsumer() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("close-own"));
            final JMSConsumer consumer = context.createConsumer(queue);
            final AtomicReference<Throwable> closeOutcome = new AtomicReference<>();
            final AtomicBoolean completed = new AtomicBoolean();
            consumer.setMessageListener(message -> {
                try {
                    consumer.close();
                } catch (final RuntimeException e) {
                    closeOutcome.set(e);
                }
                completed.set(true);
            });

            context.createProducer().send(queue, "close yourself").send(queue, "left");

            await().atMost(AWAIT_TIMEOUT).untilTrue(completed);
            assertThat(closeOutcome.get()).isNull();
            try (JMSContext reader = factory().createContext()) {
                assertThat(texts(drain(reader.createConsumer(queue)))).containsExactly("left");
            }
        }
    }

    @Test
    @DisplayName("8.8 close in another thread waits for the running onMessage to finish")
    void shouldWaitForTheRunningListenerOnClose() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("close-wait"));
            final JMSConsumer consumer = context.createConsumer(queue);
            final CountDownLatch inListener = new CountDownLatch(1);
            final CountDownLatch release = new CountDownLatch(1);
            final AtomicBoolean listenerDone = new AtomicBoolean();
            consumer.setMessageListener(message -> {
                inListener.countDown();
                try {
                    release.await(RECEIVE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                listenerDone.set(true);
            });
            context.createProducer().send(queue, "slow");
            assertThat(inListener.await(RECEIVE_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isTrue();

            final CompletableFuture<Void> closing = CompletableFuture.runAsync(consumer::close);
            assertThatThrownBy(() -> closing.get(Conformance.ABSENT_TIMEOUT_MS, TimeUnit.MILLISECONDS))
                .isInstanceOf(TimeoutException.class);
            release.countDown();
            closing.get(RECEIVE_TIMEOUT_MS, TimeUnit.MILLISECONDS);

            assertThat(listenerDone).isTrue();
        }
    }

    @Test
    @DisplayName("8.8 CLIENT_ACKNOWLEDGE: messages may be acknowledged after their consumer is closed")
    void shouldAcknowledgeAfterTheConsumerIsClosed() throws Exception {
        final Queue queue;
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.CLIENT_ACKNOWLEDGE);
            queue = session.createQueue(unique("close-ack"));
            session.createProducer(queue).send(session.createTextMessage("ack me later"));
            final MessageConsumer consumer = session.createConsumer(queue);
            connection.start();
            final Message received = consumer.receive(RECEIVE_TIMEOUT_MS);
            consumer.close();

            received.acknowledge();
        }
        try (JMSContext reader = factory().createContext()) {
            assertThat(drain(reader.createConsumer(queue))).isEmpty();
        }
    }

    @Test
    @DisplayName("8.8 transacted: a commit after the consumer is closed consumes its messages")
    void shouldCommitAfterTheConsumerIsClosed() throws Exception {
        final Queue queue;
        try (JMSContext context = factory().createContext(JMSContext.SESSION_TRANSACTED)) {
            queue = context.createQueue(unique("close-commit"));
            context.createProducer().send(queue, "commit me later");
            context.commit();
            final JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("commit me later");
            consumer.close();

            context.commit();
        }
        try (JMSContext reader = factory().createContext()) {
            assertThat(drain(reader.createConsumer(queue))).isEmpty();
        }
    }

    private static boolean isTimedWaiting(final Thread thread) {
        return thread != null && thread.getState() == Thread.State.TIMED_WAITING;
    }
}
