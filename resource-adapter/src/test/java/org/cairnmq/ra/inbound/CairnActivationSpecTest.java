package org.cairnmq.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.InvalidPropertyException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cairnmq.ra.CairnResourceAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CairnActivationSpecTest {

    private static CairnActivationSpec spec(final Consumer<CairnActivationSpec> settings) {
        final CairnActivationSpec spec = new CairnActivationSpec();
        settings.accept(spec);
        return spec;
    }

    private static void assertInvalid(final Consumer<CairnActivationSpec> settings, final String... fragments) {
        assertThatThrownBy(spec(settings)::validate).isInstanceOf(InvalidPropertyException.class)
            .message().contains(fragments);
    }

    @Test
    void shouldRequireADestinationOrALookup() {
        assertInvalid(spec -> { }, "CAIRN-RA101", "destination or destinationLookup must be set");
    }

    @Test
    void shouldRefuseBothADestinationAndALookup() {
        assertInvalid(spec -> {
            spec.setDestination("orders");
            spec.setDestinationLookup("java:/jms/queue/orders");
        }, "CAIRN-RA102", "not both", "orders", "java:/jms/queue/orders");
    }

    @Test
    void shouldNameTheBadDestinationType() {
        assertInvalid(spec -> {
            spec.setDestination("orders");
            spec.setDestinationType("jakarta.jms.Mailbox");
        }, "CAIRN-RA103", "'jakarta.jms.Mailbox'", "jakarta.jms.Queue", "jakarta.jms.Topic");
    }

    @Test
    void shouldNameTheBadAcknowledgeMode() {
        assertInvalid(spec -> {
            spec.setDestination("orders");
            spec.setAcknowledgeMode("Client-acknowledge");
        }, "CAIRN-RA104", "'Client-acknowledge'", "Auto-acknowledge", "Dups-ok-acknowledge");
    }

    @Test
    void shouldNameTheBadDurability() {
        assertInvalid(spec -> {
            spec.setDestination("prices");
            spec.setDestinationType("jakarta.jms.Topic");
            spec.setSubscriptionDurability("Forever");
        }, "CAIRN-RA105", "'Forever'");
    }

    @Test
    void shouldRefuseADurableSubscriptionOnAQueue() {
        assertInvalid(spec -> {
            spec.setDestination("orders");
            spec.setSubscriptionDurability("Durable");
            spec.setSubscriptionName("s");
            spec.setClientId("c");
        }, "CAIRN-RA106", "'orders' is a queue");
    }

    @Test
    void shouldRequireASubscriptionNameForADurableSubscription() {
        assertInvalid(spec -> {
            spec.setDestination("prices");
            spec.setDestinationType("jakarta.jms.Topic");
            spec.setSubscriptionDurability("Durable");
            spec.setClientId("c");
        }, "CAIRN-RA107", "subscriptionName");
    }

    @Test
    void shouldRequireAClientIdForAnUnsharedDurableSubscription() {
        assertInvalid(spec -> {
            spec.setDestination("prices");
            spec.setDestinationType("jakarta.jms.Topic");
            spec.setSubscriptionDurability("Durable");
            spec.setSubscriptionName("audit");
        }, "CAIRN-RA108", "clientId", "shareSubscriptions");
    }

    @Test
    void shouldRequireASubscriptionNameForASharedSubscription() {
        assertInvalid(spec -> {
            spec.setDestination("prices");
            spec.setDestinationType("jakarta.jms.Topic");
            spec.setShareSubscriptions(true);
        }, "CAIRN-RA109", "subscriptionName");
    }

    @Test
    void shouldRefuseFewerThanOneSession() {
        assertInvalid(spec -> {
            spec.setDestination("orders");
            spec.setMaxSession(0);
        }, "CAIRN-RA110", "maxSession must be at least 1, was 0");
    }

    @Test
    void shouldRefuseANegativePrefetch() {
        assertInvalid(spec -> {
            spec.setDestination("orders");
            spec.setPrefetch(-1);
        }, "CAIRN-RA110", "prefetch must be at least 0, was -1");
    }

    @Test
    void shouldExplainAnInvalidServerUrl() {
        assertInvalid(spec -> {
            spec.setDestination("orders");
            spec.setServerUrl("tcp://localhost:9876");
        }, "CAIRN-RA111", "serverUrl");
    }

    @Test
    void shouldApplyTheStandardDefaults() throws InvalidPropertyException {
        final ActivationConfig config = spec(spec -> spec.setDestination(" orders ")).toConfig();

        assertThat(config.destinationName()).isEqualTo("orders");
        assertThat(config.destinationType()).isEqualTo(DestinationType.QUEUE);
        assertThat(config.acknowledgeMode()).isEqualTo(AcknowledgeMode.AUTO);
        assertThat(config.durability()).isEqualTo(SubscriptionDurability.NON_DURABLE);
        assertThat(config.maxSession()).isEqualTo(ActivationConfig.DEFAULT_MAX_SESSION);
        assertThat(config.connection().serverUrl()).isEqualTo("cairn://localhost:9876");
    }

    @Test
    void shouldTakeTheResourceAdaptersConnectionPropertiesWhenUnset() throws Exception {
        final CairnResourceAdapter adapter = new CairnResourceAdapter();
        adapter.setServerUrl("cairn://broker.example:9000");
        adapter.setUser("app");
        adapter.setPassword("secret");
        final CairnActivationSpec spec = spec(s -> s.setDestination("orders"));
        spec.setResourceAdapter(adapter);

        final ActivationConfig config = spec.toConfig();

        assertThat(config.connection().serverUrl()).isEqualTo("cairn://broker.example:9000");
        assertThat(config.connection().user()).isEqualTo("app");
        assertThat(config.connection().password()).isEqualTo("secret");
    }

    @Test
    void shouldPassThePrefetchToTheProviderUrl() throws InvalidPropertyException {
        final ActivationConfig config = spec(spec -> {
            spec.setDestination("orders");
            spec.setServerUrl("cairn://127.0.0.1:9876?requestTimeoutMs=5000");
            spec.setPrefetch(5);
        }).toConfig();

        assertThat(config.consumerConnection().serverUrl())
            .isEqualTo("cairn://127.0.0.1:9876?requestTimeoutMs=5000&prefetch=5");
    }

    @Test
    void shouldAcceptTheSpecificationsSpellingsIgnoringCase() throws InvalidPropertyException {
        final ActivationConfig config = spec(spec -> {
            spec.setDestination("prices");
            spec.setDestinationType("javax.jms.Topic");
            spec.setAcknowledgeMode("DUPS_OK_ACKNOWLEDGE");
            spec.setSubscriptionDurability("durable");
            spec.setSubscriptionName("audit");
            spec.setShareSubscriptions(true);
        }).toConfig();

        assertThat(config.destinationType()).isEqualTo(DestinationType.TOPIC);
        assertThat(config.acknowledgeMode()).isEqualTo(AcknowledgeMode.DUPS_OK);
        assertThat(config.durability()).isEqualTo(SubscriptionDurability.DURABLE);
    }

    @Test
    void shouldUseOneSessionForAnUnsharedTopicSubscription() throws InvalidPropertyException {
        final ActivationConfig config = spec(spec -> {
            spec.setDestination("prices");
            spec.setDestinationType("jakarta.jms.Topic");
            spec.setMaxSession(4);
        }).toConfig();

        assertThat(config.sessionCount(DestinationType.TOPIC)).isEqualTo(1);
        assertThat(config.sessionCount(DestinationType.QUEUE)).isEqualTo(4);
    }
}
