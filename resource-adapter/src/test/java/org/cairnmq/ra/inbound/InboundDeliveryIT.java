package org.cairnmq.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cairnmq.ra.CairnResourceAdapter;
import org.cairnmq.ra.support.RecordingEndpointFactory;
import org.cairnmq.ra.support.TestBootstrapContext;
import org.cairnmq.ra.support.TestBrokers;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the adapter's inbound side as a container would, against a real broker: activation, delivery
 * as work, transacted delivery through beforeDelivery/afterDelivery, redelivery and dead-lettering.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InboundDeliveryIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 3;

    @TempDir
    Path dataDirectory;

    private final TestBootstrapContext container = new TestBootstrapContext();
    private final CairnResourceAdapter adapter = new CairnResourceAdapter();
    private CairnBroker broker;

    private String startBroker() throws Exception {
        broker = TestBrokers.start(dataDirectory,
            Map.of("broker.redelivery.poison.*.maxDeliveryAttempts", Integer.toString(MAX_ATTEMPTS)));
        adapter.setServerUrl(broker.nameServerUrl());
        adapter.start(container);
        return broker.nameServerUrl();
    }

    @AfterEach
    void stop() {
        adapter.stop();
        container.close();
        if (broker != null) {
            broker.close();
        }
    }

    private CairnActivationSpec specFor(final String queue) throws Exception {
        final CairnActivationSpec spec = new CairnActivationSpec();
        spec.setDestination(queue);
        spec.setDestinationType("jakarta.jms.Queue");
        spec.setMaxSession(2);
        spec.setPrefetch(1);
        spec.setEndpointCreateRetryIntervalMs(10L);
        spec.setResourceAdapter(adapter);
        return spec;
    }

    @Test
    void shouldDeliverEveryMessageToANonTransactedEndpointAsWork() throws Exception {
        final String url = startBroker();
        final RecordingEndpointFactory endpoints = new RecordingEndpointFactory(false);
        adapter.endpointActivation(endpoints, specFor("orders"));

        TestBrokers.send(url, "orders", "a", "b", "c", "d", "e");

        await().atMost(DEADLINE).until(() -> endpoints.committed().size() == 5);
        assertThat(endpoints.committed()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(container.scheduledWorks()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void shouldBeginNoTransactionWhileTheDestinationIsIdle() throws Exception {
        final String url = startBroker();
        final RecordingEndpointFactory endpoints = new RecordingEndpointFactory(true);
        adapter.endpointActivation(endpoints, specFor("quiet"));

        TestBrokers.send(url, "quiet", "only");
        await().atMost(DEADLINE).until(() -> endpoints.committed().size() == 1);
        await().during(Duration.ofMillis(2_500)).atMost(DEADLINE)
            .until(() -> endpoints.createdEndpoints() == 1);
    }

    @Test
    void shouldKeepADurableTopicSubscriptionsMessagesWhileTheBeanIsNotActivated() throws Exception {
        final String url = startBroker();
        final CairnActivationSpec spec = durableSpec();
        final RecordingEndpointFactory first = new RecordingEndpointFactory(true);
        adapter.endpointActivation(first, spec);
        await().atMost(DEADLINE).until(() -> {
            TestBrokers.publish(url, "prices", "probe");
            return first.committed().contains("probe");
        });
        adapter.endpointDeactivation(first, spec);

        TestBrokers.publish(url, "prices", "while-away-1", "while-away-2");
        final RecordingEndpointFactory second = new RecordingEndpointFactory(true);
        final CairnActivationSpec again = durableSpec();
        adapter.endpointActivation(second, again);
        // Probes published while the first activation was starting may still be waiting too.
        await().atMost(DEADLINE).until(() -> second.committed().contains("while-away-2"));
        assertThat(second.committed()).filteredOn(text -> !text.equals("probe"))
            .containsExactly("while-away-1", "while-away-2");
        adapter.endpointDeactivation(second, again);
    }

    private CairnActivationSpec durableSpec() throws Exception {
        final CairnActivationSpec spec = new CairnActivationSpec();
        spec.setDestination("prices");
        spec.setDestinationType("jakarta.jms.Topic");
        spec.setSubscriptionDurability("Durable");
        spec.setClientId("price-watcher");
        spec.setSubscriptionName("prices-sub");
        spec.setEndpointCreateRetryIntervalMs(10L);
        spec.setResourceAdapter(adapter);
        spec.validate();
        return spec;
    }

    @Test
    void shouldRedeliverWhenANonTransactedOnMessageThrows() throws Exception {
        final String url = startBroker();
        final RecordingEndpointFactory endpoints = new RecordingEndpointFactory(false);
        endpoints.throwWhen(text -> endpoints.delivered().size() == 1);
        adapter.endpointActivation(endpoints, specFor("orders"));

        TestBrokers.send(url, "orders", "once-failed");

        await().atMost(DEADLINE).until(() -> endpoints.committed().contains("once-failed"));
        assertThat(endpoints.delivered()).containsExactly("once-failed", "once-failed");
    }

    @Test
    void shouldCommitTheAcknowledgementWithTheTransactionSoNothingIsRedeliveredAfterReactivation()
        throws Exception {
        final String url = startBroker();
        final RecordingEndpointFactory endpoints = new RecordingEndpointFactory(true);
        final CairnActivationSpec spec = specFor("payments");
        adapter.endpointActivation(endpoints, spec);

        TestBrokers.send(url, "payments", "p1", "p2", "p3");
        await().atMost(DEADLINE).until(() -> endpoints.committed().size() == 3);
        adapter.endpointDeactivation(endpoints, spec);

        final RecordingEndpointFactory restarted = new RecordingEndpointFactory(true);
        adapter.endpointActivation(restarted, specFor("payments"));
        TestBrokers.send(url, "payments", "p4");

        await().atMost(DEADLINE).until(() -> restarted.committed().contains("p4"));
        assertThat(restarted.delivered()).containsExactly("p4");
        assertThat(endpoints.delivered()).containsExactlyInAnyOrder("p1", "p2", "p3");
    }

    @Test
    void shouldRedeliverARolledBackDeliveryAndCommitItNextTime() throws Exception {
        final String url = startBroker();
        final RecordingEndpointFactory endpoints = new RecordingEndpointFactory(true);
        endpoints.rollbackWhen(text -> endpoints.delivered().size() == 1);
        adapter.endpointActivation(endpoints, specFor("payments"));

        TestBrokers.send(url, "payments", "retry-me");

        await().atMost(DEADLINE).until(() -> endpoints.committed().contains("retry-me"));
        assertThat(endpoints.delivered()).containsExactly("retry-me", "retry-me");
        assertThat(TestBrokers.drain(url, "payments", 200)).isEmpty();
    }

    @Test
    void shouldDeadLetterAMessageRolledBackOnEveryAttemptWithoutARedeliveryStorm() throws Exception {
        final String url = startBroker();
        final RecordingEndpointFactory endpoints = new RecordingEndpointFactory(true);
        endpoints.throwWhen("bad"::equals);
        adapter.endpointActivation(endpoints, specFor("poison.orders"));

        TestBrokers.send(url, "poison.orders", "bad", "good");

        await().atMost(DEADLINE).until(() -> TestBrokers.drain(url, "DLQ", 200).contains("bad"));
        await().atMost(DEADLINE).until(() -> endpoints.committed().contains("good"));
        assertThat(endpoints.delivered().stream().filter("bad"::equals)).hasSize(MAX_ATTEMPTS);
        assertThat(endpoints.committed()).containsExactly("good");
    }

    @Test
    void shouldRetryEndpointCreationWhileTheBeanIsStarting() throws Exception {
        final String url = startBroker();
        final RecordingEndpointFactory endpoints = new RecordingEndpointFactory(true);
        endpoints.unavailableFor(3);
        adapter.endpointActivation(endpoints, specFor("late"));

        TestBrokers.send(url, "late", "waited");

        await().atMost(DEADLINE).until(() -> endpoints.committed().contains("waited"));
        assertThat(endpoints.refusedCreations()).isEqualTo(3);
        assertThat(endpoints.delivered()).containsExactly("waited");
    }

    @Test
    void shouldFailActivationWithAClearMessageForAnInvalidSelector() throws Exception {
        startBroker();
        final CairnActivationSpec spec = specFor("orders");
        spec.setMessageSelector("price >");

        assertThatThrownBy(
                () -> adapter.endpointActivation(new RecordingEndpointFactory(false), spec))
            .hasMessageContaining("CAIRN-RA205").hasMessageContaining("orders");
    }
}
