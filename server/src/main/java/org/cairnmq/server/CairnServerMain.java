package org.cairnmq.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cairnmq.server.config.ServerConfig;
import org.cairnmq.server.config.ServerConfigLoader;
import org.cairnmq.server.naming.NameServer;
import org.cairnmq.server.remoting.Authenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The standalone server: {@code java -jar cairn-server.jar [options]}. It turns the command line
 * into configuration overrides, loads the configuration, starts a {@link CairnBroker} (with its
 * embedded name server) or a {@link NameServer} alone, and installs the shutdown hook. It holds no
 * other logic.
 *
 * <p>Design note: on SIGTERM the JVM runs the shutdown hook, which closes the broker cleanly (stops
 * accepting, flushes, writes the checkpoint, removes the running marker), then halts with status 0:
 * a clean stop is a success, whereas the JVM would otherwise report 143 for the signal.
 */
@Command(name = "cairn-server", mixinStandardHelpOptions = true, version = "Cairn " + "0.1.0",
    description = "Runs a Cairn broker with its embedded name server, or a name server alone.")
public final class CairnServerMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CairnServerMain.class);
    private static final int CONFIGURATION_ERROR = 2;

    @Option(names = "--config", description = "A properties file (see cairn.properties); flags override it.")
    private Path configFile;

    @Option(names = "--data-dir", description = "Data directory (server.dataDirectory). Default ./data.")
    private String dataDirectory;

    @Option(names = "--bind", description = "Bind address (server.bindAddress). Default 127.0.0.1.")
    private String bindAddress;

    @Option(names = "--port", description = "Broker port (server.port), 0 for any free port. Default 10911.")
    private String port;

    @Option(names = "--name", description = "Broker name (server.name). Default broker-a.")
    private String brokerName;

    @Option(names = "--name-server-port", description = "Embedded name server port (nameServer.port). Default 9876.")
    private String nameServerPort;

    @Option(names = "--name-server-only", description = "Run the name server alone (nameServer.only).")
    private boolean nameServerOnly;

    @Option(names = "--name-servers", description = "External name servers host:port,... (nameServer.addresses); "
        + "no embedded name server unless --embedded-name-server.")
    private String nameServers;

    @Option(names = "--embedded-name-server", description = "Also run the embedded name server (nameServer.embedded).")
    private Boolean embeddedNameServer;

    @Option(names = "--flush", description = "sync or async (store.flushMode). Default sync.")
    private String flushMode;

    @Option(names = "--users-file", description = "Users properties file (server.usersFile).")
    private String usersFile;

    @Option(names = "--allow-anonymous", arity = "1", description = "true or false (server.allowAnonymous).")
    private String allowAnonymous;

    @Option(names = {"-D", "--set"}, description = "Any configuration key: -D store.retentionMs=3600000")
    private Map<String, String> settings = new LinkedHashMap<>();

    /**
     * Runs the server.
     *
     * @param args the command line
     */
    public static void main(final String[] args) {
        final int status = commandLine().execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Returns the command line parser, for tests.
     *
     * @return the parser over a new instance
     */
    static CommandLine commandLine() {
        return new CommandLine(new CairnServerMain()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(e.getMessage());
            LOG.debug("Start-up failed", e);
            return CONFIGURATION_ERROR;
        });
    }

    @Override
    public Integer call() {
        final ServerConfig config = ServerConfigLoader.load(configFile, overrides());
        final Authenticator authenticator = Authenticator.load(config.remoting().usersFile(),
            config.remoting().allowAnonymous());
        if (config.nameServerOnly()) {
            final NameServer nameServer = stopOnSigterm(new NameServer(config.naming(),
                config.remoting().usersFile() == null ? Authenticator.acceptAny() : authenticator, Clock.systemUTC())
                .start());
            LOG.info("Cairn name server started: {}", nameServer.address());
        } else {
            final CairnBroker broker = stopOnSigterm(new CairnBroker(config, authenticator).start());
            LOG.info(broker.startupLine());
        }
        return 0;
    }

    /** Installs the shutdown hook before the start-up line is printed, so a stop right after it is clean. */
    private static <T extends AutoCloseable> T stopOnSigterm(final T running) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running), "cairn-shutdown"));
        return running;
    }

    Map<String, String> overrides() {
        final Map<String, String> overrides = new HashMap<>(settings);
        put(overrides, "server.dataDirectory", dataDirectory);
        put(overrides, "server.bindAddress", bindAddress);
        put(overrides, "server.port", port);
        put(overrides, "server.name", brokerName);
        put(overrides, "nameServer.port", nameServerPort);
        put(overrides, "nameServer.addresses", nameServers);
        put(overrides, "nameServer.embedded", embeddedNameServer == null ? null : embeddedNameServer.toString());
        put(overrides, "store.flushMode", flushMode);
        put(overrides, "server.usersFile", usersFile);
        put(overrides, "server.allowAnonymous", allowAnonymous);
        if (nameServerOnly) {
            overrides.put("nameServer.only", "true");
        }
        return overrides;
    }

    private static void put(final Map<String, String> overrides, final String key, final String value) {
        if (value != null) {
            overrides.put(key, value);
        }
    }

    private static void stop(final AutoCloseable running) {
        int status = 0;
        try {
            LOG.info("Stopping");
            running.close();
            LOG.info("Stopped cleanly");
        } catch (final Exception e) {
            LOG.error("The server did not stop cleanly", e);
            status = 1;
        }
        System.out.flush();
        Runtime.getRuntime().halt(status);
    }
}
