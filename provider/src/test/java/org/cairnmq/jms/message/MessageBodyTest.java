package org.cairnmq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessageBodyTest {

    /** A message type with a body, the types its body is assignable to, and types it is not. */
    record BodyCase(String label, ThrowingSupplier<CairnMessage> withBody, List<Class<?>> assignable,
                    List<Class<?>> notAssignable) {
        @Override
        public String toString() {
            return label;
        }
    }

    static List<BodyCase> bodyCases() {
        return List.of(
            new BodyCase("text", () -> new CairnTextMessage("hi"),
                List.of(String.class, CharSequence.class, Comparable.class, Serializable.class, Object.class),
                List.of(Integer.class, byte[].class, Map.class)),
            new BodyCase("bytes", MessageBodyTest::bytesMessage,
                List.of(byte[].class, Object.class),
                List.of(String.class, Map.class, Byte[].class)),
            new BodyCase("map", MessageBodyTest::mapMessage,
                List.of(Map.class, Object.class),
                List.of(HashMap.class, String.class, byte[].class)),
            new BodyCase("object", MessageBodyTest::objectMessage,
                List.of(Date.class, Serializable.class, Object.class, Cloneable.class),
                List.of(String.class, LocalDate.class, Map.class)));
    }

    static List<Arguments> assignableCells() {
        return bodyCases().stream()
            .flatMap(c -> c.assignable().stream().map(type -> Arguments.of(c, type)))
            .toList();
    }

    static List<Arguments> notAssignableCells() {
        return bodyCases().stream()
            .flatMap(c -> c.notAssignable().stream().map(type -> Arguments.of(c, type)))
            .toList();
    }

    static List<Arguments> emptyBodies() {
        return List.of(
            Arguments.of("message", new CairnMessage()),
            Arguments.of("text", new CairnTextMessage()),
            Arguments.of("bytes", new CairnBytesMessage()),
            Arguments.of("map", new CairnMapMessage()),
            Arguments.of("object", new CairnObjectMessage()));
    }

    @ParameterizedTest(name = "{0} body as {1}")
    @MethodSource("assignableCells")
    void shouldReturnTheBodyForAnAssignableType(BodyCase bodyCase, Class<?> type) throws Throwable {
        CairnMessage message = bodyCase.withBody().get();

        assertThat(message.isBodyAssignableTo(type)).isTrue();
        assertThat(message.getBody(type)).isInstanceOf(type);
    }

    @ParameterizedTest(name = "{0} body as {1}")
    @MethodSource("notAssignableCells")
    void shouldRefuseTheBodyForATypeItIsNotAssignableTo(BodyCase bodyCase, Class<?> type) throws Throwable {
        CairnMessage message = bodyCase.withBody().get();

        assertThat(message.isBodyAssignableTo(type)).isFalse();
        assertThatThrownBy(() -> message.getBody(type)).isInstanceOf(MessageFormatException.class);
    }

    @ParameterizedTest(name = "empty {0}")
    @MethodSource("emptyBodies")
    void shouldReturnNullForAnyTypeWhenThereIsNoBody(String label, CairnMessage message) throws JMSException {
        for (Class<?> type : List.of(String.class, byte[].class, Map.class, Integer.class, Object.class)) {
            assertThat(message.isBodyAssignableTo(type)).isTrue();
            assertThat(message.getBody(type)).isNull();
        }
    }

    @Test
    void shouldNeverHandOutTheBodyOfAStreamMessage() throws JMSException {
        CairnStreamMessage empty = new CairnStreamMessage();
        CairnStreamMessage full = new CairnStreamMessage();
        full.writeInt(1);

        for (CairnStreamMessage message : List.of(empty, full)) {
            assertThat(message.isBodyAssignableTo(Object.class)).isFalse();
            assertThatThrownBy(() -> message.getBody(Object.class)).isInstanceOf(MessageFormatException.class);
        }
    }

    @Test
    void shouldReturnTheBodyOfAReceivedMessageToo() throws JMSException {
        CairnTextMessage message = new CairnTextMessage("received");
        message.markReceived();

        assertThat(message.getBody(String.class)).isEqualTo("received");
    }

    @Test
    void shouldTreatAClearedBodyAsNoBody() throws JMSException {
        CairnBytesMessage message = bytesMessage();
        message.clearBody();

        assertThat(message.getBody(String.class)).isNull();
    }

    private static CairnBytesMessage bytesMessage() throws JMSException {
        CairnBytesMessage message = new CairnBytesMessage();
        message.writeInt(1);
        return message;
    }

    private static CairnMapMessage mapMessage() throws JMSException {
        CairnMapMessage message = new CairnMapMessage();
        message.setInt("a", 1);
        return message;
    }

    private static CairnObjectMessage objectMessage() throws JMSException {
        CairnObjectMessage message = new CairnObjectMessage();
        message.setObject(new Date(0L));
        return message;
    }
}
