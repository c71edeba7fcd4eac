package org.cairnmq.examples.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cairnmq.server.CairnBroker;
import org.cairnmq.server.broker.BrokerConfig;
import org.cairnmq.server.broker.DeliveryConfig;
import org.cairnmq.server.broker.RedeliveryPolicy;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one Cairn broker for the whole test JVM, before Arquillian starts WildFly, and closes it when
 * the JVM's tests are done.
 *
 * <p>The broker runs in the test JVM rather than in WildFly so that it outlives a WildFly killed with
 * {@code kill -9}: the crash test needs the broker's prepared XA branches to still be there when the
 * restarted server recovers. Its embedded name server listens on the fixed loopback port of the system
 * property {@value #NAME_SERVER_PORT_PROPERTY} (set by the build), because WildFly's resource adapter is
 * configured with {@code -Dcairn.serverUrl=cairn://127.0.0.1:<that port>} before any test runs; the
 * broker port itself is ephemeral (clients learn it from the name server).
 *
 * <p>Register it before {@code ArquillianExtension} (see {@link CairnEeTest}): JUnit runs
 * {@code beforeAll} callbacks in registration order, and the MDB's activation connects to the broker
 * as soon as the application is deployed.
 */
public final class CairnBrokerExtension implements BeforeAllCallback {

    /** System property: the embedded name server's port. */
    public static final String NAME_SERVER_PORT_PROPERTY = "cairn.examples.nameServerPort";
    /** System property: the directory under which each run's broker gets a fresh data directory. */
    public static final String DATA_ROOT_PROPERTY = "cairn.examples.brokerDataRoot";
    /**
     * The user (and password) WildFly's transaction recovery of the adapter's connection factory
     * connects as: the build passes it as {@code -Dcairn.recovery.user}/{@code -Dcairn.recovery.password},
     * which the adapter's own {@code META-INF/ironjacamar.xml} reads. Everything else connects anonymously.
     */
    public static final String RECOVERY_USER = "recovery";
    /** The queue the order MDB consumes. */
    public static final String ORDERS_QUEUE = "orders";
    /** Deliveries of an order message before the broker dead-letters it. */
    public static final int ORDERS_MAX_DELIVERY_ATTEMPTS = 3;

    private static final ExtensionContext.Namespace NAMESPACE =
        ExtensionContext.Namespace.create(CairnBrokerExtension.class);

    private static volatile CairnBroker running;

    @Override
    public void beforeAll(final ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunningBroker.class,
            type -> RunningBroker.start(), RunningBroker.class);
    }

    /**
     * Returns the URL WildFly and the tests connect to.
     *
     * @return {@code cairn://127.0.0.1:<name server port>}
     * @throws IllegalStateException when no broker was started in this JVM
     */
    public static String url() {
        final CairnBroker broker = running;
        if (broker == null) {
            throw new IllegalStateException("no Cairn broker runs: annotate the test class with @CairnEeTest");
        }
        return broker.nameServerUrl();
    }

    /** The broker as a value the root store closes when the test JVM's tests are done. */
    private record RunningBroker(CairnBroker broker) implements AutoCloseable {

        static RunningBroker start() {
            final int nameServerPort = Integer.parseInt(requiredProperty(NAME_SERVER_PORT_PROPERTY));
            final Path data = freshDirectory(Path.of(requiredProperty(DATA_ROOT_PROPERTY)));
            final DeliveryConfig delivery = DeliveryConfig.defaults().withRedelivery(Map.of(ORDERS_QUEUE,
                new RedeliveryPolicy(0L, 1.0, 0L, ORDERS_MAX_DELIVERY_ATTEMPTS)));
            final CairnBroker broker = CairnBroker.builder()
                .dataDirectory(data)
                .bindAddress("127.0.0.1")
                .brokerPort(0)
                .nameServerPort(nameServerPort)
                .users(Map.of(RECOVERY_USER, RECOVERY_USER))
                .allowAnonymous(true)
                .brokerConfig(BrokerConfig.defaults(data.resolve("broker")).withDelivery(delivery))
                .start();
            running = broker;
            return new RunningBroker(broker);
        }

        @Override
        public void close() {
            running = null;
            broker.close();
        }

        private static Path freshDirectory(final Path root) {
            try {
                Files.createDirectories(root);
                return Files.createTempDirectory(root, "broker-");
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot create a broker data directory under " + root, e);
            }
        }
    }

    static String requiredProperty(final String name) {
        final String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the test through "
                + "Maven (mvn verify -pl examples-ee), which sets it");
        }
        return value;
    }
}
