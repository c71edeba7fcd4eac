package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.tck.conformance.Conformance.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.unique;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("7 Sending messages with the simplified API's JMSProducer")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_7_JMSProducerIT {

    private JMSContext context;
    private Queue queue;
    private JMSConsumer consumer;

    @BeforeEach
    void openContext() {
        context = factory().createContext();
        queue = context.createQueue(unique("producer"));
        consumer = context.createConsumer(queue);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private Message receive() {
        final Message received = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(received).isNotNull();
        return received;
    }

    @Test
    @DisplayName("7.10 every JMSProducer setter returns the producer itself, for chaining")
    void shouldReturnTheSameProducerFromEverySetter() {
        final JMSProducer producer = context.createProducer();

        assertThat(producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT)).isSameAs(producer);
        assertThat(producer.setPriority(3)).isSameAs(producer);
        assertThat(producer.setTimeToLive(1_000)).isSameAs(producer);
        assertThat(producer.setDeliveryDelay(0)).isSameAs(producer);
        assertThat(producer.setDisableMessageID(false)).isSameAs(producer);
        assertThat(producer.setDisableMessageTimestamp(false)).isSameAs(producer);
        assertThat(producer.setProperty("p", 1)).isSameAs(producer);
        assertThat(producer.setJMSCorrelationID("c")).isSameAs(producer);
        assertThat(producer.setJMSType("t")).isSameAs(producer);
        assertThat(producer.setJMSReplyTo(queue)).isSameAs(producer);
        assertThat(producer.clearProperties()).isSameAs(producer);
        assertThat(producer.setAsync(null)).isSameAs(producer);
    }

    @Test
    @DisplayName("7.2 send(String) makes a TextMessage, send(Map) a MapMessage, send(byte[]) a BytesMessage, send(Serializable) an ObjectMessage")
    void shouldMakeTheMessageTypeThatFitsTheBody() throws Exception {
        final Map<String, Object> map = new HashMap<>();
        map.put("k", "v");
        context.createProducer().send(queue, "text").send(queue, map).send(queue, new byte[] {1})
            .send(queue, new BigDecimal("9"));

        assertThat(receive()).isInstanceOfSatisfying(TextMessage.class, m -> assertThat(Conformance.text(m)).isEqualTo("text"));
        assertThat(receive()).isInstanceOf(MapMessage.class);
        assertThat(receive()).isInstanceOf(BytesMessage.class);
        assertThat(receive()).isInstanceOf(ObjectMessage.class);
    }

    @Test
    @DisplayName("7.2 a null String body is sent as a TextMessage without text")
    void shouldSendANullStringAsAnEmptyTextMessage() throws Exception {
        context.createProducer().send(queue, (String) null);

        final Message received = receive();
        assertThat(received).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) received).getText()).isNull();
    }

    @Test
    @DisplayName("7.5 properties set on the JMSProducer are sent, and override those set on the message")
    void shouldSendProducerPropertiesOverridingTheMessageOnes() throws Exception {
        final Message message = context.createTextMessage("p");
        message.setStringProperty("who", "message");
        message.setIntProperty("kept", 1);

        context.createProducer().setProperty("who", "producer").setProperty("extra", 2.5d).send(queue, message);

        final Message received = receive();
        assertThat(received.getStringProperty("who")).isEqualTo("producer");
        assertThat(received.getIntProperty("kept")).isEqualTo(1);
        assertThat(received.getDoubleProperty("extra")).isEqualTo(2.5d);
    }

    @Test
    @DisplayName("7.6 JMSCorrelationID, JMSType and JMSReplyTo set on the JMSProducer are sent, overriding the message's")
    void shouldSendProducerHeadersOverridingTheMessageOnes() throws Exception {
        final Message message = context.createTextMessage("h");
        message.setJMSCorrelationID("from-message");
        message.setJMSType("message-type");
        final Queue replyTo = context.createQueue(unique("reply"));

        context.createProducer().setJMSCorrelationID("from-producer").setJMSType("producer-type")
            .setJMSReplyTo(replyTo).send(queue, message);

        final Message received = receive();
        assertThat(received.getJMSCorrelationID()).isEqualTo("from-producer");
        assertThat(received.getJMSType()).isEqualTo("producer-type");
        assertThat(received.getJMSReplyTo()).isEqualTo(replyTo);
    }

    @Test
    @DisplayName("7.6 headers set on the JMSProducer are sent with a body-only send too")
    void shouldSendProducerHeadersWithABodyOnlySend() throws Exception {
        context.createProducer().setJMSCorrelationID("corr").setJMSType("type").setProperty("p", "v")
            .send(queue, "body");

        final Message received = receive();
        assertThat(received.getJMSCorrelationID()).isEqualTo("corr");
        assertThat(received.getJMSType()).isEqualTo("type");
        assertThat(received.getStringProperty("p")).isEqualTo("v");
    }

    @Test
    @DisplayName("7.5 JMSProducer property getters convert as message properties do and report absent ones")
    void shouldConvertProducerPropertiesLikeMessageProperties() {
        final JMSProducer producer = context.createProducer().setProperty("int", 7).setProperty("text", "12")
            .setProperty("flag", true);

        assertThat(producer.getLongProperty("int")).isEqualTo(7L);
        assertThat(producer.getStringProperty("int")).isEqualTo("7");
        assertThat(producer.getIntProperty("text")).isEqualTo(12);
        assertThat(producer.getBooleanProperty("flag")).isTrue();
        assertThat(producer.propertyExists("int")).isTrue();
        assertThat(producer.propertyExists("absent")).isFalse();
        assertThat(producer.getObjectProperty("absent")).isNull();
        assertThat(producer.getPropertyNames()).containsExactlyInAnyOrder("int", "text", "flag");
        assertThatThrownBy(() -> producer.getIntProperty("flag")).isInstanceOf(MessageFormatRuntimeException.class);
        assertThatThrownBy(() -> producer.getIntProperty("absent")).isInstanceOf(NumberFormatException.class);

        producer.clearProperties();

        assertThat(producer.getPropertyNames()).isEmpty();
    }

    @Test
    @DisplayName("7.5 setProperty refuses a null or empty name and a value of an unsupported type")
    void shouldRefuseInvalidProducerProperties() {
        final JMSProducer producer = context.createProducer();

        assertThatThrownBy(() -> producer.setProperty(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> producer.setProperty("bad", new StringBuilder("x")))
            .isInstanceOf(MessageFormatRuntimeException.class);
    }

    @Test
    @DisplayName("7.7 and 7.8 delivery mode, priority and time to live set on the JMSProducer are on the received message")
    void shouldApplyTheProducersDeliveryOptions() {
        final long before = System.currentTimeMillis();
        context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setPriority(8).setTimeToLive(60_000)
            .send(queue, "options");

        final Message received = receive();
        assertThat(getInt(() -> received.getJMSDeliveryMode())).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(getInt(() -> received.getJMSPriority())).isEqualTo(8);
        assertThat(getLong(() -> received.getJMSExpiration())).isBetween(before + 60_000, System.currentTimeMillis() + 60_000);
    }

    @Test
    @DisplayName("7.4 a JMSProducer's delivery options default to PERSISTENT, priority 4, time to live 0")
    void shouldDefaultTheDeliveryOptions() {
        final JMSProducer producer = context.createProducer();

        assertThat(producer.getDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(producer.getPriority()).isEqualTo(4);
        assertThat(producer.getTimeToLive()).isZero();
        producer.send(queue, "defaults");
        final Message received = receive();
        assertThat(getLong(() -> received.getJMSExpiration())).isZero();
        assertThat(getInt(() -> received.getJMSDeliveryMode())).isEqualTo(DeliveryMode.PERSISTENT);
    }

    @Test
    @DisplayName("7.2 sending to a null destination throws InvalidDestinationRuntimeException")
    void shouldRefuseANullDestination() {
        final JMSProducer producer = context.createProducer();

        assertThatThrownBy(() -> producer.send(null, "x")).isInstanceOf(InvalidDestinationRuntimeException.class);
        assertThatThrownBy(() -> producer.send(null, context.createMessage()))
            .isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @Test
    @DisplayName("3.4.3 the message sent with a JMSProducer gets an ID: message id and its destination on return")
    void shouldSetMessageIdAndDestinationOnSend() throws Exception {
        final Message message = context.createMessage();

        context.createProducer().send(queue, message);

        assertThat(message.getJMSMessageID()).startsWith("ID:");
        assertThat(message.getJMSDestination()).isEqualTo(queue);
        assertThat(receive().getJMSMessageID()).isEqualTo(message.getJMSMessageID());
    }

    @Test
    @DisplayName("3.4.3 and 3.4.4 with message ids and timestamps disabled, they are null and 0 or their normal values")
    void shouldHonourOrIgnoreTheDisableHints() throws Exception {
        final Message message = context.createMessage();
        final long before = System.currentTimeMillis();

        context.createProducer().setDisableMessageID(true).setDisableMessageTimestamp(true).send(queue, message);

        final long after = System.currentTimeMillis();
        final Message received = receive();
        if (received.getJMSMessageID() != null) {
            assertThat(received.getJMSMessageID()).startsWith("ID:");
        }
        if (received.getJMSTimestamp() != 0) {
            assertThat(received.getJMSTimestamp()).isBetween(before, after);
        }
        assertThat(context.createProducer().setDisableMessageID(true).getDisableMessageID()).isTrue();
        assertThat(context.createProducer().setDisableMessageTimestamp(true).getDisableMessageTimestamp()).isTrue();
    }

    private static int getInt(final JmsIntSupplier supplier) {
        try {
            return supplier.get();
        } catch (final jakarta.jms.JMSException e) {
            throw new AssertionError(e);
        }
    }

    private static long getLong(final JmsLongSupplier supplier) {
        try {
            return supplier.get();
        } catch (final jakarta.jms.JMSException e) {
            throw new AssertionError(e);
        }
    }

    private interface JmsIntSupplier {
        int get() throws jakarta.jms.JMSException;
    }

    private interface JmsLongSupplier {
        long get() throws jakarta.jms.JMSException;
    }
}
