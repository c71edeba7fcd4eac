package org.cairnmq.client;

import org.cairnmq.protocol.frame.FrameDescriptor;

/**
 * The settings of a {@link ClientConnector} and the connections it opens. Immutable.
 *
 * @param connectTimeoutMs {@code connectTimeoutMs}, milliseconds: how long one TCP connect plus
 *     HANDSHAKE may take. Default {@value #DEFAULT_CONNECT_TIMEOUT_MS}.
 * @param requestTimeoutMs {@code requestTimeoutMs}, milliseconds: a request with no response after
 *     this fails with {@link RequestTimeoutException}. Default {@value #DEFAULT_REQUEST_TIMEOUT_MS}.
 * @param connectAttempts {@code connectAttempts}, rounds: how many times the address list is tried
 *     before giving up. Default {@value #DEFAULT_CONNECT_ATTEMPTS}.
 * @param initialBackoffMs {@code initialBackoffMs}, milliseconds: the pause after the first failed
 *     round, doubled after each further one. Default {@value #DEFAULT_INITIAL_BACKOFF_MS}.
 * @param maxBackoffMs {@code maxBackoffMs}, milliseconds: the longest pause between rounds. Default
 *     {@value #DEFAULT_MAX_BACKOFF_MS}.
 * @param heartbeatIntervalMs {@code heartbeatIntervalMs}, milliseconds: the client sends a HEARTBEAT
 *     when it has written nothing for this long. Default {@value #DEFAULT_HEARTBEAT_INTERVAL_MS}.
 * @param idleTimeoutMs {@code idleTimeoutMs}, milliseconds: the connection is considered lost when
 *     nothing arrives for this long (the server heartbeats every 15 s by default). Default
 *     {@value #DEFAULT_IDLE_TIMEOUT_MS}.
 * @param maxFrameLengthBytes {@code maxFrameLengthBytes}, bytes: the longest frame accepted from the
 *     server. Default 16 MiB.
 */
public record ConnectorConfig(
    long connectTimeoutMs, long requestTimeoutMs, int connectAttempts, long initialBackoffMs, long maxBackoffMs,
    long heartbeatIntervalMs, long idleTimeoutMs, int maxFrameLengthBytes) {

    /** Default {@link #connectTimeoutMs()}. */
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 5_000L;
    /** Default {@link #requestTimeoutMs()}. */
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 30_000L;
    /** Default {@link #connectAttempts()}. */
    public static final int DEFAULT_CONNECT_ATTEMPTS = 3;
    /** Default {@link #initialBackoffMs()}. */
    public static final long DEFAULT_INITIAL_BACKOFF_MS = 100L;
    /** Default {@link #maxBackoffMs()}. */
    public static final long DEFAULT_MAX_BACKOFF_MS = 2_000L;
    /** Default {@link #heartbeatIntervalMs()}. */
    public static final long DEFAULT_HEARTBEAT_INTERVAL_MS = 15_000L;
    /** Default {@link #idleTimeoutMs()}. */
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 60_000L;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public ConnectorConfig {
        if (connectTimeoutMs < 1 || requestTimeoutMs < 1 || connectAttempts < 1 || initialBackoffMs < 0
            || maxBackoffMs < initialBackoffMs) {
            throw new IllegalArgumentException("timeouts and attempts must be positive, backoffs ordered");
        }
        if (heartbeatIntervalMs < 1 || idleTimeoutMs <= heartbeatIntervalMs) {
            throw new IllegalArgumentException("heartbeatIntervalMs must be positive and below idleTimeoutMs");
        }
        if (maxFrameLengthBytes < FrameDescriptor.HEADER_LENGTH) {
            throw new IllegalArgumentException("maxFrameLengthBytes must be at least " + FrameDescriptor.HEADER_LENGTH);
        }
    }

    /**
     * Returns the defaults.
     *
     * @return every setting at its default
     */
    public static ConnectorConfig defaults() {
        return new ConnectorConfig(DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_CONNECT_ATTEMPTS,
            DEFAULT_INITIAL_BACKOFF_MS, DEFAULT_MAX_BACKOFF_MS, DEFAULT_HEARTBEAT_INTERVAL_MS, DEFAULT_IDLE_TIMEOUT_MS,
            FrameDescriptor.DEFAULT_MAX_FRAME_LENGTH_BYTES);
    }

    /**
     * @param value the new {@link #connectTimeoutMs()}
     * @return a copy with that setting
     */
    public ConnectorConfig withConnectTimeoutMs(final long value) {
        return new ConnectorConfig(value, requestTimeoutMs, connectAttempts, initialBackoffMs, maxBackoffMs,
            heartbeatIntervalMs, idleTimeoutMs, maxFrameLengthBytes);
    }

    /**
     * @param value the new {@link #requestTimeoutMs()}
     * @return a copy with that setting
     */
    public ConnectorConfig withRequestTimeoutMs(final long value) {
        return new ConnectorConfig(connectTimeoutMs, value, connectAttempts, initialBackoffMs, maxBackoffMs,
            heartbeatIntervalMs, idleTimeoutMs, maxFrameLengthBytes);
    }

    /**
     * Sets the retry policy.
     *
     * @param attempts the new {@link #connectAttempts()}
     * @param initialMs the new {@link #initialBackoffMs()}
     * @param maxMs the new {@link #maxBackoffMs()}
     * @return a copy with those settings
     */
    public ConnectorConfig withRetries(final int attempts, final long initialMs, final long maxMs) {
        return new ConnectorConfig(connectTimeoutMs, requestTimeoutMs, attempts, initialMs, maxMs,
            heartbeatIntervalMs, idleTimeoutMs, maxFrameLengthBytes);
    }

    /**
     * Sets the heartbeat interval and idle timeout together, since one must stay below the other.
     *
     * @param heartbeatMs the new {@link #heartbeatIntervalMs()}
     * @param idleMs the new {@link #idleTimeoutMs()}
     * @return a copy with those settings
     */
    public ConnectorConfig withHeartbeat(final long heartbeatMs, final long idleMs) {
        return new ConnectorConfig(connectTimeoutMs, requestTimeoutMs, connectAttempts, initialBackoffMs,
            maxBackoffMs, heartbeatMs, idleMs, maxFrameLengthBytes);
    }
}
