package org.cairnmq.ra.inbound;

import jakarta.resource.spi.InvalidPropertyException;
import org.cairnmq.jms.connection.ConnectionConfig;
import org.cairnmq.ra.ConnectionSettings;

/**
 * The checked, immutable form of a {@link CairnActivationSpec}.
 *
 * @param destinationName the destination name, or {@code null} when {@link #destinationLookup()} names it
 * @param destinationLookup the destination's JNDI name, or {@code null}
 * @param destinationType the destination type; {@code null} only with a lookup, which then decides
 * @param connectionFactoryLookup the connection factory's JNDI name, or {@code null}
 * @param messageSelector the selector, or {@code null}
 * @param acknowledgeMode the acknowledge mode of non-transacted delivery
 * @param durability the subscription durability (topics)
 * @param subscriptionName the subscription name, or {@code null}
 * @param clientId the connection's client id, or {@code null}
 * @param shared whether a topic subscription is shared
 * @param maxSession the number of consumer sessions, at least 1
 * @param prefetch the consumer window, or {@code null} for the provider's
 * @param endpointCreateAttempts how often one delivery tries to create the endpoint, at least 1
 * @param endpointCreateRetryIntervalMs the first wait between those attempts, in milliseconds
 * @param connection where and as whom to connect
 */
public record ActivationConfig(String destinationName, String destinationLookup, DestinationType destinationType,
                               String connectionFactoryLookup, String messageSelector, AcknowledgeMode acknowledgeMode,
                               SubscriptionDurability durability, String subscriptionName, String clientId,
                               boolean shared, int maxSession, Integer prefetch, int endpointCreateAttempts,
                               long endpointCreateRetryIntervalMs, ConnectionSettings connection) {

    /** Default {@code maxSession}. */
    public static final int DEFAULT_MAX_SESSION = 15;
    /** Default {@code endpointCreateAttempts}. */
    public static final int DEFAULT_ENDPOINT_CREATE_ATTEMPTS = 60;
    /** Default {@code endpointCreateRetryIntervalMs}. */
    public static final long DEFAULT_ENDPOINT_CREATE_RETRY_INTERVAL_MS = 100L;
    /** The longest wait between endpoint creation attempts, in milliseconds. */
    public static final long MAX_ENDPOINT_CREATE_RETRY_INTERVAL_MS = 5_000L;

    /**
     * Checks a spec's properties and how they combine.
     *
     * @param spec the spec
     * @param connection its resolved connection settings
     * @return the configuration
     * @throws InvalidPropertyException naming the property and the rule it breaks
     */
    static ActivationConfig from(final CairnActivationSpec spec, final ConnectionSettings connection)
        throws InvalidPropertyException {
        final String name = trimmed(spec.getDestination());
        final String lookup = trimmed(spec.getDestinationLookup());
        checkDestination(name, lookup);
        final DestinationType type = destinationType(spec.getDestinationType(), lookup);
        final SubscriptionDurability durability = durability(spec.getSubscriptionDurability());
        final boolean shared = Boolean.TRUE.equals(spec.getShareSubscriptions());
        final String subscriptionName = trimmed(spec.getSubscriptionName());
        final String clientId = trimmed(spec.getClientId());
        checkSubscription(type, name, durability, shared, subscriptionName, clientId);
        final ActivationConfig config = new ActivationConfig(name, lookup, type,
            trimmed(spec.getConnectionFactoryLookup()), trimmed(spec.getMessageSelector()),
            acknowledgeMode(spec.getAcknowledgeMode()), durability, subscriptionName, clientId, shared,
            atLeast("maxSession", spec.getMaxSession(), DEFAULT_MAX_SESSION, 1),
            spec.getPrefetch() == null ? null : atLeast("prefetch", spec.getPrefetch(), 0, 0),
            atLeast("endpointCreateAttempts", spec.getEndpointCreateAttempts(), DEFAULT_ENDPOINT_CREATE_ATTEMPTS, 1),
            retryInterval(spec.getEndpointCreateRetryIntervalMs()), connection);
        checkUrl(config.consumerConnection());
        return config;
    }

    /**
     * Returns the settings the activation's connection uses: the resolved ones plus {@code prefetch}.
     *
     * @return the consumer connection's settings
     */
    public ConnectionSettings consumerConnection() {
        return prefetch == null ? connection : connection.withUrlOption("prefetch", Integer.toString(prefetch));
    }

    /**
     * Tells whether each session may have its own consumer: always for a queue; for a topic only
     * when the subscription is shared, since two unshared subscribers would each get every message.
     *
     * @param resolvedType the destination's type, known after the lookup
     * @return the number of sessions to open
     */
    public int sessionCount(final DestinationType resolvedType) {
        return resolvedType == DestinationType.TOPIC && !shared ? 1 : maxSession;
    }

    private static void checkDestination(final String name, final String lookup) throws InvalidPropertyException {
        if (name == null && lookup == null) {
            throw invalid("CAIRN-RA101 destination or destinationLookup must be set");
        }
        if (name != null && lookup != null) {
            throw invalid("CAIRN-RA102 set destination or destinationLookup, not both (destination '" + name
                + "', destinationLookup '" + lookup + "')");
        }
    }

    private static DestinationType destinationType(final String value, final String lookup)
        throws InvalidPropertyException {
        if (trimmed(value) == null) {
            return lookup == null ? DestinationType.QUEUE : null;
        }
        final DestinationType type = DestinationType.parse(value);
        if (type == null) {
            throw invalid("CAIRN-RA103 destinationType '" + value + "' is neither jakarta.jms.Queue nor jakarta.jms.Topic");
        }
        return type;
    }

    private static AcknowledgeMode acknowledgeMode(final String value) throws InvalidPropertyException {
        if (trimmed(value) == null) {
            return AcknowledgeMode.AUTO;
        }
        final AcknowledgeMode mode = AcknowledgeMode.parse(value);
        if (mode == null) {
            throw invalid("CAIRN-RA104 acknowledgeMode '" + value
                + "' is neither Auto-acknowledge nor Dups-ok-acknowledge");
        }
        return mode;
    }

    private static SubscriptionDurability durability(final String value) throws InvalidPropertyException {
        if (trimmed(value) == null) {
            return SubscriptionDurability.NON_DURABLE;
        }
        final SubscriptionDurability durability = SubscriptionDurability.parse(value);
        if (durability == null) {
            throw invalid("CAIRN-RA105 subscriptionDurability '" + value + "' is neither Durable nor NonDurable");
        }
        return durability;
    }

    private static void checkSubscription(final DestinationType type, final String name,
                                          final SubscriptionDurability durability, final boolean shared,
                                          final String subscriptionName, final String clientId)
        throws InvalidPropertyException {
        final boolean durable = durability == SubscriptionDurability.DURABLE;
        if (durable && type == DestinationType.QUEUE) {
            throw invalid("CAIRN-RA106 subscriptionDurability Durable applies to topics, but destination '" + name
                + "' is a queue (set destinationType to jakarta.jms.Topic)");
        }
        if (durable && subscriptionName == null) {
            throw invalid("CAIRN-RA107 a durable subscription needs subscriptionName");
        }
        if (durable && !shared && clientId == null) {
            throw invalid("CAIRN-RA108 an unshared durable subscription needs clientId (or set shareSubscriptions "
                + "to true)");
        }
        if (shared && type == DestinationType.TOPIC && subscriptionName == null) {
            throw invalid("CAIRN-RA109 a shared subscription (shareSubscriptions=true) needs subscriptionName");
        }
    }

    private static int atLeast(final String property, final Integer value, final int defaultValue, final int minimum)
        throws InvalidPropertyException {
        if (value == null) {
            return defaultValue;
        }
        if (value < minimum) {
            throw invalid("CAIRN-RA110 " + property + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }

    private static long retryInterval(final Long value) throws InvalidPropertyException {
        if (value == null) {
            return DEFAULT_ENDPOINT_CREATE_RETRY_INTERVAL_MS;
        }
        if (value < 1) {
            throw invalid("CAIRN-RA110 endpointCreateRetryIntervalMs must be at least 1, was " + value);
        }
        return value;
    }

    private static void checkUrl(final ConnectionSettings settings) throws InvalidPropertyException {
        try {
            ConnectionConfig.parse(settings.serverUrl());
        } catch (final IllegalArgumentException invalidUrl) {
            final InvalidPropertyException failure =
                invalid("CAIRN-RA111 serverUrl is invalid: " + invalidUrl.getMessage());
            failure.initCause(invalidUrl);
            throw failure;
        }
    }

    private static String trimmed(final String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static InvalidPropertyException invalid(final String message) {
        return new InvalidPropertyException(message);
    }
}
