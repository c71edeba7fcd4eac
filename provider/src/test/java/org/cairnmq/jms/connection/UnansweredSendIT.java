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

/**
 * Synchronous NON_PERSISTENT sends outside a transaction, which the broker does not answer
 * (SEND_UNANSWERED): order, the send window, and failures reported to the session that sent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnansweredSendIT {

    private static final long RECEIVE_TIMEOUT_MS = 5_000;
    /** A send window a few dozen text messages fill, so a test fills it many times. */
    private static final String SMALL_WINDOW = "&producerWindowBytes=4096";
    /** Above the broker's default limit of 1 MiB, below the frame limit: refused by the broker. */
    private static final int TOO_LARGE_BYTES = 2 * 1024 * 1024;

    @TempDir
    Path dataDirectory;

    private TestBroker broker;
    private Connection connection;

    @BeforeEach
    void start() throws JMSException {
        broker = new TestBroker(dataDirectory);
        connection = broker.factory(SMALL_WINDOW).createConnection();
        connection.start();
    }

    @AfterEach
    void stop() throws JMSException {
        connection.close();
        broker.close();
    }

    @Test
    void shouldDeliverEveryUnansweredSendInOrderWhenTheWindowFillsManyTimes() throws JMSException {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("unanswered-order");
        final MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        final int count = 3_000;
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
    void shouldThrowARefusedUnansweredSendFromTheNextSendAndTellTheExceptionListener() throws Exception {
        final CompletableFuture<JMSException> heard = new CompletableFuture<>();
        connection.setExceptionListener(heard::complete);
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = session.createQueue("unanswered-refused");
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
    void shouldThrowTheRefusalOfTheLastSendFromClosingTheProducer() throws JMSException {
        final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final MessageProducer producer = session.createProducer(session.createQueue("unanswered-last"));
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        producer.send(tooLarge(session));

        assertThatThrownBy(producer::close).isInstanceOf(ResourceAllocationException.class);
    }

    @Test
    void shouldReportARefusalToTheSessionThatSentOnly() throws JMSException {
        final Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Session other = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        final Queue queue = sender.createQueue("unanswered-attributed");
        final MessageProducer refused = sender.createProducer(queue);
        refused.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        final MessageProducer fine = other.createProducer(queue);
        fine.setDeliveryMode(DeliveryMode.NON_PERSISTENT);

        refused.send(tooLarge(sender));
        fine.send(other.createTextMessage("fine"));
        other.close();

        assertThatThrownBy(sender::close).isInstanceOf(ResourceAllocationException.class);
        final Session reader = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThat(((TextMessage) reader.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS)).getText())
            .isEqualTo("fine");
    }

    @Test
    void shouldRefuseANonPersistentSendFromTheSendItselfWithoutASendWindow() throws JMSException {
        try (Connection answered = broker.factory("&producerWindowBytes=0").createConnection()) {
            final Session session = answered.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final MessageProducer producer = session.createProducer(session.createQueue("answered-refused"));
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);

            assertThatThrownBy(() -> producer.send(tooLarge(session))).isInstanceOf(ResourceAllocationException.class);
        }
    }

    private static BytesMessage tooLarge(final Session session) throws JMSException {
        final BytesMessage message = session.createBytesMessage();
        message.writeBytes(new byte[TOO_LARGE_BYTES]);
        return message;
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
