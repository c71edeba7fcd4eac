package org.cairnmq.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.cairnmq.server.broker.BrokerConfig;
import org.cairnmq.server.broker.XaTransactions;
import org.cairnmq.server.config.ServerConfig;
import org.cairnmq.server.naming.NamingConfig;
import org.cairnmq.server.remoting.Authenticator;
import org.cairnmq.server.remoting.RemotingConfig;
import org.cairnmq.server.remoting.RemotingServer;
import org.cairnmq.server.store.FlushMode;
import org.cairnmq.server.store.StoreConfig;

/**
 * A broker in one object: the embedded broker API and the composition root of the standalone
 * server. It only wires: {@link BrokerAssembly} starts the components in order (store, broker,
 * processors, embedded name server, remoting server, registrar) and closes them in reverse.
 *
 * <pre>{@code
 * try (CairnBroker broker = CairnBroker.builder().dataDirectory(dir).brokerPort(0).nameServerPort(0).start()) {
 *     String url = broker.nameServerUrl();   // cairn://127.0.0.1:<port>, for a ConnectionFactory
 * }
 * }</pre>
 *
 * <p>Design note: the embedded name server accepts every handshake ({@link Authenticator#acceptAny()}):
 * routes are not secret, and the broker's own registrar connects to it without credentials; the
 * users file guards the broker's port, where messages are.
 *
 * <p>Closing stops accepting and closes the connections, stops the broker, and closes the store
 * (which flushes its key index and consumer offsets, writes the checkpoint and marks the shutdown
 * clean).
 *
 * <p>Thread safety: {@link #start()} and {@link #close()} are synchronized; accessors may be called
 * from any thread after {@link #start()}.
 */
public final class CairnBroker implements AutoCloseable {

    private final ServerConfig config;
    private final BrokerAssembly assembly;
    private boolean running;

    /**
     * Creates a broker from a full configuration; nothing runs until {@link #start()}.
     *
     * @param config the configuration
     * @param authenticator checks handshake credentials on the broker's port
     */
    public CairnBroker(final ServerConfig config, final Authenticator authenticator) {
        this.config = Objects.requireNonNull(config, "config");
        this.assembly = new BrokerAssembly(this.config, Objects.requireNonNull(authenticator, "authenticator"));
    }

    /**
     * Starts a builder.
     *
     * @return a builder with every setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts every component; on a failure, closes what was started and rethrows.
     *
     * @return this
     */
    public synchronized CairnBroker start() {
        if (running) {
            throw new IllegalStateException("the broker is already started");
        }
        try {
            assembly.start();
        } catch (final RuntimeException e) {
            closeQuietly(e);
            throw e;
        }
        running = true;
        return this;
    }

    /**
     * The broker's XA branches, for administration: {@code recover()} lists the branches in doubt and
     * {@code completeHeuristically} lets an operator decide one whose transaction manager is gone.
     *
     * @return the XA API of the running broker
     */
    public XaTransactions transactions() {
        requireRunning();
        return assembly.broker().xa();
    }

    /**
     * Returns the broker's bound port.
     *
     * @return the port, the actual one when 0 was configured
     */
    public int brokerPort() {
        return requireRunning().port();
    }

    /**
     * Returns the broker's address as registered with the name servers.
     *
     * @return {@code host:port}
     */
    public String brokerAddress() {
        return BrokerAssembly.advertisedAddress(requireRunning());
    }

    /**
     * Returns the embedded name server's bound port.
     *
     * @return the port, or {@code -1} when this broker runs no name server
     */
    public int nameServerPort() {
        requireRunning();
        return assembly.nameServer() == null ? -1 : assembly.nameServer().port();
    }

    /**
     * Returns the URL clients give their connection factory.
     *
     * @return {@code cairn://<embedded name server>}, or the external name servers when none is
     *     embedded
     */
    public String nameServerUrl() {
        requireRunning();
        if (assembly.nameServer() != null) {
            return "cairn://" + assembly.nameServer().address();
        }
        return "cairn://" + String.join(",", config.nameServerAddresses());
    }

    /**
     * Returns the data directory.
     *
     * @return the absolute root of the broker's files
     */
    public Path dataDirectory() {
        return config.dataDirectory();
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration the broker was built with
     */
    public ServerConfig config() {
        return config;
    }

    /**
     * Returns the readable start-up line.
     *
     * @return e.g. {@code Cairn broker 'broker-a' started: broker 127.0.0.1:10911, name server
     *     127.0.0.1:9876, data /abs/data, flush SYNC}
     */
    public String startupLine() {
        return "Cairn broker '" + config.brokerName() + "' started: broker " + brokerAddress() + ", name server "
            + nameServerUrl().substring("cairn://".length()) + ", data " + config.dataDirectory() + ", flush "
            + config.store().flushMode();
    }

    /**
     * Stops everything, in the reverse order of {@link #start()}. Idempotent.
     */
    @Override
    public synchronized void close() {
        running = false;
        assembly.closeStarted();
    }

    private void closeQuietly(final RuntimeException startFailure) {
        try {
            assembly.closeStarted();
        } catch (final RuntimeException e) {
            startFailure.addSuppressed(e);
        }
    }

    private RemotingServer requireRunning() {
        if (!running) {
            throw new IllegalStateException("the broker is not running");
        }
        return assembly.remoting();
    }

    /**
     * Builds an embedded broker. Every setting has a default except the data directory.
     */
    public static final class Builder {

        private Path dataDirectory;
        private String brokerName = ServerConfig.DEFAULT_BROKER_NAME;
        private String bindAddress = RemotingConfig.DEFAULT_BIND_ADDRESS;
        private int brokerPort = RemotingConfig.DEFAULT_PORT;
        private int nameServerPort = NamingConfig.DEFAULT_PORT;
        private boolean embeddedNameServer = true;
        private List<String> externalNameServers = List.of();
        private UnaryOperator<StoreConfig> store = UnaryOperator.identity();
        private UnaryOperator<RemotingConfig> remoting = UnaryOperator.identity();
        private UnaryOperator<NamingConfig> naming = UnaryOperator.identity();
        private Map<String, String> users = Map.of();
        private Path usersFile;
        private boolean allowAnonymous = true;
        private BrokerConfig brokerConfig;

        private Builder() {
        }

        /**
         * @param value the root of the broker's files; required
         * @return this
         */
        public Builder dataDirectory(final Path value) {
            dataDirectory = value;
            return this;
        }

        /**
         * @param value the broker's name; default {@value ServerConfig#DEFAULT_BROKER_NAME}
         * @return this
         */
        public Builder brokerName(final String value) {
            brokerName = value;
            return this;
        }

        /**
         * @param value the address both listeners bind; default {@value RemotingConfig#DEFAULT_BIND_ADDRESS}
         * @return this
         */
        public Builder bindAddress(final String value) {
            bindAddress = value;
            return this;
        }

        /**
         * @param value the broker's port; default {@value RemotingConfig#DEFAULT_PORT}, 0 for any free one
         * @return this
         */
        public Builder brokerPort(final int value) {
            brokerPort = value;
            return this;
        }

        /**
         * @param value the embedded name server's port; default {@value NamingConfig#DEFAULT_PORT}, 0 for
         *     any free one
         * @return this
         */
        public Builder nameServerPort(final int value) {
            nameServerPort = value;
            return this;
        }

        /**
         * Runs no embedded name server; the broker registers with these instead.
         *
         * @param addresses the name servers, {@code host:port}
         * @return this
         */
        public Builder externalNameServers(final List<String> addresses) {
            embeddedNameServer = false;
            externalNameServers = List.copyOf(addresses);
            return this;
        }

        /**
         * @param value adjusts the store's settings (its data directory is set afterwards)
         * @return this
         */
        public Builder store(final UnaryOperator<StoreConfig> value) {
            store = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param value the flush mode; default SYNC
         * @return this
         */
        public Builder flushMode(final FlushMode value) {
            final UnaryOperator<StoreConfig> previous = store;
            store = config -> previous.apply(config).withFlushMode(value);
            return this;
        }

        /**
         * @param value adjusts the broker listener's settings (its address and port are set afterwards)
         * @return this
         */
        public Builder remoting(final UnaryOperator<RemotingConfig> value) {
            remoting = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param value adjusts the name server's settings (its address and port are set afterwards)
         * @return this
         */
        public Builder naming(final UnaryOperator<NamingConfig> value) {
            naming = Objects.requireNonNull(value, "value");
            return this;
        }

        /**
         * @param value user name to password (plain or {@code sha256:salt:hex}); replaces a users file
         * @return this
         */
        public Builder users(final Map<String, String> value) {
            users = Map.copyOf(value);
            usersFile = null;
            return this;
        }

        /**
         * @param value a users properties file; replaces {@link #users}
         * @return this
         */
        public Builder usersFile(final Path value) {
            usersFile = value;
            users = Map.of();
            return this;
        }

        /**
         * @param value whether handshakes without a user are accepted; default {@code true}
         * @return this
         */
        public Builder allowAnonymous(final boolean value) {
            allowAnonymous = value;
            return this;
        }

        /**
         * @param value the broker core's settings; default {@code BrokerConfig.defaults(<data>/broker)}
         * @return this
         */
        public Builder brokerConfig(final BrokerConfig value) {
            brokerConfig = value;
            return this;
        }

        /**
         * Builds the broker without starting it.
         *
         * @return the broker
         */
        public CairnBroker build() {
            final Path data = Objects.requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath().normalize();
            final RemotingConfig listener = remoting.apply(RemotingConfig.defaults())
                .withBindAddress(bindAddress).withPort(brokerPort).withUsersFile(usersFile)
                .withAllowAnonymous(allowAnonymous);
            final NamingConfig names = naming.apply(NamingConfig.defaults().withRemoting(listener));
            final NamingConfig bound = names.withRemoting(names.remoting().withBindAddress(bindAddress)
                .withPort(nameServerPort));
            final ServerConfig config = new ServerConfig(brokerName, data, listener, bound, embeddedNameServer,
                externalNameServers, false, store.apply(StoreConfig.defaults(data)).withDataDirectory(data),
                brokerConfig == null ? BrokerConfig.defaults(data.resolve("broker")) : brokerConfig, new HashMap<>());
            final Authenticator authenticator = usersFile != null
                ? Authenticator.load(usersFile, allowAnonymous) : Authenticator.of(users, allowAnonymous);
            return new CairnBroker(config, authenticator);
        }

        /**
         * Builds and starts the broker.
         *
         * @return the running broker
         */
        public CairnBroker start() {
            return build().start();
        }
    }
}
