package org.cairnmq.benchmarks.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line entry point of the JMS load tool.
 *
 * <pre>
 * java -cp benchmarks.jar org.cairnmq.benchmarks.load.JmsLoadTool \
 *     --jndi jndi.properties --scenario send --producers 16 --messages 50000 --persistent
 * </pre>
 *
 * <p>Prints one human summary line and one machine-readable {@code RESULT,...} CSV line (columns
 * in {@link ResultFormatter#CSV_HEADER}) to standard output; progress goes to standard error.
 * Exit code 0 on success, 1 when the run failed, 2 for bad options.
 */
@Command(name = "jms-load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "End-to-end JMS load: send/consume throughput and round-trip latency, "
                + "through the Jakarta Messaging API and JNDI only.")
public final class JmsLoadTool implements Callable<Integer> {

    @Option(names = "--jndi", required = true, paramLabel = "FILE",
            description = "jndi.properties file naming the provider's InitialContextFactory.")
    private Path jndiFile;

    @Option(names = "--factory", defaultValue = "ConnectionFactory",
            description = "JNDI name of the ConnectionFactory (default: ${DEFAULT-VALUE}).")
    private String factoryName;

    @Option(names = "--queue", defaultValue = "loadQueue",
            description = "JNDI name of the queue (default: ${DEFAULT-VALUE}).")
    private String queueName;

    @Option(names = "--user", description = "User for createConnection(user, password).")
    private String user;

    @Option(names = "--password", description = "Password for createConnection(user, password).")
    private String password;

    @Option(names = "--scenario", required = true,
            description = "send | consume | roundtrip")
    private Scenario scenario;

    @Option(names = "--persistent", description = "Send PERSISTENT messages (the default).")
    private boolean persistentFlag;

    @Option(names = "--non-persistent", description = "Send NON_PERSISTENT messages.")
    private boolean nonPersistentFlag;

    @Option(names = "--producers", defaultValue = "1",
            description = "Producers, each with its own connection and session (default: ${DEFAULT-VALUE}).")
    private int producers;

    @Option(names = "--consumers", defaultValue = "1",
            description = "Consumers, each with its own connection and session (default: ${DEFAULT-VALUE}).")
    private int consumers;

    @Option(names = "--messages", defaultValue = "20000",
            description = "Messages in the timed phase (default: ${DEFAULT-VALUE}).")
    private long messages;

    @Option(names = "--size", defaultValue = "1024", paramLabel = "BYTES",
            description = "Payload bytes per message (default: ${DEFAULT-VALUE}).")
    private int sizeBytes;

    @Option(names = "--duration-seconds", defaultValue = "60",
            description = "Upper bound of each phase in seconds (default: ${DEFAULT-VALUE}).")
    private long durationSeconds;

    @Option(names = "--rate", defaultValue = "1000",
            description = "Total send rate of the roundtrip scenario, msgs/s (default: ${DEFAULT-VALUE}).")
    private int ratePerSecond;

    @Option(names = "--warmup", defaultValue = "0",
            description = "Messages of an untimed warm-up run before the timed one (default: ${DEFAULT-VALUE}).")
    private long warmupMessages;

    /** Runs the tool and exits the JVM with its exit code (stuck worker threads are daemons). */
    public static void main(String[] args) {
        System.exit(commandLine(new JmsLoadTool()).execute(args));
    }

    /** A picocli command line for the given tool, accepting enum values in any case. */
    public static CommandLine commandLine(JmsLoadTool tool) {
        return new CommandLine(tool).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Turns the parsed options into a validated configuration. */
    public LoadConfig toConfig() {
        if (persistentFlag && nonPersistentFlag) {
            throw new LoadToolException("--persistent and --non-persistent exclude each other");
        }
        return new LoadConfig(jndiFile, factoryName, queueName, user, password, scenario,
                !nonPersistentFlag, producers, consumers, messages, sizeBytes, durationSeconds,
                ratePerSecond, warmupMessages);
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream progress = System.err;
        LoadConfig config;
        try {
            config = toConfig();
        } catch (LoadToolException e) {
            progress.println("jms-load: " + e.getMessage());
            return 2;
        }
        try {
            ScenarioResult result = new LoadRunner(config, progress).run();
            out.println(ResultFormatter.humanLine(result));
            out.println(ResultFormatter.csvLine(result));
            return 0;
        } catch (LoadToolException e) {
            progress.println("jms-load: FAILED: " + e.getMessage());
            e.printStackTrace(progress);
            return 1;
        }
    }
}
