package org.cairnmq.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cairnmq.client.session.ConnectionOpener;
import org.cairnmq.protocol.codec.HandshakeCodec;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.FrameDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@link ClientConnection}s: TCP connect to the first reachable of several {@code host:port}
 * addresses, then HANDSHAKE with a user and password. An unreachable address moves on to the next;
 * after a round of failures the connector pauses (doubling from {@link ConnectorConfig#initialBackoffMs()}
 * up to {@link ConnectorConfig#maxBackoffMs()}) and tries again, up to
 * {@link ConnectorConfig#connectAttempts()} rounds. A refused handshake is final and not retried.
 *
 * <p>Design note: every connection of the JVM shares one NIO event loop group of daemon threads,
 * created with the first connection and shut down when the last one closes (reference counted). A
 * lazily created static group would be simpler but would leave threads behind when an application
 * server undeploys the resource adapter; the daemon flag keeps a forgotten connection from holding
 * the JVM open.
 *
 * <p>Thread safety: immutable; {@link #connect} may be called from any thread except an event loop
 * (it blocks).
 */
public final class ClientConnector implements ConnectionOpener {

    /** The client software version sent in HANDSHAKE. */
    public static final String CLIENT_VERSION = "0.1.0";

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnector.class);

    private final ConnectorConfig config;

    /** Creates a connector with {@link ConnectorConfig#defaults()}. */
    public ClientConnector() {
        this(ConnectorConfig.defaults());
    }

    /**
     * @param config the settings
     */
    public ClientConnector(final ConnectorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Connects to the first reachable address and hand shakes.
     *
     * @param addresses one or more {@code host:port}, tried in order
     * @param user the user name, {@code null} for anonymous
     * @param password the password, {@code null} for anonymous
     * @return the open connection
     * @throws ProtocolException when the server refuses the handshake (AUTHENTICATION_FAILED...)
     * @throws ConnectionLostException when no address could be reached in any round
     */
    public ClientConnection connect(final List<String> addresses, final String user, final String password) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("CAIRN-2002 No address to connect to");
        }
        Throwable lastFailure = null;
        long backoffMs = config.initialBackoffMs();
        for (int round = 0; round < config.connectAttempts(); round++) {
            if (round > 0) {
                pause(backoffMs, lastFailure);
                backoffMs = Math.min(config.maxBackoffMs(), Math.max(1L, backoffMs * 2));
            }
            for (final String address : addresses) {
                try {
                    return connectOnce(address, user, password);
                } catch (final ConnectionLostException e) {
                    LOG.debug("Cannot connect to {}: {}", address, e.getMessage());
                    lastFailure = e;
                }
            }
        }
        throw new ConnectionLostException("CAIRN-2003 Cannot connect to any of " + addresses + " after "
            + config.connectAttempts() + " round(s)", lastFailure);
    }

    /**
     * The {@link ConnectionOpener} entry point: {@link #connect} with another connect timeout.
     */
    @Override
    public ClientConnection open(
        final List<String> addresses, final String user, final String password, final long connectTimeoutMs) {
        final ConnectorConfig adjusted = config.withConnectTimeoutMs(connectTimeoutMs);
        return new ClientConnector(adjusted).connect(addresses, user, password);
    }

    private ClientConnection connectOnce(final String address, final String user, final String password) {
        final int colon = address.lastIndexOf(':');
        final String host = address.substring(0, Math.max(colon, 0));
        final int port = Integer.parseInt(address.substring(colon + 1));
        final SharedGroup.Lease lease = SharedGroup.acquire();
        final ChannelFuture connected;
        try {
            connected = bootstrap(lease.group()).connect(host, port).awaitUninterruptibly();
        } catch (final RuntimeException e) {
            lease.release();
            throw e;
        }
        if (!connected.isSuccess()) {
            lease.release();
            throw new ConnectionLostException("CAIRN-2004 Cannot connect to " + address + ": " + connected.cause(),
                connected.cause());
        }
        final Channel channel = connected.channel();
        channel.closeFuture().addListener(future -> lease.release());
        final NettyClientConnection connection = channel.attr(SharedGroup.CONNECTION).get();
        return awaitHandshake(connection, new HandshakeCodec.Request(user, password, CLIENT_VERSION));
    }

    private ClientConnection awaitHandshake(final NettyClientConnection connection, final HandshakeCodec.Request request) {
        try {
            return connection.handshake(request).get(config.connectTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.close();
            throw new ConnectionLostException("CAIRN-2005 Interrupted during the handshake", e);
        } catch (final TimeoutException e) {
            connection.close();
            throw new ConnectionLostException("CAIRN-2006 No handshake answer within " + config.connectTimeoutMs()
                + " ms", e);
        } catch (final ExecutionException e) {
            connection.close();
            final Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof ProtocolException refused) {
                throw refused;
            }
            final ProtocolException refusal = connection.lastServerRefusal();
            if (cause instanceof ConnectionLostException && refusal != null) {
                throw refusal;
            }
            throw new ConnectionLostException("CAIRN-2007 The handshake failed: " + cause, cause);
        }
    }

    private Bootstrap bootstrap(final EventLoopGroup group) {
        return new Bootstrap().group(group)
            .channel(ClientTransport.channelType())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeoutMs()))
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel channel) {
                    final NettyClientConnection connection = new NettyClientConnection(channel, config);
                    channel.attr(SharedGroup.CONNECTION).set(connection);
                    channel.pipeline()
                        .addLast("flush", new FlushConsolidationHandler(
                            FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true))
                        .addLast("idle", new IdleStateHandler(config.idleTimeoutMs(), config.heartbeatIntervalMs(), 0L,
                            TimeUnit.MILLISECONDS))
                        .addLast("frames", new FrameDecoder(config.maxFrameLengthBytes()))
                        .addLast("connection", connection.handler());
                }
            });
    }

    private static void pause(final long backoffMs, final Throwable lastFailure) {
        try {
            Thread.sleep(backoffMs);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionLostException("CAIRN-2005 Interrupted while retrying to connect", lastFailure);
        }
    }

    /**
     * Waits until the client's I/O threads have ended after the last connection closed. A container
     * that unloads the provider's classes (a resource adapter being undeployed) calls this after
     * closing its connections, so no client thread runs on into unloaded classes.
     *
     * @param timeoutMs how long to wait at most
     * @return whether the threads ended; false when a connection was still open, or the threads still ran,
     *     when the time ran out
     * @throws InterruptedException if interrupted while waiting
     */
    public static boolean awaitThreadsStopped(final long timeoutMs) throws InterruptedException {
        return SharedGroup.awaitStopped(timeoutMs);
    }

    /**
     * The reference-counted event loop group every client connection shares.
     *
     * <p>Design note: each connection attempt takes a {@link Lease} before it connects and gives it
     * back exactly once (when the connect fails, or when the channel closes), so the count never drops
     * to zero while a connection is being opened or is open. When it does, the group shuts down after a
     * quiet period: a listener notification or a last request racing the final close still runs, and a
     * connection opened meanwhile gets a fresh group.
     */
    private static final class SharedGroup {

        static final AttributeKey<NettyClientConnection> CONNECTION =
            AttributeKey.valueOf(NettyClientConnection.class, "connection");

        private static final long SHUTDOWN_QUIET_PERIOD_MS = 200L;
        private static final long SHUTDOWN_TIMEOUT_MS = 2_000L;

        private static EventLoopGroup group;
        private static ClientThreadFactory threads;
        private static int users;
        private static Future<?> lastTermination;
        private static ClientThreadFactory lastThreads;

        private SharedGroup() {
        }

        static synchronized Lease acquire() {
            if (group == null) {
                threads = new ClientThreadFactory();
                group = new MultiThreadIoEventLoopGroup(0, threads, ClientTransport.ioHandlerFactory());
                LOG.debug("Cairn client I/O threads started on {}", ClientTransport.name());
            }
            users++;
            return new Lease(group);
        }

        private static synchronized void release(final EventLoopGroup leased) {
            if (leased != group || users <= 0) {
                throw new IllegalStateException("CAIRN-2008 Released a client event loop group that is not held");
            }
            users--;
            if (users == 0) {
                lastTermination = group.shutdownGracefully(SHUTDOWN_QUIET_PERIOD_MS, SHUTDOWN_TIMEOUT_MS,
                    TimeUnit.MILLISECONDS);
                lastThreads = threads;
                group = null;
                threads = null;
                SharedGroup.class.notifyAll();
            }
        }

        private static boolean awaitStopped(final long timeoutMs) throws InterruptedException {
            final long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            final Future<?> termination;
            final ClientThreadFactory ending;
            synchronized (SharedGroup.class) {
                // A connection that has just closed gives its lease back from its close listener,
                // on its I/O thread: wait for that too, not only for the threads to end.
                while (group != null) {
                    final long remainingNanos = deadlineNanos - System.nanoTime();
                    if (remainingNanos <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(SharedGroup.class, remainingNanos);
                }
                termination = lastTermination;
                ending = lastThreads;
            }
            if (termination == null) {
                return true;
            }
            final long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            return termination.await(Math.max(0L, remainingMs), TimeUnit.MILLISECONDS)
                && ending.awaitThreadsEnded(deadlineNanos);
        }

        /** One reference to the shared group, given back at most once. */
        static final class Lease {

            private final EventLoopGroup group;
            private final AtomicBoolean released = new AtomicBoolean();

            private Lease(final EventLoopGroup group) {
                this.group = group;
            }

            EventLoopGroup group() {
                return group;
            }

            void release() {
                if (released.compareAndSet(false, true)) {
                    SharedGroup.release(group);
                }
            }
        }
    }
}
