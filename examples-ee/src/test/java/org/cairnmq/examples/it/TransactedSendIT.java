package org.cairnmq.examples.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages sent through the resource adapter's connection factory inside a JTA transaction reach the
 * queue when the transaction commits, not before, and never when it rolls back. The probe application
 * holds its transaction open (see {@code HeldSender}) while the test looks at the queue from outside.
 */
@CairnEeTest
@RunAsClient
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TransactedSendIT {

    private static final int COUNT = 5;
    /** How long the queue is watched for messages that must not be there. */
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(2);
    private static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(30);

    @Deployment(name = Deployments.RESOURCE_ADAPTER, order = 1, testable = false)
    static ResourceAdapterArchive resourceAdapter() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = Deployments.PROBE, order = 2, testable = false)
    static WebArchive probe() {
        return Deployments.probe();
    }

    @Test
    void shouldDeliverMessagesSentInATransactionOnlyAfterItCommits() {
        final String prefix = Orders.uniquePrefix("commit");
        final String queue = "visibility-" + prefix;
        try (BrokerQueues broker = new BrokerQueues()) {
            Http.post(Deployments.PROBE_API + "/held-send?queue=" + queue + "&prefix=" + prefix + "&count=" + COUNT
                + "&commit=true");

            assertThat(broker.receiveBodies(queue, 1, QUIET_PERIOD)).as("visible before the commit").isEmpty();
            assertThat(Http.post(Deployments.PROBE_API + "/held-send/release?prefix=" + prefix)).isEqualTo("committed");
            assertThat(broker.receiveBodies(queue, COUNT, DELIVERY_DEADLINE)).containsExactlyElementsOf(bodies(prefix));
        }
    }

    @Test
    void shouldNeverDeliverMessagesSentInATransactionThatRollsBack() {
        final String prefix = Orders.uniquePrefix("rollback");
        final String queue = "visibility-" + prefix;
        try (BrokerQueues broker = new BrokerQueues()) {
            Http.post(Deployments.PROBE_API + "/held-send?queue=" + queue + "&prefix=" + prefix + "&count=" + COUNT
                + "&commit=false");

            assertThat(Http.post(Deployments.PROBE_API + "/held-send/release?prefix=" + prefix))
                .isEqualTo("rolled back");
            assertThat(broker.receiveBodies(queue, 1, QUIET_PERIOD)).as("visible after the rollback").isEmpty();
        }
    }

    private static List<String> bodies(final String prefix) {
        return IntStream.range(0, COUNT).mapToObj(i -> prefix + i).toList();
    }
}
