package org.cairnmq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.cairnmq.jms.it.JmsTestMessages.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.jms.it.JmsTestMessages.drain;
import static org.cairnmq.jms.it.JmsTestMessages.sendPersistent;
import static org.cairnmq.jms.it.JmsTestMessages.texts;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.frame.FrameDescriptor;
import org.cairnmq.server.CairnBroker;
import org.cairnmq.server.broker.BrokerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker's limits seen through the JMS API: message size, frame size, connection count, producer
 * flow control at the disk high-water mark, and a client that sends garbage.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LimitsIT {

    private static final int MAX_MESSAGE_BYTES = 16 * 1024;
    private static final long PRODUCER_BLOCK_MS = 300;
    private static final long DISCONNECT_TIMEOUT_MS = 10_000;

    @RegisterExtension
    final BrokerFixture brokers = new BrokerFixture();

    @TempDir
    Path dataDirectory;

    private Session session(final CairnBroker broker) throws JMSException {
        return brokers.connect(BrokerFixture.urlOf(broker)).createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    private static BytesMessage bytesOf(final Session session, final int lengthBytes) throws JMSException {
        final BytesMessage message = session.createBytesMessage();
        message.writeBytes(new byte[lengthBytes]);
        return message;
    }

    @Test
    void shouldRefuseAMessageLargerThanTheBrokerLimitAndKeepTheProducerUsable() throws JMSException {
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder.brokerConfig(
            BrokerConfig.defaults(dataDirectory.resolve("broker")).withMaxMessageBytes(MAX_MESSAGE_BYTES)));
        final Session session = session(broker);
        final Queue queue = session.createQueue("limits.size");
        final MessageProducer producer = session.createProducer(queue);

        assertThatThrownBy(() -> producer.send(bytesOf(session, 2 * MAX_MESSAGE_BYTES)))
            .isInstanceOf(ResourceAllocationException.class)
            .satisfies(e -> assertThat(((JMSException) e).getErrorCode()).isEqualTo("MESSAGE_TOO_LARGE"));
        producer.send(bytesOf(session, MAX_MESSAGE_BYTES / 2));
        sendPersistent(session, producer, "after");

        final List<Message> received = drain(session.createConsumer(queue), 10);
        assertThat(received).hasSize(2);
        assertThat(((BytesMessage) received.get(0)).getBodyLength()).isEqualTo(MAX_MESSAGE_BYTES / 2);
        assertThat(texts(received.subList(1, 2))).containsExactly("after");
    }

    @Test
    void shouldRefuseAFrameLongerThanTheListenerLimitAndKeepTheConnectionUsable() throws JMSException {
        final int maxFrameBytes = 64 * 1024;
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder
            .remoting(remoting -> remoting.withMaxFrameLengthBytes(maxFrameBytes)));
        final Session session = session(broker);
        final Queue queue = session.createQueue("limits.frame");
        final MessageProducer producer = session.createProducer(queue);

        assertThatThrownBy(() -> producer.send(bytesOf(session, 4 * maxFrameBytes))).isInstanceOf(JMSException.class)
            .satisfies(e -> assertThat(((JMSException) e).getErrorCode()).isEqualTo("FRAME_TOO_LARGE"));
        sendPersistent(session, producer, "after");

        assertThat(texts(drain(session.createConsumer(queue), 10))).containsExactly("after");
    }

    @Test
    void shouldRefuseOneConnectionMoreThanTheLimitWhileTheOthersKeepWorking() throws JMSException {
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder
            .remoting(remoting -> remoting.withMaxConnections(2))
            .naming(naming -> naming.withRemoting(naming.remoting().withMaxConnections(100))));
        final String url = BrokerFixture.urlOf(broker);
        final Connection first = brokers.connect(url);
        final Connection second = brokers.connect(url);

        assertThatThrownBy(() -> brokers.connect(url)).isInstanceOf(ResourceAllocationException.class);

        for (final Connection connection : List.of(first, second)) {
            final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final Queue queue = session.createQueue("limits.connections");
            sendPersistent(session, session.createProducer(queue), "still-working");
            final MessageConsumer consumer = session.createConsumer(queue);
            assertThat(texts(List.of(consumer.receive(RECEIVE_TIMEOUT_MS)))).containsExactly("still-working");
            consumer.close();
        }
        second.close();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
            .until(() -> brokers.connect(url) != null);
    }

    @Test
    void shouldBlockThenFailSendsWithResourceAllocationAboveTheDiskHighWaterMark() throws JMSException {
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder.brokerConfig(
            BrokerConfig.defaults(dataDirectory.resolve("broker")).withProducerFlowControl(0.000001,
                PRODUCER_BLOCK_MS)));
        final Session session = session(broker);
        final Queue queue = session.createQueue("limits.disk");
        final MessageProducer producer = session.createProducer(queue);

        long startNanos = System.nanoTime();
        assertThatThrownBy(() -> producer.send(session.createTextMessage("blocked")))
            .isInstanceOf(ResourceAllocationException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos))
            .as("the persistent send waited producerBlockMs first")
            .isGreaterThanOrEqualTo(PRODUCER_BLOCK_MS - 20).isLessThan(10_000);

        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        startNanos = System.nanoTime();
        producer.send(session.createTextMessage("unanswered, blocked"));
        assertThatThrownBy(producer::close).as("an unanswered non-persistent send's refusal surfaces at close")
            .isInstanceOf(ResourceAllocationException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos))
            .as("the broker held the non-persistent send producerBlockMs first")
            .isGreaterThanOrEqualTo(PRODUCER_BLOCK_MS - 20).isLessThan(10_000);

        assertThat(session.createConsumer(queue).receive(500)).as("nothing was stored").isNull();
    }

    @Test
    void shouldDisconnectAClientWhoseFrameLengthIsGarbageAndKeepServingTheOthers() throws Exception {
        final byte[] garbage = {0, 0, 0, 5, 'n', 'o', 'p', 'e', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        final byte[] answer = sendGarbageAndReadUntilClosed(garbage, ErrorCode.MALFORMED_FRAME);
        assertThat(answer).isNotEmpty();
    }

    @Test
    void shouldDisconnectAClientThatSpeaksHttpBeforeTheHandshakeAndKeepServingTheOthers() throws Exception {
        final byte[] garbage = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        sendGarbageAndReadUntilClosed(garbage, null);
    }

    /**
     * Opens a JMS connection, sends garbage on a raw socket to the broker port, and checks that the
     * broker closes the raw socket (after an error frame, when {@code expectedError} is given) while
     * the JMS connection keeps sending and receiving.
     */
    private byte[] sendGarbageAndReadUntilClosed(final byte[] garbage, final ErrorCode expectedError)
        throws Exception {
        final CairnBroker broker = brokers.start(dataDirectory, builder -> builder);
        final Session session = session(broker);
        final Queue queue = session.createQueue("limits.garbage");
        final MessageProducer producer = session.createProducer(queue);
        final MessageConsumer consumer = session.createConsumer(queue);
        sendPersistent(session, producer, "before");
        assertThat(texts(List.of(consumer.receive(RECEIVE_TIMEOUT_MS)))).containsExactly("before");

        final byte[] answer;
        try (Socket socket = new Socket("127.0.0.1", broker.brokerPort())) {
            socket.getOutputStream().write(garbage);
            socket.getOutputStream().flush();
            answer = readUntilClosed(socket, DISCONNECT_TIMEOUT_MS);
        }

        if (expectedError != null) {
            assertThat(answer.length).as("an error frame before the close").isGreaterThanOrEqualTo(
                FrameDescriptor.HEADER_LENGTH);
            assertThat(ByteBuffer.wrap(answer).getShort(FrameDescriptor.STATUS_CODE_OFFSET))
                .isEqualTo((short) expectedError.code());
        }
        sendPersistent(session, producer, "after");
        assertThat(texts(List.of(consumer.receive(RECEIVE_TIMEOUT_MS)))).containsExactly("after");
        return answer;
    }

    /** Reads everything the peer sends until it closes; fails if it has not closed by the deadline. */
    private static byte[] readUntilClosed(final Socket socket, final long timeoutMs) throws IOException {
        socket.setSoTimeout(200);
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final InputStream in = socket.getInputStream();
        final byte[] buffer = new byte[4096];
        final long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() - deadlineNanos < 0) {
            try {
                final int read = in.read(buffer);
                if (read < 0) {
                    return received.toByteArray();
                }
                received.write(buffer, 0, read);
            } catch (final SocketTimeoutException stillOpen) {
                continue;
            } catch (final IOException reset) {
                return received.toByteArray();
            }
        }
        throw new AssertionError("the broker did not close the connection within " + timeoutMs + " ms; it sent "
            + received.size() + " byte(s)");
    }
}
