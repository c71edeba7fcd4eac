package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.tck.conformance.Conformance.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.unique;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Message.getBody} and {@code Message.isBodyAssignableTo}, added by JMS 2.0; the specification
 * describes the body types in 3.11 and the rules are those of the {@code Message} javadoc. Each check
 * runs on a message as received from the broker, where the body is read-only.
 */
@DisplayName("3.11 Message body: getBody and isBodyAssignableTo")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_3_11_MessageBodyIT {

    private JMSContext context;
    private Queue queue;
    private JMSConsumer consumer;

    @BeforeEach
    void openContext() {
        context = factory().createContext();
        queue = context.createQueue(unique("body"));
        consumer = context.createConsumer(queue);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private Message roundTrip(final Message message) {
        context.createProducer().send(queue, message);
        final Message received = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(received).isNotNull();
        return received;
    }

    @Test
    @DisplayName("3.11 a TextMessage body is assignable to String, CharSequence and Object only")
    void shouldGetATextBodyAsStringOrSupertypes() throws Exception {
        final Message received = roundTrip(context.createTextMessage("hello"));

        assertThat(received.getBody(String.class)).isEqualTo("hello");
        assertThat(received.getBody(CharSequence.class)).isEqualTo("hello");
        assertThat(received.getBody(Object.class)).isEqualTo("hello");
        assertThat(received.isBodyAssignableTo(String.class)).isTrue();
        assertThat(received.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> received.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @DisplayName("3.11 a BytesMessage body is a byte[], read from the start whatever was read before")
    void shouldGetABytesBodyAsAByteArray() throws Exception {
        final BytesMessage message = context.createBytesMessage();
        message.writeBytes(new byte[] {5, 6, 7, 8});
        final BytesMessage received = (BytesMessage) roundTrip(message);
        assertThat(received.readByte()).isEqualTo((byte) 5);

        assertThat(received.getBody(byte[].class)).containsExactly(5, 6, 7, 8);
        assertThat(received.getBody(Object.class)).isEqualTo(new byte[] {5, 6, 7, 8});
        assertThat(received.isBodyAssignableTo(byte[].class)).isTrue();
        assertThat(received.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> received.getBody(String.class)).isInstanceOf(MessageFormatException.class);
        assertThat(received.readByte()).isEqualTo((byte) 5);
    }

    @Test
    @DisplayName("3.12 getBody returns a copy: changing the returned byte[] does not change the message")
    void shouldReturnACopyOfTheBytesBody() throws Exception {
        final BytesMessage message = context.createBytesMessage();
        message.writeBytes(new byte[] {1, 2});
        final Message received = roundTrip(message);

        received.getBody(byte[].class)[0] = 99;

        assertThat(received.getBody(byte[].class)).containsExactly(1, 2);
    }

    @Test
    @DisplayName("3.11 a MapMessage body is a Map holding every entry")
    void shouldGetAMapBodyAsAMap() throws Exception {
        final MapMessage message = context.createMapMessage();
        message.setInt("i", 7);
        message.setString("s", "seven");
        message.setBytes("b", new byte[] {7});
        final Message received = roundTrip(message);

        final Map<?, ?> body = received.getBody(Map.class);

        assertThat(new java.util.HashSet<Object>(body.keySet())).containsExactlyInAnyOrder("i", "s", "b");
        assertThat(body.get("i")).isEqualTo(7);
        assertThat(body.get("s")).isEqualTo("seven");
        assertThat(received.isBodyAssignableTo(Map.class)).isTrue();
        assertThat(received.isBodyAssignableTo(String.class)).isFalse();
        assertThatThrownBy(() -> received.getBody(String.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @DisplayName("3.11 an ObjectMessage body is assignable to its class and its supertypes only")
    void shouldGetAnObjectBodyAsItsClassOrSupertypes() throws Exception {
        final ArrayList<Object> list = new ArrayList<>(java.util.List.of("a", 1, new Date(0)));
        final Message received = roundTrip(context.createObjectMessage(list));

        assertThat((Object) received.getBody(ArrayList.class)).isEqualTo(list);
        assertThat(received.getBody(Serializable.class)).isEqualTo(list);
        assertThat(received.isBodyAssignableTo(java.util.List.class)).isTrue();
        assertThat(received.isBodyAssignableTo(BigDecimal.class)).isFalse();
        assertThatThrownBy(() -> received.getBody(BigDecimal.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @DisplayName("3.11 a StreamMessage body cannot be got: getBody throws and isBodyAssignableTo is false")
    void shouldRefuseTheBodyOfAStreamMessage() throws Exception {
        final StreamMessage message = context.createStreamMessage();
        message.writeString("s");
        final Message received = roundTrip(message);

        assertThat(received.isBodyAssignableTo(Object.class)).isFalse();
        assertThatThrownBy(() -> received.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    @DisplayName("3.11 a plain Message has no body: any type is assignable and getBody returns null")
    void shouldReturnNullForThePlainMessageBody() throws Exception {
        final Message received = roundTrip(context.createMessage());

        assertThat(received.getBody(String.class)).isNull();
        assertThat(received.getBody(Integer.class)).isNull();
        assertThat(received.isBodyAssignableTo(Date.class)).isTrue();
    }

    @Test
    @DisplayName("3.11 a TextMessage or ObjectMessage without a body returns null for any type")
    void shouldReturnNullForAnyTypeWhenThereIsNoBody() throws Exception {
        final Message text = roundTrip(context.createTextMessage());
        final Message object = roundTrip(context.createObjectMessage());

        assertThat(text.getBody(Integer.class)).isNull();
        assertThat(text.isBodyAssignableTo(Integer.class)).isTrue();
        assertThat(object.getBody(String.class)).isNull();
        assertThat(object.isBodyAssignableTo(String.class)).isTrue();
    }

    @Test
    @DisplayName("3.11 a MapMessage or BytesMessage without a body returns null for any type")
    void shouldReturnNullForAnEmptyMapOrBytesMessage() throws Exception {
        final Message map = roundTrip(context.createMapMessage());
        final Message bytes = roundTrip(context.createBytesMessage());

        assertThat(map.getBody(String.class)).isNull();
        assertThat(map.isBodyAssignableTo(String.class)).isTrue();
        assertThat(bytes.getBody(String.class)).isNull();
        assertThat(bytes.isBodyAssignableTo(String.class)).isTrue();
    }

    @Test
    @DisplayName("3.11 getBody works on a message before it is sent")
    void shouldGetTheBodyOfAMessageBeingBuilt() throws Exception {
        final TextMessage text = context.createTextMessage("draft");
        final ObjectMessage object = context.createObjectMessage(new BigDecimal("3"));

        assertThat(text.getBody(String.class)).isEqualTo("draft");
        assertThat(object.getBody(BigDecimal.class)).isEqualTo(new BigDecimal("3"));
    }
}
