package org.cairnmq.server.naming;

import java.util.Objects;
import org.cairnmq.server.remoting.RemotingConfig;

/**
 * The settings of a {@link NameServer} and of the {@link BrokerRegistrar}s that talk to it.
 * Immutable.
 *
 * @param remoting {@code remoting}: the name server's own listener (its port defaults to
 *     {@value #DEFAULT_PORT}, see {@link RemotingConfig} for the rest).
 * @param brokerExpiryMs {@code brokerExpiryMs}, milliseconds: a broker that has not registered (its
 *     heartbeat) for this long is dropped from the routes. Default {@value #DEFAULT_BROKER_EXPIRY_MS}.
 * @param expiryCheckIntervalMs {@code expiryCheckIntervalMs}, milliseconds: how often the name server
 *     looks for expired brokers. Default {@value #DEFAULT_EXPIRY_CHECK_INTERVAL_MS}.
 * @param registerIntervalMs {@code registerIntervalMs}, milliseconds: how often a
 *     {@link BrokerRegistrar} registers again (the heartbeat); below {@code brokerExpiryMs}. Default
 *     {@value #DEFAULT_REGISTER_INTERVAL_MS}.
 */
public record NamingConfig(
    RemotingConfig remoting, long brokerExpiryMs, long expiryCheckIntervalMs, long registerIntervalMs) {

    /** Default name server port. */
    public static final int DEFAULT_PORT = 9876;
    /** Default {@link #brokerExpiryMs()}: 2 minutes. */
    public static final long DEFAULT_BROKER_EXPIRY_MS = 120_000L;
    /** Default {@link #expiryCheckIntervalMs()}: 10 seconds. */
    public static final long DEFAULT_EXPIRY_CHECK_INTERVAL_MS = 10_000L;
    /** Default {@link #registerIntervalMs()}: 30 seconds. */
    public static final long DEFAULT_REGISTER_INTERVAL_MS = 30_000L;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public NamingConfig {
        Objects.requireNonNull(remoting, "remoting");
        if (expiryCheckIntervalMs < 1 || registerIntervalMs < 1 || brokerExpiryMs <= registerIntervalMs) {
            throw new IllegalArgumentException("intervals must be positive and brokerExpiryMs (" + brokerExpiryMs
                + ") above registerIntervalMs (" + registerIntervalMs + ")");
        }
    }

    /**
     * Returns the defaults.
     *
     * @return every setting at its default
     */
    public static NamingConfig defaults() {
        return new NamingConfig(RemotingConfig.defaults().withPort(DEFAULT_PORT), DEFAULT_BROKER_EXPIRY_MS,
            DEFAULT_EXPIRY_CHECK_INTERVAL_MS, DEFAULT_REGISTER_INTERVAL_MS);
    }

    /**
     * @param value the new {@link #remoting()}
     * @return a copy with that setting
     */
    public NamingConfig withRemoting(final RemotingConfig value) {
        return new NamingConfig(value, brokerExpiryMs, expiryCheckIntervalMs, registerIntervalMs);
    }

    /**
     * Sets the three timings together, since they constrain each other.
     *
     * @param expiryMs the new {@link #brokerExpiryMs()}
     * @param checkIntervalMs the new {@link #expiryCheckIntervalMs()}
     * @param registerMs the new {@link #registerIntervalMs()}
     * @return a copy with those settings
     */
    public NamingConfig withTimings(final long expiryMs, final long checkIntervalMs, final long registerMs) {
        return new NamingConfig(remoting, expiryMs, checkIntervalMs, registerMs);
    }
}
