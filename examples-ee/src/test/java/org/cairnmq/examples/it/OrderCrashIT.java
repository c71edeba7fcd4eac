package org.cairnmq.examples.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.cairnmq.server.broker.DeliveryConfig;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Exactly once across a crash: WildFly is killed with SIGKILL while the MDB is in the middle of its XA
 * transactions (message acknowledgement on the broker plus the row in H2), restarted, and left to
 * recover; afterwards every order has exactly one row.
 *
 * <p>The broker runs in the test JVM and survives the kill with the prepared branches it holds; the
 * transaction log ({@code standalone/data/tx-object-store}) and the H2 file survive on disk. After the
 * restart the deployments come back from the server configuration and Narayana's periodic recovery
 * (every few seconds here, see {@code wildfly.jvm.args}) commits or rolls back what was in doubt, through
 * the resource adapter's and the datasource's recovery.
 *
 * <p>The server is killed twice, once early and once half-way, to catch transactions in as many states
 * as possible; how many in-doubt branches the broker held at each kill is printed (it varies from run to
 * run, and the assertion holds whatever it is).
 *
 * <p>Runs on its own manual container ({@code wildfly-manual}), in a Failsafe execution of its own; the
 * condition keeps it out of the other execution even when {@code -Dit.test} names it there.
 */
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly-manual")
@CairnEeTest
@RunAsClient
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OrderCrashIT {

    private static final String CONTAINER = "wildfly-manual";
    private static final int ORDERS = 1_000;
    private static final int SEND_BATCH = 100;
    /** The kills come once this many orders are stored: the MDB is then busy with the rest. */
    private static final List<Integer> STORED_AT_KILLS = List.of(ORDERS / 10, ORDERS / 2);
    private static final Duration PROGRESS_DEADLINE = Duration.ofMinutes(2);
    private static final Duration RECOVERY_DEADLINE = Duration.ofMinutes(3);

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = Deployments.RESOURCE_ADAPTER, order = 1, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static ResourceAdapterArchive resourceAdapter() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = Deployments.ORDERS_APP, order = 2, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static WebArchive ordersApp() {
        return Deployments.ordersApp();
    }

    @Test
    void shouldStoreEveryOrderExactlyOnceWhenWildFlyIsKilledMidTransactionAndRecovers() {
        controller.start(CONTAINER);
        try {
            deployer.deploy(Deployments.RESOURCE_ADAPTER);
            deployer.deploy(Deployments.ORDERS_APP);
            final String prefix = Orders.uniquePrefix("crash");
            sendOrders(prefix);

            for (final int storedAtLeast : STORED_AT_KILLS) {
                killWhileProcessing(prefix, storedAtLeast);
                controller.stop(CONTAINER);
                controller.start(CONTAINER);
            }

            awaitAllStored(prefix);
            assertThat(Orders.duplicatedIds(prefix)).as("orders stored more than once").isZero();
        } finally {
            undeployAndStop();
        }
    }

    private static void killWhileProcessing(final String prefix, final int storedAtLeast) {
        await("orders stored before the kill").atMost(PROGRESS_DEADLINE).pollInterval(Duration.ofMillis(20))
            .until(() -> Orders.storedRows(prefix) >= storedAtLeast);
        final long storedAtKill = Orders.storedRows(prefix);
        WildFlyProcess.killHard(Duration.ofSeconds(30));
        assertThat(storedAtKill).as("orders stored when WildFly was killed").isLessThan(ORDERS);
        System.out.printf("OrderCrashIT: killed WildFly with %d of %d orders stored; the broker holds %d "
            + "in-doubt XA branches%n", storedAtKill, ORDERS, BrokerQueues.inDoubtBranches());
    }

    private static void awaitAllStored(final String prefix) {
        try {
            Orders.awaitStoredRows(prefix, ORDERS, RECOVERY_DEADLINE);
        } catch (final ConditionTimeoutException e) {
            final Set<String> stored = Orders.storedIds(prefix);
            final List<String> missing = IntStream.range(0, ORDERS).mapToObj(i -> prefix + i)
                .filter(id -> !stored.contains(id)).toList();
            final List<String> deadLettered;
            try (BrokerQueues broker = new BrokerQueues()) {
                deadLettered = broker.receiveBodies(DeliveryConfig.DEFAULT_DEAD_LETTER_QUEUE, ORDERS,
                    Duration.ofSeconds(2)).stream().filter(body -> body.startsWith(prefix)).toList();
            }
            throw new AssertionError("after the kills and recovery " + stored.size() + " of " + ORDERS
                + " orders are stored; missing " + missing + "; on the dead-letter queue " + deadLettered
                + "; the broker holds " + BrokerQueues.inDoubtBranches() + " in-doubt XA branches", e);
        }
    }

    private static void sendOrders(final String prefix) {
        try (BrokerQueues broker = new BrokerQueues()) {
            for (int first = 0; first < ORDERS; first += SEND_BATCH) {
                final List<String> ids = IntStream.range(first, first + SEND_BATCH).mapToObj(i -> prefix + i).toList();
                broker.sendOrders(CairnBrokerExtension.ORDERS_QUEUE, ids, 1);
            }
        }
    }

    /** Leaves the server as it found it; a failure here is printed so it does not hide the test's own. */
    private void undeployAndStop() {
        try {
            deployer.undeploy(Deployments.ORDERS_APP);
            deployer.undeploy(Deployments.RESOURCE_ADAPTER);
        } catch (final RuntimeException e) {
            System.err.println("OrderCrashIT: undeploy failed: " + e);
        } finally {
            controller.stop(CONTAINER);
        }
    }
}
