package org.cairnmq.jms.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cairnmq.jms.testing.TestBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Synchronous NON_PERSISTENT sends that do not wait for the broker's answer (pipelined). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelinedSendIT {

    private static final long RECEIVE_TIMEOUT_MS = 5_000;
    /** Above the broker's default limit of 1 MiB, below the frame limit: refused by the broker. */
    private static final int TOO_LARGE_BYTES = 2 * 1024 * 1024;

    @TempDir
    Path dataDirectory;

    private TestBroker broker;
    private Connection connection;

    @BeforeEach
    void start() throws JMSException {
        broker = new TestBroker(dataDirectory);
        connection = broker.factory("").createConnection();
        connection.start();
    }

    @AfterEach
    void stop() throws JMSException {
        connection.close();
        broker.close();
    }

    @Test
    void shouldDeliverEveryPipelinedSendInOrderWhenTheWindowFillsManyTimes() throws JMSException {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("pipelined-order");
        final MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        final int count = SendCompletions.MAX_UNANSWERED_SENDS * 3;
        for (int i = 0; i < count; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
        producer.close();

        final MessageConsumer consumer = session.createConsumer(queue);
        for (int i = 0; i < count; i++) {
            final Message received = consumer.receive(RECEIVE_TIMEOUT_MS);
            assertThat(received).isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) received).getText()).isEqualTo("m" + i);
        }
        assertThat(consumer.receiveNoWait()).isNull();
    }

    @Test
    void shouldThrowARefusedPipelinedSendFromTheNextSendAndTellTheExceptionListener() throws Exception {
        final CompletableFuture<JMSException> heard = new CompletableFuture<>();
        connection.setExceptionListener(heard::complete);
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("pipelined-refused");
        final MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        final BytesMessage tooLarge = session.createBytesMessage();
        tooLarge.writeBytes(new byte[TOO_LARGE_BYTES]);

        producer.send(tooLarge);

        assertThat(heard.get(RECEIVE_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            .isInstanceOf(ResourceAllocationException.class);
        assertThatThrownBy(() -> producer.send(session.createTextMessage("next")))
            .isInstanceOf(ResourceAllocationException.class);
        producer.send(session.createTextMessage("after"));
        producer.close();
        final MessageConsumer consumer = session.createConsumer(queue);
        assertThat(((TextMessage) consumer.receive(RECEIVE_TIMEOUT_MS)).getText()).isEqualTo("after");
    }

    @Test
    void shouldStillRefuseAPersistentSendFromTheSendItself() throws JMSException {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageProducer producer = session.createProducer(session.createQueue("persistent-refused"));
        final BytesMessage tooLarge = session.createBytesMessage();
        tooLarge.writeBytes(new byte[TOO_LARGE_BYTES]);

        assertThatThrownBy(() -> producer.send(tooLarge)).isInstanceOf(ResourceAllocationException.class);
    }
}
