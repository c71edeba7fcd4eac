package org.cairnmq.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.tck.conformance.Conformance.ABSENT_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.RECEIVE_TIMEOUT_MS;
import static org.cairnmq.tck.conformance.Conformance.factory;
import static org.cairnmq.tck.conformance.Conformance.factoryWithClientId;
import static org.cairnmq.tck.conformance.Conformance.unique;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("6.1 Connections")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Section_6_1_ConnectionsIT {

    @Test
    @DisplayName("6.1.1 a known user connects; a wrong password throws JMSSecurityException or JMSSecurityRuntimeException")
    void shouldAuthenticateAtConnectionCreation() throws Exception {
        try (Connection connection = factory().createConnection(ConformanceBroker.USER, ConformanceBroker.PASSWORD);
             JMSContext context = factory().createContext(ConformanceBroker.USER, ConformanceBroker.PASSWORD)) {
            assertThat(connection.getMetaData()).isNotNull();
            assertThat(context.getMetaData()).isNotNull();
        }
        assertThatThrownBy(() -> factory().createConnection(ConformanceBroker.USER, "wrong"))
            .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory().createContext(ConformanceBroker.USER, "wrong", JMSContext.AUTO_ACKNOWLEDGE))
            .isInstanceOf(JMSSecurityRuntimeException.class);
    }

    @Test
    @DisplayName("6.1.2 a client id configured on the factory cannot be changed: setClientID throws IllegalStateException")
    void shouldRefuseToOverrideAnAdministeredClientId() throws Exception {
        final String clientId = unique("admin-client");
        try (Connection connection = factoryWithClientId(clientId).createConnection();
             JMSContext context = factoryWithClientId(unique("admin-client")).createContext()) {
            assertThat(connection.getClientID()).isEqualTo(clientId);

            assertThatThrownBy(() -> connection.setClientID(unique("other"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> context.setClientID(unique("other"))).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    @DisplayName("6.1.2 setClientID after another action on the connection throws IllegalStateException")
    void shouldRefuseSetClientIdAfterTheConnectionWasUsed() throws Exception {
        try (Connection connection = factory().createConnection(); JMSContext context = factory().createContext()) {
            connection.createSession(Session.AUTO_ACKNOWLEDGE).close();
            context.createProducer().send(context.createQueue(unique("clientid-late")), "used");

            assertThatThrownBy(() -> connection.setClientID(unique("late"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> context.setClientID(unique("late"))).isInstanceOf(IllegalStateRuntimeException.class);
        }
    }

    @Test
    @DisplayName("6.1.2 a client id in use by another connection is refused with InvalidClientIDException")
    void shouldRefuseAClientIdInUse() throws Exception {
        final String clientId = unique("taken");
        try (Connection owner = factory().createConnection();
             Connection rival = factory().createConnection();
             JMSContext rivalContext = factory().createContext()) {
            owner.setClientID(clientId);

            assertThatThrownBy(() -> rival.setClientID(clientId)).isInstanceOf(InvalidClientIDException.class);
            assertThatThrownBy(() -> rivalContext.setClientID(clientId))
                .isInstanceOf(InvalidClientIDRuntimeException.class);
        }
    }

    @Test
    @DisplayName("6.1.2 a client id freed by closing its connection can be set again")
    void shouldReleaseTheClientIdWhenTheConnectionCloses() throws Exception {
        final String clientId = unique("released");
        try (Connection first = factory().createConnection()) {
            first.setClientID(clientId);
        }
        try (Connection second = factory().createConnection()) {
            second.setClientID(clientId);

            assertThat(second.getClientID()).isEqualTo(clientId);
        }
    }

    @Test
    @DisplayName("6.1.3 createSession() is non-transacted AUTO_ACKNOWLEDGE; createSession(int) takes each session mode")
    void shouldCreateSessionsOfEachMode() throws Exception {
        try (Connection connection = factory().createConnection()) {
            final Session plain = connection.createSession();
            assertThat(plain.getTransacted()).isFalse();
            assertThat(plain.getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
            for (final int mode : new int[] {Session.AUTO_ACKNOWLEDGE, Session.CLIENT_ACKNOWLEDGE,
                Session.DUPS_OK_ACKNOWLEDGE}) {
                final Session session = connection.createSession(mode);
                assertThat(session.getTransacted()).isFalse();
                assertThat(session.getAcknowledgeMode()).isEqualTo(mode);
            }
            final Session transacted = connection.createSession(Session.SESSION_TRANSACTED);
            assertThat(transacted.getTransacted()).isTrue();
            assertThat(transacted.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
            assertThatThrownBy(() -> connection.createSession(99)).isInstanceOf(JMSException.class);
        }
    }

    @Test
    @DisplayName("6.1.4 a JMSContext starts its connection when it creates a consumer")
    void shouldAutoStartAContextOnCreateConsumer() {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("autostart"));
            context.createProducer().send(queue, "auto");

            assertThat(context.getAutoStart()).isTrue();
            assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("auto");
        }
    }

    @Test
    @DisplayName("6.1.4 with setAutoStart(false) nothing is delivered until start()")
    void shouldNotDeliverBeforeStartWhenAutoStartIsOff() {
        try (JMSContext context = factory().createContext()) {
            context.setAutoStart(false);
            final Queue queue = context.createQueue(unique("noautostart"));
            context.createProducer().send(queue, "held");
            final JMSConsumer consumer = context.createConsumer(queue);

            assertThat(context.getAutoStart()).isFalse();
            assertThat(consumer.receive(ABSENT_TIMEOUT_MS)).isNull();
            context.start();
            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("held");
        }
    }

    @Test
    @DisplayName("6.1.5 a stopped JMSContext delivers nothing; start resumes delivery")
    void shouldPauseDeliveryWhileAContextIsStopped() {
        try (JMSContext context = factory().createContext()) {
            final Queue queue = context.createQueue(unique("stopstart"));
            final JMSConsumer consumer = context.createConsumer(queue);
            context.stop();
            context.createProducer().send(queue, "paused");

            assertThat(consumer.receive(ABSENT_TIMEOUT_MS)).isNull();
            context.start();
            assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("paused");
        }
    }

    @Test
    @DisplayName("6.1.6 ConnectionMetaData reports Jakarta Messaging 3.1 on a Connection and a JMSContext")
    void shouldReportVersionThreeOne() throws Exception {
        try (Connection connection = factory().createConnection(); JMSContext context = factory().createContext()) {
            for (final ConnectionMetaData metaData : new ConnectionMetaData[] {connection.getMetaData(),
                context.getMetaData()}) {
                assertThat(metaData.getJMSVersion()).isEqualTo("3.1");
                assertThat(metaData.getJMSMajorVersion()).isEqualTo(3);
                assertThat(metaData.getJMSMinorVersion()).isEqualTo(1);
                assertThat(metaData.getJMSProviderName()).isNotBlank();
            }
        }
    }

    @Test
    @DisplayName("6.1.7 the ExceptionListener set on a Connection or JMSContext is returned by the getter")
    void shouldKeepTheExceptionListener() throws Exception {
        try (Connection connection = factory().createConnection(); JMSContext context = factory().createContext()) {
            final jakarta.jms.ExceptionListener listener = exception -> { };
            assertThat(connection.getExceptionListener()).isNull();

            connection.setExceptionListener(listener);
            context.setExceptionListener(listener);

            assertThat(connection.getExceptionListener()).isSameAs(listener);
            assertThat(context.getExceptionListener()).isSameAs(listener);
        }
    }

    @Test
    @DisplayName("6.1.8 closing a closed connection is ignored; using it throws IllegalStateException")
    void shouldIgnoreASecondCloseAndRefuseUseAfterClose() throws Exception {
        final Connection connection = factory().createConnection();
        final Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
        connection.close();

        connection.close();
        session.close();

        assertThatThrownBy(() -> connection.createSession(Session.AUTO_ACKNOWLEDGE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> session.createProducer(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("6.1.8 closing a connection rolls back its transacted sessions")
    void shouldRollBackTransactionsOnConnectionClose() throws Exception {
        final Queue queue;
        final Connection connection = factory().createConnection();
        final Session session = connection.createSession(Session.SESSION_TRANSACTED);
        queue = session.createQueue(unique("close-rollback"));
        session.createProducer(queue).send(session.createTextMessage("uncommitted"));
        connection.close();

        try (JMSContext reader = factory().createContext()) {
            assertThat(reader.createConsumer(queue).receive(ABSENT_TIMEOUT_MS)).isNull();
        }
    }
}
