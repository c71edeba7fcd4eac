package org.cairnmq.server.remoting;

import java.nio.file.Path;
import java.util.Objects;
import org.cairnmq.protocol.frame.FrameDescriptor;

/**
 * The settings of a {@link RemotingServer}. Immutable; start from {@link #defaults()} and adjust with
 * the withers.
 *
 * @param bindAddress {@code bindAddress}: the local address the server listens on. Default
 *     {@value #DEFAULT_BIND_ADDRESS} (loopback only; use {@code 0.0.0.0} to listen everywhere).
 * @param port {@code port}: the TCP port; {@code 0} picks a free one, reported by
 *     {@link RemotingServer#port()}. Default {@value #DEFAULT_PORT}.
 * @param maxConnections {@code maxConnections}, connections: beyond this many open connections a new
 *     one is answered with a {@code RESOURCE_ALLOCATION} error frame and closed. Default
 *     {@value #DEFAULT_MAX_CONNECTIONS}.
 * @param maxFrameLengthBytes {@code maxFrameLengthBytes}, bytes: the longest frame accepted, header
 *     included; a longer one is skipped and answered with {@code FRAME_TOO_LARGE}. Default 16 MiB.
 * @param idleTimeoutMs {@code idleTimeoutMs}, milliseconds: a connection that sends nothing (not even
 *     a heartbeat) for this long is closed. Default {@value #DEFAULT_IDLE_TIMEOUT_MS}.
 * @param heartbeatIntervalMs {@code heartbeatIntervalMs}, milliseconds: the server sends a one-way
 *     HEARTBEAT to a connection it has written nothing to for this long. Default
 *     {@value #DEFAULT_HEARTBEAT_INTERVAL_MS}; less than {@code idleTimeoutMs}.
 * @param usersFile {@code usersFile}: a properties file of {@code user=password} lines, the password
 *     as given or as {@code sha256:salt:hex} (see {@link Authenticator}); {@code null} for no users.
 *     Default {@code null}.
 * @param allowAnonymous {@code allowAnonymous}: whether a handshake without a user is accepted.
 *     Default {@code true}.
 * @param ioThreads {@code ioThreads}, threads: the event loops serving connections. A positive
 *     number: that many. {@value #IO_THREADS_ON_BROKER_THREAD} ({@code broker} in the properties
 *     file): a broker's port is served by the broker thread itself, so that a command reaches the
 *     broker and a delivery reaches the socket without a hand-off between threads (see
 *     {@link #servesOnBrokerThread(int)}). {@value #IO_THREADS_AUTO} ({@code auto}): the broker
 *     thread on a machine of at most {@value #MAX_PROCESSORS_FOR_BROKER_THREAD_IO} processors,
 *     otherwise Netty's choice (twice the processors). A server without a broker thread (the name
 *     server) takes Netty's choice for both. Default {@value #DEFAULT_IO_THREADS}.
 * @param writeBufferLowWaterMarkBytes {@code writeBufferLowWaterMarkBytes}, bytes: a connection that
 *     was not writable becomes writable again when its outbound buffer falls below this. Default
 *     {@value #DEFAULT_WRITE_BUFFER_LOW_WATER_MARK_BYTES}.
 * @param writeBufferHighWaterMarkBytes {@code writeBufferHighWaterMarkBytes}, bytes: a connection
 *     whose outbound buffer grows past this is not writable, and dispatch stops pushing to it.
 *     Default {@value #DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK_BYTES}.
 */
public record RemotingConfig(
    String bindAddress,
    int port,
    int maxConnections,
    int maxFrameLengthBytes,
    long idleTimeoutMs,
    long heartbeatIntervalMs,
    Path usersFile,
    boolean allowAnonymous,
    int ioThreads,
    int writeBufferLowWaterMarkBytes,
    int writeBufferHighWaterMarkBytes) {

    /** Default {@link #bindAddress()}. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** Default {@link #port()}: the broker's port. */
    public static final int DEFAULT_PORT = 10911;
    /** Default {@link #maxConnections()}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** Default {@link #idleTimeoutMs()}: 60 seconds. */
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 60_000L;
    /** Default {@link #heartbeatIntervalMs()}: 15 seconds. */
    public static final long DEFAULT_HEARTBEAT_INTERVAL_MS = 15_000L;
    /** {@link #ioThreads()}: chosen by the processor count (see {@link #servesOnBrokerThread(int)}). */
    public static final int IO_THREADS_AUTO = 0;
    /** {@link #ioThreads()}: the broker thread serves the broker's port. */
    public static final int IO_THREADS_ON_BROKER_THREAD = -1;
    /** Up to this many processors, {@link #IO_THREADS_AUTO} serves a broker's port on its broker thread. */
    public static final int MAX_PROCESSORS_FOR_BROKER_THREAD_IO = 2;
    /** Default {@link #ioThreads()}: {@link #IO_THREADS_AUTO}. */
    public static final int DEFAULT_IO_THREADS = IO_THREADS_AUTO;
    /** Default {@link #writeBufferLowWaterMarkBytes()}: 512 KiB. */
    public static final int DEFAULT_WRITE_BUFFER_LOW_WATER_MARK_BYTES = 512 * 1024;
    /** Default {@link #writeBufferHighWaterMarkBytes()}: 2 MiB. */
    public static final int DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK_BYTES = 2 * 1024 * 1024;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public RemotingConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        require(port >= 0 && port <= 65_535, "port must be within 0..65535, was " + port);
        require(maxConnections >= 1, "maxConnections must be positive, was " + maxConnections);
        require(maxFrameLengthBytes >= FrameDescriptor.HEADER_LENGTH,
            "maxFrameLengthBytes must be at least " + FrameDescriptor.HEADER_LENGTH + ", was " + maxFrameLengthBytes);
        require(idleTimeoutMs >= 1, "idleTimeoutMs must be positive, was " + idleTimeoutMs);
        require(heartbeatIntervalMs >= 1 && heartbeatIntervalMs < idleTimeoutMs,
            "heartbeatIntervalMs must be positive and below idleTimeoutMs, was " + heartbeatIntervalMs);
        require(ioThreads >= IO_THREADS_ON_BROKER_THREAD,
            "ioThreads must be positive, 0 (auto) or -1 (the broker thread), was " + ioThreads);
        require(writeBufferLowWaterMarkBytes >= 1 && writeBufferLowWaterMarkBytes <= writeBufferHighWaterMarkBytes,
            "writeBufferLowWaterMarkBytes must be positive and at most writeBufferHighWaterMarkBytes");
    }

    /**
     * Whether a broker's port is served by the broker thread rather than by event loops of its own.
     *
     * <p>Design note: on a machine of one or two processors, extra I/O threads buy no parallelism
     * but cost a thread hand-off each way: a frame read on an I/O thread is queued for the broker
     * thread, and a delivery the broker thread writes is queued back for the I/O thread. Each
     * hand-off to a sleeping thread cost 20 to 40 µs on the 2-core build machine, together a fifth
     * of a non-persistent round trip, while the throughput scenarios of the load tool ran as fast
     * either way. With more processors, separate I/O threads let decoding, encoding and system calls
     * run beside the broker thread.
     *
     * @param processors the machine's processor count
     * @return true for {@link #IO_THREADS_ON_BROKER_THREAD}, and for {@link #IO_THREADS_AUTO} on at
     *     most {@value #MAX_PROCESSORS_FOR_BROKER_THREAD_IO} processors
     */
    public boolean servesOnBrokerThread(final int processors) {
        return ioThreads == IO_THREADS_ON_BROKER_THREAD
            || ioThreads == IO_THREADS_AUTO && processors <= MAX_PROCESSORS_FOR_BROKER_THREAD_IO;
    }

    /**
     * Returns the defaults.
     *
     * @return every setting at its default
     */
    public static RemotingConfig defaults() {
        return new RemotingConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_MAX_CONNECTIONS,
            FrameDescriptor.DEFAULT_MAX_FRAME_LENGTH_BYTES, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_HEARTBEAT_INTERVAL_MS,
            null, true, DEFAULT_IO_THREADS, DEFAULT_WRITE_BUFFER_LOW_WATER_MARK_BYTES,
            DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK_BYTES);
    }

    /**
     * @param value the new {@link #bindAddress()}
     * @return a copy with that setting
     */
    public RemotingConfig withBindAddress(final String value) {
        return new RemotingConfig(value, port, maxConnections, maxFrameLengthBytes, idleTimeoutMs,
            heartbeatIntervalMs, usersFile, allowAnonymous, ioThreads, writeBufferLowWaterMarkBytes,
            writeBufferHighWaterMarkBytes);
    }

    /**
     * @param value the new {@link #port()}
     * @return a copy with that setting
     */
    public RemotingConfig withPort(final int value) {
        return new RemotingConfig(bindAddress, value, maxConnections, maxFrameLengthBytes, idleTimeoutMs,
            heartbeatIntervalMs, usersFile, allowAnonymous, ioThreads, writeBufferLowWaterMarkBytes,
            writeBufferHighWaterMarkBytes);
    }

    /**
     * @param value the new {@link #maxConnections()}
     * @return a copy with that setting
     */
    public RemotingConfig withMaxConnections(final int value) {
        return new RemotingConfig(bindAddress, port, value, maxFrameLengthBytes, idleTimeoutMs,
            heartbeatIntervalMs, usersFile, allowAnonymous, ioThreads, writeBufferLowWaterMarkBytes,
            writeBufferHighWaterMarkBytes);
    }

    /**
     * @param value the new {@link #maxFrameLengthBytes()}
     * @return a copy with that setting
     */
    public RemotingConfig withMaxFrameLengthBytes(final int value) {
        return new RemotingConfig(bindAddress, port, maxConnections, value, idleTimeoutMs,
            heartbeatIntervalMs, usersFile, allowAnonymous, ioThreads, writeBufferLowWaterMarkBytes,
            writeBufferHighWaterMarkBytes);
    }

    /**
     * Sets the idle timeout and the heartbeat interval together, since one must stay below the other.
     *
     * @param idleMs the new {@link #idleTimeoutMs()}
     * @param heartbeatMs the new {@link #heartbeatIntervalMs()}
     * @return a copy with those settings
     */
    public RemotingConfig withTimeouts(final long idleMs, final long heartbeatMs) {
        return new RemotingConfig(bindAddress, port, maxConnections, maxFrameLengthBytes, idleMs,
            heartbeatMs, usersFile, allowAnonymous, ioThreads, writeBufferLowWaterMarkBytes,
            writeBufferHighWaterMarkBytes);
    }

    /**
     * @param value the new {@link #usersFile()}
     * @return a copy with that setting
     */
    public RemotingConfig withUsersFile(final Path value) {
        return new RemotingConfig(bindAddress, port, maxConnections, maxFrameLengthBytes, idleTimeoutMs,
            heartbeatIntervalMs, value, allowAnonymous, ioThreads, writeBufferLowWaterMarkBytes,
            writeBufferHighWaterMarkBytes);
    }

    /**
     * @param value the new {@link #allowAnonymous()}
     * @return a copy with that setting
     */
    public RemotingConfig withAllowAnonymous(final boolean value) {
        return new RemotingConfig(bindAddress, port, maxConnections, maxFrameLengthBytes, idleTimeoutMs,
            heartbeatIntervalMs, usersFile, value, ioThreads, writeBufferLowWaterMarkBytes,
            writeBufferHighWaterMarkBytes);
    }

    /**
     * @param value the new {@link #ioThreads()}
     * @return a copy with that setting
     */
    public RemotingConfig withIoThreads(final int value) {
        return new RemotingConfig(bindAddress, port, maxConnections, maxFrameLengthBytes, idleTimeoutMs,
            heartbeatIntervalMs, usersFile, allowAnonymous, value, writeBufferLowWaterMarkBytes,
            writeBufferHighWaterMarkBytes);
    }

    /**
     * Sets both write-buffer water marks.
     *
     * @param lowBytes the new {@link #writeBufferLowWaterMarkBytes()}
     * @param highBytes the new {@link #writeBufferHighWaterMarkBytes()}
     * @return a copy with those settings
     */
    public RemotingConfig withWriteBufferWaterMarks(final int lowBytes, final int highBytes) {
        return new RemotingConfig(bindAddress, port, maxConnections, maxFrameLengthBytes, idleTimeoutMs,
            heartbeatIntervalMs, usersFile, allowAnonymous, ioThreads, lowBytes, highBytes);
    }

    private static void require(final boolean condition, final String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
