package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.tck.conformance.Conformance.ABSENT_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.unique;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("8.6 Receiving message bodies synchronously")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_8_6_ReceiveBodyIT {

    @Test
    @DisplayName("8.6 receiveBody returns the body of a TextMessage, MapMessage, BytesMessage and ObjectMessage")
    void shouldReceiveTheBodyOfEachSupportedMessageType() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("body-types"));
            final byte[] bytes = {1, 2, 3};
            context.createProducer().send(queue, "text").send(queue, Map.<String, Object>of("k", 42))
                .send(queue, bytes).send(queue, new BigDecimal("1.5"));
            final JMSConsumer consumer = context.createConsumer(queue);

            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("text");
            final Map<?, ?> map = consumer.receiveBody(Map.class, RECEIVE_TIMEOUT_MS);
            assertThat(map.get("k")).isEqualTo(42);
            assertThat(consumer.receiveBody(byte[].class, RECEIVE_TIMEOUT_MS)).containsExactly(bytes);
            assertThat(consumer.receiveBody(Serializable.class, RECEIVE_TIMEOUT_MS)).isEqualTo(new BigDecimal("1.5"));
        }
    }

    @Test
    @DisplayName("8.6 receiveBody accepts a supertype of the body: Object for a text, Number for a BigDecimal")
    void shouldReceiveTheBodyAsASupertype() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("body-supertype"));
            context.createProducer().send(queue, "text").send(queue, new BigDecimal("2.5"));
            final JMSConsumer consumer = context.createConsumer(queue);

            assertThat(consumer.receiveBody(Object.class, RECEIVE_TIMEOUT_MS)).isEqualTo("text");
            assertThat(consumer.receiveBody(Number.class, RECEIVE_TIMEOUT_MS)).isEqualTo(new BigDecimal("2.5"));
        }
    }

    @Test
    @DisplayName("8.6 receiveBodyNoWait returns null when no message is there and the body when one is")
    void shouldReturnNullFromReceiveBodyNoWaitWhenNothingIsThere() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("body-nowait"));
            final JMSConsumer consumer = context.createConsumer(queue);
            assertThat(consumer.receiveBodyNoWait(String.class)).isNull();

            context.createProducer().send(queue, "there");

            org.awaitility.Awaitility.await().atMost(Conformance.AWAIT_TIMEOUT).pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> "there".equals(consumer.receiveBodyNoWait(String.class)));
        }
    }

    @Test
    @DisplayName("8.6 receiveBody with a timeout returns null when nothing arrives in time")
    void shouldReturnNullFromReceiveBodyWhenTheTimeoutPasses() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final JMSConsumer consumer = context.createConsumer(context.createQueue(unique("body-timeout")));
            final long start = System.nanoTime();

            assertThat(consumer.receiveBody(String.class, ABSENT_TIMEOUT_MS)).isNull();

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(ABSENT_TIMEOUT_MS - 50);
        }
    }

    @Test
    @DisplayName("8.6 AUTO_ACKNOWLEDGE: a body of the wrong type throws and the same message comes next, not redelivered")
    void shouldDeliverTheMessageAgainAfterAWrongTypeInAutoAcknowledge() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("body-wrongtype"));
            context.createProducer().send(queue, "text");
            final JMSConsumer consumer = context.createConsumer(queue);

            assertThatThrownBy(() -> consumer.receiveBody(Integer.class, RECEIVE_TIMEOUT_MS))
                .isInstanceOf(MessageFormatRuntimeException.class);

            final Message again = consumer.receive(RECEIVE_TIMEOUT_MS);
            assertThat(again).isNotNull();
            assertThat(again.getBody(String.class)).isEqualTo("text");
            assertThat(again.getJMSRedelivered()).isFalse();
            assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("8.6 receiveBody of a StreamMessage throws MessageFormatRuntimeException and the message comes next")
    void shouldRefuseAStreamMessageBodyAndKeepTheMessage() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("body-stream"));
            final StreamMessage stream = context.createStreamMessage();
            stream.writeInt(7);
            context.createProducer().send(queue, stream);
            final JMSConsumer consumer = context.createConsumer(queue);

            assertThatThrownBy(() -> consumer.receiveBody(Object.class, RECEIVE_TIMEOUT_MS))
                .isInstanceOf(MessageFormatRuntimeException.class);

            assertThat(consumer.receive(RECEIVE_TIMEOUT_MS)).isInstanceOf(StreamMessage.class);
        }
    }

    @Test
    @DisplayName("8.6 receiveBody of a Message without a body type throws MessageFormatRuntimeException")
    void shouldRefuseAPlainMessage() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("body-plain"));
            context.createProducer().send(queue, context.createMessage());
            final JMSConsumer consumer = context.createConsumer(queue);

            assertThatThrownBy(() -> consumer.receiveBody(Object.class, RECEIVE_TIMEOUT_MS))
                .isInstanceOf(MessageFormatRuntimeException.class);
        }
    }

    @Test
    @DisplayName("8.6 CLIENT_ACKNOWLEDGE: a failed receiveBody counts as delivered; recover redelivers it flagged")
    void shouldRedeliverAFailedBodyOnlyAfterRecoverInClientAcknowledge() throws Exception {
        try (JMSContext context = factory().createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            final Queue queue = context.createQueue(unique("body-client"));
            context.createProducer().send(queue, "first").send(queue, "second");
            final JMSConsumer consumer = context.createConsumer(queue);

            assertThatThrownBy(() -> consumer.receiveBody(Integer.class, RECEIVE_TIMEOUT_MS))
                .isInstanceOf(MessageFormatRuntimeException.class);
            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("second");
            context.recover();

            final Message redelivered = consumer.receive(RECEIVE_TIMEOUT_MS);
            assertThat(redelivered.getBody(String.class)).isEqualTo("first");
            assertThat(redelivered.getJMSRedelivered()).isTrue();
            assertThat(redelivered.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
            context.acknowledge();
        }
    }

    @Test
    @DisplayName("8.6 transacted: a failed receiveBody counts as delivered; rollback redelivers it flagged")
    void shouldRedeliverAFailedBodyOnlyAfterRollbackInATransaction() throws Exception {
        try (JMSContext context = factory().createContext(JMSContext.SESSION_TRANSACTED)) {
            final Queue queue = context.createQueue(unique("body-tx"));
            context.createProducer().send(queue, "first").send(queue, "second");
            context.commit();
            final JMSConsumer consumer = context.createConsumer(queue);

            assertThatThrownBy(() -> consumer.receiveBody(Integer.class, RECEIVE_TIMEOUT_MS))
                .isInstanceOf(MessageFormatRuntimeException.class);
            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("second");
            context.rollback();

            final Message redelivered = consumer.receive(RECEIVE_TIMEOUT_MS);
            assertThat(redelivered.getBody(String.class)).isEqualTo("first");
            assertThat(redelivered.getJMSRedelivered()).isTrue();
            context.commit();
        }
    }
}
