package org.cairnmq.server.naming;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cairnmq.server.remoting.Authenticator;
import org.cairnmq.server.remoting.ProcessorRegistry;
import org.cairnmq.server.remoting.RemotingServer;
import org.cairnmq.server.remoting.ServerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server: brokers register their destinations and heartbeat by registering again; clients
 * ask it which brokers serve a destination. It runs its own {@link RemotingServer} on its own port,
 * embedded in a broker's process or standalone.
 *
 * <pre>
 *  REGISTER_BROKER / UNREGISTER_BROKER / QUERY_ROUTE ──► NamingProcessor ──► RouteTable
 *  expiry thread, every expiryCheckIntervalMs ──► RouteTable.expire(brokerExpiryMs)
 * </pre>
 *
 * <p>Lifecycle: {@link #start()}, then {@link #close()}. Thread safety: the route table is thread
 * safe; start and close are synchronized.
 */
public final class NameServer implements AutoCloseable {

    /** The name the name server gives itself in HANDSHAKE responses. */
    public static final String SERVER_NAME = "name-server";

    private static final Logger LOG = LoggerFactory.getLogger(NameServer.class);

    private final NamingConfig config;
    private final Clock clock;
    private final RouteTable routes = new RouteTable();
    private final RemotingServer server;
    private ScheduledExecutorService expiry;

    /**
     * Creates a name server; nothing runs until {@link #start()}.
     *
     * @param config the settings
     * @param authenticator checks handshake credentials ({@link Authenticator#acceptAny()} when
     *     routes need no protection)
     * @param clock the source of registration and expiry times
     */
    public NameServer(final NamingConfig config, final Authenticator authenticator, final Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        final ProcessorRegistry registry = new ProcessorRegistry();
        new NamingProcessor(routes, clock).registerWith(registry);
        this.server = new RemotingServer(config.remoting(), registry, authenticator,
            new ServerIdentity(SERVER_NAME, ServerIdentity.CURRENT_VERSION, 0));
    }

    /**
     * Binds the port and starts the expiry task.
     *
     * @return this
     */
    public synchronized NameServer start() {
        server.start();
        expiry = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "cairn-name-server-expiry");
            thread.setDaemon(true);
            return thread;
        });
        expiry.scheduleWithFixedDelay(this::expireStaleBrokers, config.expiryCheckIntervalMs(),
            config.expiryCheckIntervalMs(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Drops the brokers whose last registration is older than {@link NamingConfig#brokerExpiryMs()};
     * run periodically, and callable directly (tests with a controlled clock).
     *
     * @return the names of the dropped brokers
     */
    public List<String> expireStaleBrokers() {
        final List<String> expired = routes.expire(clock.millis(), config.brokerExpiryMs());
        expired.forEach(name -> LOG.warn("Broker '{}' expired: no registration for {} ms", name,
            config.brokerExpiryMs()));
        return expired;
    }

    /**
     * Returns the route table.
     *
     * @return the live routes
     */
    public RouteTable routes() {
        return routes;
    }

    /**
     * Returns the bound port.
     *
     * @return the port
     */
    public int port() {
        return server.port();
    }

    /**
     * Returns where brokers and clients reach this name server.
     *
     * @return {@code host:port}
     */
    public String address() {
        return server.address();
    }

    /**
     * Stops the expiry task and the server. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (expiry != null) {
            expiry.shutdownNow();
            expiry = null;
        }
        server.close();
    }
}
