package org.cairnmq.examples.payara.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cairnmq.examples.payara.EchoMessageBean;
import org.cairnmq.jms.CairnConnectionFactory;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The Cairn resource adapter in a real Payara Server 6, deployed with {@code asadmin}: a message-driven
 * bean receives requests from a Cairn broker running in this JVM and answers each through the adapter's
 * pooled, XA-enlisted connection factory.
 *
 * <p>Once for the class: start the broker on 127.0.0.1, create a fresh domain bound to 127.0.0.1, start
 * it, and run {@link CairnDeployment#install}; afterwards undeploy, stop the domain (killing it if it will
 * not stop) and close the broker. Timings are printed as {@code [payara-timing]} lines.
 *
 * <p>The plain request/reply test runs first, so that a failure of the rollback test (which exercises the
 * transaction manager's error path) cannot leave state that makes the plain one fail too.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraEchoIT {

    private static final String DOMAIN = "cairn-it";
    private static final long REPLY_DEADLINE_MS = 60_000;
    private static final long QUIET_PERIOD_MS = 1_000;

    private static CairnBroker broker;
    private static PayaraDomain domain;
    private static ConnectionFactory factory;

    @RegisterExtension
    static final TestWatcher SERVER_LOG_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(final ExtensionContext context, final Throwable cause) {
            if (domain != null) {
                ServerLogTail.print(domain.serverLog(), "[" + context.getDisplayName() + "] failed");
            }
        }
    };

    @BeforeAll
    static void startBrokerAndPayaraAndDeploy() throws Exception {
        final long startNs = System.nanoTime();
        broker = CairnBroker.builder()
            .dataDirectory(freshDirectory(Path.of(requiredProperty("cairn.payara.brokerDataRoot"))))
            .bindAddress("127.0.0.1")
            .brokerPort(0)
            .nameServerPort(0)
            .start();
        factory = new CairnConnectionFactory(broker.nameServerUrl());
        final Path payaraHome = Path.of(requiredProperty("cairn.payara.home"));
        final Path domainsDirectory = Path.of(requiredProperty("cairn.payara.domainsDir"));
        final long createNs = System.nanoTime();
        domain = PayaraDomain.create(payaraHome, domainsDirectory, DOMAIN);
        final long startDomainNs = System.nanoTime();
        domain.start();
        final long deployNs = System.nanoTime();
        try {
            CairnDeployment.install(domain.admin(), broker.nameServerUrl(),
                Path.of(requiredProperty("cairn.payara.rar")), Path.of(requiredProperty("cairn.payara.war")));
        } catch (final RuntimeException e) {
            ServerLogTail.print(domain.serverLog(), "deployment failed");
            throw e;
        }
        final long doneNs = System.nanoTime();
        timing("create-domain", createNs, startDomainNs);
        timing("start-domain", startDomainNs, deployNs);
        timing("configure-and-deploy", deployNs, doneNs);
        timing("setup-total", startNs, doneNs);
    }

    @AfterAll
    static void undeployAndStop() {
        final long startNs = System.nanoTime();
        try {
            if (domain != null) {
                try {
                    CairnDeployment.uninstall(domain.admin());
                } finally {
                    domain.close();
                }
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
            timing("undeploy-and-stop", startNs, System.nanoTime());
        }
    }

    @Test
    @Order(1)
    void shouldAnswerEveryRequestFromTheMessageDrivenBeanThroughThePooledConnectionFactory(final TestInfo test)
        throws JMSException {
        final int requestCount = 20;
        try (Connection connection = factory.createConnection()) {
            final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final Queue replies = session.createQueue("payara.replies." + test.getTestMethod().orElseThrow().getName());
            final MessageConsumer consumer = session.createConsumer(replies);
            connection.start();
            final Map<String, String> sentTextById = new HashMap<>();
            final MessageProducer producer = session.createProducer(session.createQueue(EchoMessageBean.REQUESTS_QUEUE));
            for (int i = 0; i < requestCount; i++) {
                final TextMessage request = session.createTextMessage("request-" + i);
                request.setJMSReplyTo(replies);
                producer.send(request);
                sentTextById.put(request.getJMSMessageID(), request.getText());
            }

            final List<Message> received = receive(consumer, requestCount, REPLY_DEADLINE_MS);

            assertThat(received).hasSize(requestCount);
            final Map<String, String> replyTextByCorrelationId = new HashMap<>();
            for (final Message reply : received) {
                replyTextByCorrelationId.put(reply.getJMSCorrelationID(), ((TextMessage) reply).getText());
                assertThat(reply.getStringProperty(EchoMessageBean.INSTANCE_PROPERTY)).isEqualTo("server");
                assertThat(reply.getBooleanProperty(EchoMessageBean.REDELIVERED_PROPERTY)).isFalse();
            }
            final Map<String, String> expected = new HashMap<>();
            sentTextById.forEach((id, text) -> expected.put(id, EchoMessageBean.REPLY_PREFIX + text));
            assertThat(replyTextByCorrelationId).isEqualTo(expected);
            assertThat(consumer.receive(QUIET_PERIOD_MS)).as("a reply beyond one per request").isNull();
        }
    }

    @Test
    @Order(2)
    void shouldRollBackTheReplyOfAFailedDeliveryAndAnswerOnlyItsRedelivery(final TestInfo test) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            final Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            final Queue replies = session.createQueue("payara.replies." + test.getTestMethod().orElseThrow().getName());
            final MessageConsumer consumer = session.createConsumer(replies);
            connection.start();
            final TextMessage request = session.createTextMessage("fail-once");
            request.setJMSReplyTo(replies);
            request.setBooleanProperty(EchoMessageBean.FAIL_FIRST_DELIVERY, true);
            session.createProducer(session.createQueue(EchoMessageBean.REQUESTS_QUEUE)).send(request);

            final List<Message> received = receive(consumer, 1, REPLY_DEADLINE_MS);

            assertThat(received).hasSize(1);
            final Message reply = received.get(0);
            assertThat(reply.getJMSCorrelationID()).isEqualTo(request.getJMSMessageID());
            assertThat(((TextMessage) reply).getText()).isEqualTo(EchoMessageBean.REPLY_PREFIX + "fail-once");
            assertThat(reply.getBooleanProperty(EchoMessageBean.REDELIVERED_PROPERTY))
                .as("the first delivery's reply must have been rolled back with it").isTrue();
            assertThat(consumer.receive(QUIET_PERIOD_MS)).as("a second reply").isNull();
        }
    }

    private static List<Message> receive(final MessageConsumer consumer, final int count, final long deadlineMs)
        throws JMSException {
        final List<Message> received = new ArrayList<>();
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMs);
        while (received.size() < count) {
            final long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime());
            if (remainingMs <= 0) {
                break;
            }
            final Message message = consumer.receive(remainingMs);
            if (message != null) {
                received.add(message);
            }
        }
        return received;
    }

    private static void timing(final String step, final long fromNs, final long toNs) {
        System.out.println("[payara-timing] " + step + " " + TimeUnit.NANOSECONDS.toMillis(toNs - fromNs) + " ms");
    }

    private static String requiredProperty(final String name) {
        final String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run with mvn verify");
        }
        return value;
    }

    private static Path freshDirectory(final Path root) throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(root, "run-");
    }
}
