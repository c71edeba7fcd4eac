package org.cairnmq.server.remoting;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cairnmq.protocol.frame.FrameDecoder;
import org.cairnmq.server.remoting.internal.ConnectionHandler;
import org.cairnmq.server.remoting.internal.ConnectionLimiter;
import org.cairnmq.server.remoting.internal.Transports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP server of the wire protocol: accepts connections, authenticates them with a HANDSHAKE and
 * routes their frames to the {@link CommandProcessor}s of a {@link ProcessorRegistry}. The broker and
 * the name server each run one.
 *
 * <pre>
 *  accept ──► ConnectionLimiter (over maxConnections: RESOURCE_ALLOCATION, close)
 *  channel pipeline: FlushConsolidationHandler ─ IdleStateHandler ─ FrameDecoder ─ ConnectionHandler
 *                    (batches flushes)  (idle close, heartbeats) (max frame length) (handshake, dispatch)
 * </pre>
 *
 * <p>Transport: native epoll when available, NIO otherwise. HEARTBEAT and CLOSE are handled here;
 * every other command goes to its processor.
 *
 * <p>Threads: its own event loops ({@link RemotingConfig#ioThreads()}), or a group the caller owns
 * and shares with another component ({@link #newSharedEventLoop(String)}): the broker thread, when
 * {@link RemotingConfig#servesOnBrokerThread(int)}. A shared group is not shut down by
 * {@link #close()}; the connections on it are closed.
 *
 * <p>Lifecycle: {@link #start()} once (it freezes the registry and binds), then {@link #close()}.
 * Thread safety: {@link #start()} and {@link #close()} are synchronized; the accessors may be called
 * from any thread.
 */
public final class RemotingServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemotingServer.class);
    private static final long SHUTDOWN_TIMEOUT_MS = 3_000L;

    private final RemotingConfig config;
    private final ProcessorRegistry registry;
    private final Authenticator authenticator;
    private final ServerIdentity identity;
    private final ConnectionLimiter limiter;
    private final AtomicLong connectionIds = new AtomicLong();
    private final ChannelGroup channels = new DefaultChannelGroup("cairn-connections", GlobalEventExecutor.INSTANCE);
    private final EventLoopGroup sharedIoGroup;
    private EventLoopGroup acceptGroup;
    private EventLoopGroup ioGroup;
    private Channel serverChannel;
    private volatile InetSocketAddress boundAddress;

    /**
     * Creates a server; nothing is bound until {@link #start()}.
     *
     * @param config the settings
     * @param registry the processors, complete before {@link #start()}
     * @param authenticator checks handshake credentials
     * @param identity what the handshake response says about the server
     */
    public RemotingServer(
        final RemotingConfig config, final ProcessorRegistry registry, final Authenticator authenticator,
        final ServerIdentity identity) {
        this(config, registry, authenticator, identity, null);
    }

    /**
     * Creates a server whose connections are served by a group the caller owns; nothing is bound
     * until {@link #start()}.
     *
     * @param config the settings ({@link RemotingConfig#ioThreads()} is not used when a group is given)
     * @param registry the processors, complete before {@link #start()}
     * @param authenticator checks handshake credentials
     * @param identity what the handshake response says about the server
     * @param sharedIoGroup the event loops serving connections, shut down by the caller after
     *     {@link #close()}; null for loops of this server's own
     */
    public RemotingServer(
        final RemotingConfig config, final ProcessorRegistry registry, final Authenticator authenticator,
        final ServerIdentity identity, final EventLoopGroup sharedIoGroup) {
        this.sharedIoGroup = sharedIoGroup;
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.limiter = new ConnectionLimiter(config.maxConnections());
    }

    /**
     * Freezes the registry and binds the configured address.
     *
     * @return this
     * @throws IllegalStateException when already started, or the address cannot be bound
     */
    public synchronized RemotingServer start() {
        if (acceptGroup != null) {
            throw new IllegalStateException("the server was already started");
        }
        registry.freeze();
        acceptGroup = Transports.newEventLoopGroup(1, identity.serverName() + "-accept", false);
        ioGroup = sharedIoGroup != null ? sharedIoGroup
            : Transports.newEventLoopGroup(Math.max(0, config.ioThreads()), identity.serverName() + "-io", false);
        final ChannelFuture bound = bootstrap().bind(config.bindAddress(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownGroups();
            throw new IllegalStateException("CAIRN-1030 Cannot listen on " + config.bindAddress() + ":" + config.port()
                + ": " + bound.cause().getMessage(), bound.cause());
        }
        serverChannel = bound.channel();
        boundAddress = (InetSocketAddress) serverChannel.localAddress();
        LOG.debug("{} listening on {} ({})", identity.serverName(), address(), Transports.name());
        return this;
    }

    private ServerBootstrap bootstrap() {
        return new ServerBootstrap()
            .group(acceptGroup, ioGroup)
            .channel(Transports.serverChannelType())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                config.writeBufferLowWaterMarkBytes(), config.writeBufferHighWaterMarkBytes()))
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel channel) {
                    initConnection(channel);
                }
            });
    }

    private void initConnection(final SocketChannel channel) {
        channels.add(channel);
        if (!limiter.admit(channel)) {
            channel.pipeline().addLast("limiter", limiter);
            return;
        }
        channel.pipeline()
            .addLast("flush", new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES,
                true))
            .addLast("idle", new IdleStateHandler(config.idleTimeoutMs(), config.heartbeatIntervalMs(), 0L,
                TimeUnit.MILLISECONDS))
            .addLast("frames", new FrameDecoder(config.maxFrameLengthBytes()))
            .addLast("connection", new ConnectionHandler(registry, authenticator, identity,
                config.maxFrameLengthBytes(), connectionIds));
    }

    /**
     * Returns the bound port.
     *
     * @return the port, the actual one when the configuration said 0
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        return requireBound().getPort();
    }

    /**
     * Returns where clients reach this server.
     *
     * @return {@code host:port} of the bound address
     * @throws IllegalStateException before {@link #start()}
     */
    public String address() {
        final InetSocketAddress bound = requireBound();
        return bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    /**
     * Returns the number of open connections.
     *
     * @return the count, connections being refused included until they close
     */
    public int connectionCount() {
        return limiter.openConnections();
    }

    /**
     * Returns the settings.
     *
     * @return the configuration
     */
    public RemotingConfig config() {
        return config;
    }

    /**
     * Stops accepting, closes every connection (their close listeners run) and stops the event loops.
     * Idempotent.
     */
    @Override
    public synchronized void close() {
        if (acceptGroup == null) {
            return;
        }
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        channels.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS);
        shutdownGroups();
        acceptGroup = null;
    }

    private void shutdownGroups() {
        acceptGroup.shutdownGracefully(0L, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (ioGroup != sharedIoGroup) {
            ioGroup.shutdownGracefully(0L, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS);
        }
    }

    /**
     * Creates a one-thread event loop group of this server's transport, for a component that runs
     * its own tasks on the thread that also serves connections (see
     * {@link #RemotingServer(RemotingConfig, ProcessorRegistry, Authenticator, ServerIdentity, EventLoopGroup)}).
     *
     * @param threadName the thread's name
     * @return the group, to be shut down by the caller
     */
    public static EventLoopGroup newSharedEventLoop(final String threadName) {
        return Transports.newEventLoopGroup(1, threadName, true);
    }

    private InetSocketAddress requireBound() {
        final InetSocketAddress bound = boundAddress;
        if (bound == null) {
            throw new IllegalStateException("the server is not started");
        }
        return bound;
    }
}
