package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.tck.conformance.Conformance.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.unique;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("10 Jakarta Messaging exceptions")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_10_ExceptionsIT {

    @Test
    @DisplayName("10.2 the simplified API throws unchecked JMSRuntimeExceptions where the classic API throws JMSException")
    void shouldThrowUncheckedExceptionsFromTheSimplifiedApi() {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("unchecked"));

            assertThatThrownBy(context::commit).isInstanceOf(jakarta.jms.IllegalStateRuntimeException.class);
            assertThatThrownBy(() -> context.createProducer().setProperty("bad", new Object()))
                .isInstanceOf(MessageFormatRuntimeException.class);
            context.createProducer().send(queue, "text");
            assertThatThrownBy(() -> context.createConsumer(queue).receiveBody(Integer.class, RECEIVE_TIMEOUT_MS))
                .isInstanceOf(JMSRuntimeException.class);
        }
    }

    @Test
    @DisplayName("10.3 an invalid selector throws InvalidSelectorException or InvalidSelectorRuntimeException")
    void shouldRefuseAnInvalidSelector() throws Exception {
        try (Connection connection = factory().createConnection(); JMSContext context = factory().createContext()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            final Queue queue = session.createQueue(unique("bad-selector"));

            assertThatThrownBy(() -> session.createConsumer(queue, "colour = ")).isInstanceOf(InvalidSelectorException.class);
            assertThatThrownBy(() -> session.createSharedConsumer(session.createTopic(unique("t")), unique("s"), "a ="))
                .isInstanceOf(InvalidSelectorException.class);
            assertThatThrownBy(() -> context.createConsumer(queue, "colour = "))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
            assertThatThrownBy(() -> context.createSharedDurableConsumer(context.createTopic(unique("t")), unique("s"), "x LIKE"))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
            assertThatThrownBy(() -> context.createBrowser(queue, "NOT"))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
        }
    }

    @Test
    @DisplayName("10.3 commit on a non-transacted session must throw IllegalStateException")
    void shouldRefuseCommitOnANonTransactedSession() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(session::commit).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(session::rollback).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @DisplayName("10.3 a null destination throws InvalidDestinationException for the classic API's JMS 2.0 methods")
    void shouldRefuseANullDestinationInTheClassicJms2Methods() throws Exception {
        try (Connection connection = factoryWithClientIdConnection()) {
            final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createSharedConsumer(null, unique("s")))
                .isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> session.createSharedDurableConsumer(null, unique("s")))
                .isInstanceOf(InvalidDestinationException.class);
            assertThatThrownBy(() -> session.createDurableConsumer(null, unique("s")))
                .isInstanceOf(InvalidDestinationException.class);
        }
    }

    @Test
    @DisplayName("10.3 writing a received message's body or properties throws MessageNotWriteableException")
    void shouldRefuseToWriteAReceivedMessage() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("read-only"));
            context.createProducer().send(queue, "sealed");
            final Message received = context.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS);

            assertThatThrownBy(() -> ((TextMessage) received).setText("changed"))
                .isInstanceOf(MessageNotWriteableException.class);
            assertThatThrownBy(() -> received.setStringProperty("p", "v")).isInstanceOf(MessageNotWriteableException.class);
            received.clearProperties();
            received.setStringProperty("p", "v");
            assertThat(received.getStringProperty("p")).isEqualTo("v");
        }
    }

    @Test
    @DisplayName("3.10 a received message can be sent on with a JMSProducer and stays read-only")
    void shouldKeepTheReceivedMessageReadOnlyWhenResent() throws Exception {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("resend"));
            final Queue forward = context.createQueue(unique("forward"));
            context.createProducer().send(queue, "pass on");
            final Message received = context.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS);

            context.createProducer().send(forward, received);

            assertThat(context.createConsumer(forward).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("pass on");
            assertThatThrownBy(() -> received.setIntProperty("p", 1)).isInstanceOf(MessageNotWriteableException.class);
        }
    }

    private static Connection factoryWithClientIdConnection() throws Exception {
        return Conformance.factoryWithClientId(unique("client")).createConnection();
    }
}
