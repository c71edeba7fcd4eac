package org.cairnmq.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TransactionInProgressException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.cairnmq.ra.CairnResourceAdapter;
import org.cairnmq.ra.admin.CairnAdminQueue;
import org.cairnmq.ra.support.TestBrokers;
import org.cairnmq.ra.support.TestConnectionManager;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the outbound side as a container would (pool, enlistment, cleanup) against a real broker,
 * and checks the Jakarta Messaging rules for connections in a container.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutboundConnectionIT {

    private static final long ABSENT_WAIT_MS = 300L;
    private static final long PRESENT_WAIT_MS = 5_000L;

    @TempDir
    Path dataDirectory;

    private CairnBroker broker;
    private String url;
    private final TestConnectionManager container = new TestConnectionManager();
    private CairnManagedConnectionFactory managedFactory;
    private CairnConnectionFactoryHandle factory;

    @BeforeEach
    void start() throws Exception {
        broker = TestBrokers.start(dataDirectory, Map.of());
        url = broker.nameServerUrl();
        final CairnResourceAdapter adapter = new CairnResourceAdapter();
        adapter.setServerUrl(url);
        managedFactory = new CairnManagedConnectionFactory();
        managedFactory.setResourceAdapter(adapter);
        factory = (CairnConnectionFactoryHandle) managedFactory.createConnectionFactory(container);
    }

    @AfterEach
    void stop() {
        container.destroyAll();
        broker.close();
    }

    private void sendOne(final String queue, final String text) throws Exception {
        try (Connection connection = factory.createConnection()) {
            final Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            session.createProducer(session.createQueue(queue)).send(session.createTextMessage(text));
        }
    }

    @Test
    void shouldHideASendInsideAnXaBranchUntilTheTransactionCommits() throws Exception {
        container.begin();
        sendOne("orders", "in-branch");

        assertThat(TestBrokers.drain(url, "orders", ABSENT_WAIT_MS)).isEmpty();
        container.commit();
        assertThat(TestBrokers.drain(url, "orders", PRESENT_WAIT_MS)).containsExactly("in-branch");
    }

    @Test
    void shouldDiscardASendWhenTheTransactionRollsBack() throws Exception {
        container.begin();
        sendOne("orders", "rolled-back");
        container.rollback();

        assertThat(TestBrokers.drain(url, "orders", ABSENT_WAIT_MS)).isEmpty();
    }

    @Test
    void shouldIgnoreSessionArgumentsAndAcknowledgeAutomaticallyOutsideATransaction() throws Exception {
        try (Connection connection = factory.createConnection()) {
            final Session session = connection.createSession(true, Session.SESSION_TRANSACTED);

            assertThat(session.getTransacted()).isFalse();
            assertThat(session.getAcknowledgeMode()).isEqualTo(Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("orders")).send(session.createTextMessage("at-once"));
            assertThatThrownBy(session::commit).isInstanceOf(jakarta.jms.IllegalStateException.class)
                .hasMessageContaining("CAIRN-RA306");
        }
        assertThat(TestBrokers.drain(url, "orders", PRESENT_WAIT_MS)).containsExactly("at-once");
    }

    @Test
    void shouldBeTransactedAndRefuseCommitInsideATransaction() throws Exception {
        container.begin();
        try (Connection connection = factory.createConnection()) {
            final Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);

            assertThat(session.getTransacted()).isTrue();
            assertThatThrownBy(session::commit).isInstanceOf(TransactionInProgressException.class);
            assertThatThrownBy(session::rollback).isInstanceOf(TransactionInProgressException.class);
        }
        container.rollback();
    }

    @Test
    void shouldAllowOneSessionPerConnectionAtATime() throws Exception {
        try (Connection connection = factory.createConnection()) {
            final Session first = connection.createSession();

            assertThatThrownBy(() -> connection.createSession(Session.AUTO_ACKNOWLEDGE))
                .isInstanceOf(jakarta.jms.IllegalStateException.class).hasMessageContaining("CAIRN-RA303");
            first.close();
            assertThat(connection.createSession()).isNotNull();
        }
    }

    @Test
    void shouldRefuseTheMethodsForbiddenToContainerApplications() throws Exception {
        try (Connection connection = factory.createConnection()) {
            final Session session = connection.createSession();
            final Queue queue = session.createQueue("orders");
            final MessageConsumer consumer = session.createConsumer(queue);
            final MessageProducer producer = session.createProducer(queue);
            final Message message = session.createTextMessage("x");
            final CompletionListener ignored = new CompletionListener() {
                @Override
                public void onCompletion(final Message sent) {
                }

                @Override
                public void onException(final Message sent, final Exception failure) {
                }
            };

            assertForbidden(() -> connection.setClientID("other"));
            assertForbidden(connection::stop);
            assertForbidden(() -> connection.setExceptionListener(failure -> { }));
            assertForbidden(() -> connection.createConnectionConsumer(queue, null, null, 1));
            assertForbidden(() -> session.setMessageListener(received -> { }));
            assertForbidden(() -> consumer.setMessageListener(received -> { }));
            assertForbidden(() -> producer.send(message, ignored));
        }
    }

    private static void assertForbidden(final ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(jakarta.jms.IllegalStateException.class)
            .hasMessageContaining("CAIRN-RA302");
    }

    @Test
    void shouldCloseWhatTheApplicationLeftOpenAndReuseThePooledConnection() throws Exception {
        final Connection first = factory.createConnection();
        final MessageConsumer leftOpen = first.createSession().createConsumer(
            new CairnAdminQueue("orders"));
        first.close();

        assertThat(container.idle()).hasSize(1);
        assertThatThrownBy(leftOpen::receiveNoWait).isInstanceOf(jakarta.jms.IllegalStateException.class);
        try (Connection second = factory.createConnection()) {
            assertThat(second.createSession()).isNotNull();
        }
        assertThat(container.created()).hasSize(1);
    }

    @Test
    void shouldSendThroughAContextInsideTheTransactionAndRefuseANestedContext() throws Exception {
        container.begin();
        try (JMSContext context = factory.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            assertThat(context.getTransacted()).isTrue();
            context.createProducer().send(context.createQueue("orders"), "from-context");
            assertThatThrownBy(() -> context.createContext(JMSContext.AUTO_ACKNOWLEDGE))
                .isInstanceOf(jakarta.jms.IllegalStateRuntimeException.class).hasMessageContaining("CAIRN-RA307");
        }
        assertThat(TestBrokers.drain(url, "orders", ABSENT_WAIT_MS)).isEmpty();
        container.commit();
        assertThat(TestBrokers.drain(url, "orders", PRESENT_WAIT_MS)).containsExactly("from-context");
    }

    @Test
    void shouldDriveALocalTransactionThroughTheSameSession() throws Exception {
        final ManagedConnection managed = managedFactory.createManagedConnection(null, null);
        try {
            final LocalTransaction local = managed.getLocalTransaction();
            final Connection connection = (Connection) managed.getConnection(null, null);
            final Session session = connection.createSession();
            final MessageProducer producer = session.createProducer(session.createQueue("orders"));

            local.begin();
            producer.send(session.createTextMessage("discarded"));
            local.rollback();
            local.begin();
            producer.send(session.createTextMessage("kept"));
            assertThat(TestBrokers.drain(url, "orders", ABSENT_WAIT_MS)).isEmpty();
            local.commit();

            assertThat(TestBrokers.drain(url, "orders", PRESENT_WAIT_MS)).containsExactly("kept");
        } finally {
            managed.destroy();
        }
    }
}
