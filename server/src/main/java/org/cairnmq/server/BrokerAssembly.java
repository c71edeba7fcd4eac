package org.cairnmq.server;

import io.netty.channel.EventLoopGroup;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.codec.RegisterBrokerCodec.TopicEntry;
import org.cairnmq.server.broker.Broker;
import org.cairnmq.server.config.ServerConfig;
import org.cairnmq.server.naming.BrokerRegistrar;
import org.cairnmq.server.naming.NameServer;
import org.cairnmq.server.remoting.Authenticator;
import org.cairnmq.server.remoting.ProcessorRegistry;
import org.cairnmq.server.remoting.RemotingServer;
import org.cairnmq.server.remoting.ServerIdentity;
import org.cairnmq.server.remoting.messaging.MessagingProcessors;
import org.cairnmq.server.store.MessageStore;

/**
 * The component wiring behind {@link CairnBroker}: starts the components in this order and closes
 * them in reverse:
 *
 * <pre>
 *  MessageStore (with its key index and consumer offsets) ─► Broker ─► ProcessorRegistry (MessagingProcessors) ─► embedded NameServer ─► RemotingServer
 *  ─► BrokerRegistrar (registers the broker's destinations with the name servers)
 * </pre>
 *
 * <p>Threads: when {@link org.cairnmq.server.remoting.RemotingConfig#servesOnBrokerThread(int)} (by
 * default on a machine of at most two processors), the broker thread is an event loop that also
 * serves the broker's port.
 *
 * <p>Design note: the embedded name server accepts every handshake ({@link Authenticator#acceptAny()}):
 * routes are not secret, and the broker's own registrar connects to it without credentials; the
 * users file guards the broker's port, where messages are.
 *
 * <p>Thread safety: not thread-safe; {@link CairnBroker} serializes {@link #start()} and
 * {@link #closeStarted()}.
 */
final class BrokerAssembly {

    private static final long SHARED_LOOP_SHUTDOWN_SECONDS = 10L;

    private final ServerConfig config;
    private final Authenticator authenticator;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private NameServer nameServer;
    private RemotingServer remoting;
    private Broker broker;

    /**
     * @param config the configuration
     * @param authenticator checks handshake credentials on the broker's port
     */
    BrokerAssembly(final ServerConfig config, final Authenticator authenticator) {
        this.config = config;
        this.authenticator = authenticator;
    }

    /**
     * Starts every component in order; on a failure, the components started so far stay open for
     * {@link #closeStarted()}.
     */
    void start() {
        final MessageStore store = open(new MessageStore(config.store()));
        store.start();
        final EventLoopGroup brokerLoop = config.remoting().servesOnBrokerThread(
            Runtime.getRuntime().availableProcessors()) ? sharedBrokerLoop() : null;
        broker = open(new Broker(config.broker(), store, store.keyIndex(), store.consumerOffsets()));
        broker.start(brokerLoop);
        final ProcessorRegistry registry = new ProcessorRegistry();
        MessagingProcessors.registerAll(registry, broker);
        final List<String> nameServers = new ArrayList<>(config.nameServerAddresses());
        if (config.embeddedNameServer()) {
            nameServer = open(new NameServer(config.naming(), Authenticator.acceptAny(), Clock.systemUTC()).start());
            nameServers.add(0, nameServer.address());
        }
        remoting = open(new RemotingServer(config.remoting(), registry, authenticator,
            new ServerIdentity(config.brokerName(), ServerIdentity.CURRENT_VERSION, config.broker().maxMessageBytes()),
            brokerLoop).start());
        open(new BrokerRegistrar(config.brokerName(), advertisedAddress(remoting), nameServers,
            () -> destinationsOf(broker), config.naming().registerIntervalMs(), null, null).start());
    }

    /**
     * The broker thread as an event loop of the broker's port. The broker shuts it down when it
     * closes; it is also closed after the broker, for a broker that failed to start.
     */
    private EventLoopGroup sharedBrokerLoop() {
        final EventLoopGroup loop = RemotingServer.newSharedEventLoop("cairn-broker");
        open(() -> loop.shutdownGracefully(0L, SHARED_LOOP_SHUTDOWN_SECONDS, TimeUnit.SECONDS)
            .awaitUninterruptibly(SHARED_LOOP_SHUTDOWN_SECONDS, TimeUnit.SECONDS));
        return loop;
    }

    /**
     * @return the broker core's facade, or {@code null} before {@link #start()}
     */
    Broker broker() {
        return broker;
    }

    /**
     * @return the embedded name server, or {@code null} when none runs
     */
    NameServer nameServer() {
        return nameServer;
    }

    /**
     * @return the broker's listener, or {@code null} before {@link #start()}
     */
    RemotingServer remoting() {
        return remoting;
    }

    /**
     * Closes every started component, last started first; a later call closes nothing.
     *
     * @throws IllegalStateException when a component failed to close, the others' failures suppressed
     */
    void closeStarted() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (final Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("CAIRN-1060 The broker did not close cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Returns the address the broker registers: the bound one, or the local host's when bound to a
     * wildcard address.
     *
     * @param server the broker's listener
     * @return {@code host:port}
     */
    static String advertisedAddress(final RemotingServer server) {
        final String bind = server.config().bindAddress();
        if (!"0.0.0.0".equals(bind) && !"::".equals(bind)) {
            return server.address();
        }
        try {
            return InetAddress.getLocalHost().getHostAddress() + ":" + server.port();
        } catch (final UnknownHostException e) {
            return server.address();
        }
    }

    private <T extends AutoCloseable> T open(final T component) {
        started.push(component);
        return component;
    }

    private static CompletableFuture<List<TopicEntry>> destinationsOf(final Broker broker) {
        return broker.destinations().thenApply(list -> list.stream()
            .map(info -> new TopicEntry(info.kind(), info.name(), info.queueCount())).toList());
    }
}
