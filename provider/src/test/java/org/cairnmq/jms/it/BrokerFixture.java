package org.cairnmq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.cairnmq.jms.CairnConnectionFactory;
import org.cairnmq.server.CairnBroker;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Starts brokers (embedded or as child processes) and JMS connections for one test, and stops them
 * all after it, connections first. When the test fails it prints what a reader needs to see why:
 * every data directory's listing with file sizes and the output of every child broker process (the
 * embedded brokers log to this JVM's console, which failsafe keeps in the test's report).
 *
 * <pre>{@code
 * @RegisterExtension
 * final BrokerFixture brokers = new BrokerFixture();
 * ...
 * CairnBroker broker = brokers.start(dataDirectory, builder -> builder);
 * Connection connection = brokers.connect(brokers.urlOf(broker));
 * }</pre>
 *
 * <p>Design note: the diagnostics are collected in {@code afterEach}, while the {@code @TempDir}
 * still exists, and printed by the {@link TestWatcher} callback, which JUnit calls only after the
 * after-each callbacks have run.
 */
final class BrokerFixture implements AfterEachCallback, TestWatcher {

    /** The user every fixture broker knows. */
    static final String USER = "app";
    /** Its password. */
    static final String PASSWORD = "secret";

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final List<Path> dataDirectories = new ArrayList<>();
    private final List<ChildBroker> children = new ArrayList<>();
    private String diagnostics = "";

    /**
     * Starts an embedded broker on 127.0.0.1 with ephemeral ports, small store segments, the user
     * {@value #USER} and anonymous access allowed.
     *
     * @param dataDirectory the broker's data directory
     * @param customize adjusts the builder before the broker starts
     * @return the running broker, closed after the test
     */
    synchronized CairnBroker start(final Path dataDirectory, final UnaryOperator<CairnBroker.Builder> customize) {
        final CairnBroker.Builder builder = CairnBroker.builder()
            .dataDirectory(dataDirectory)
            .bindAddress("127.0.0.1")
            .brokerPort(0)
            .nameServerPort(0)
            .store(store -> store.withCommitLogSegmentBytes(1 << 20).withConsumeQueueSegmentEntries(1024)
                .withKeyIndex(1024, 4096))
            .users(Map.of(USER, PASSWORD))
            .allowAnonymous(true);
        rememberDirectory(dataDirectory);
        final CairnBroker broker = customize.apply(builder).start();
        running.push(broker);
        return broker;
    }

    /**
     * Starts {@code org.cairnmq.server.CairnServerMain} in a child JVM on ephemeral ports.
     *
     * @param dataDirectory the broker's data directory
     * @param extraArgs more command-line arguments
     * @return the child, killed after the test if still alive
     */
    synchronized ChildBroker startChild(final Path dataDirectory, final String... extraArgs) {
        rememberDirectory(dataDirectory);
        final ChildBroker child = ChildBroker.start(dataDirectory, extraArgs);
        children.add(child);
        running.push(child);
        return child;
    }

    /**
     * Returns the URL of a broker's embedded name server with the fixture user's credentials.
     *
     * @param broker a running broker
     * @param options more URL options, {@code key=value} each
     * @return the URL
     */
    static String urlOf(final CairnBroker broker, final String... options) {
        return withOptions(broker.nameServerUrl(), options);
    }

    /**
     * Appends the fixture credentials and more options to a URL without options.
     *
     * @param url {@code cairn://host:port}
     * @param options more options, {@code key=value} each
     * @return the URL with the options
     */
    static String withOptions(final String url, final String... options) {
        final StringBuilder text = new StringBuilder(url).append("?user=").append(USER).append("&password=")
            .append(PASSWORD);
        for (final String option : options) {
            text.append('&').append(option);
        }
        return text.toString();
    }

    /**
     * Creates a JMS connection, closed after the test.
     *
     * @param url the factory URL
     * @return the connection, started
     * @throws JMSException if it cannot be created
     */
    Connection connect(final String url) throws JMSException {
        final Connection connection = new CairnConnectionFactory(url).createConnection();
        track(connection::close);
        connection.start();
        return connection;
    }

    /**
     * Closes something after the test, before the brokers that were started before it.
     *
     * @param resource what to close
     */
    synchronized void track(final AutoCloseable resource) {
        running.push(resource);
    }

    @Override
    public void afterEach(final ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            diagnostics = describe();
        }
        closeAll();
    }

    @Override
    public void testFailed(final ExtensionContext context, final Throwable cause) {
        System.err.println("==== " + context.getDisplayName() + " failed: " + cause + "\n" + diagnostics);
    }

    private synchronized void rememberDirectory(final Path dataDirectory) {
        if (!dataDirectories.contains(dataDirectory)) {
            dataDirectories.add(dataDirectory);
        }
    }

    private synchronized void closeAll() {
        final List<Exception> failures = new ArrayList<>();
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (final Exception e) {
                failures.add(e);
            }
        }
        for (final Exception failure : failures) {
            System.err.println("BrokerFixture: closing after the test failed: " + failure);
        }
    }

    private synchronized String describe() {
        final StringBuilder text = new StringBuilder();
        for (final Path directory : dataDirectories) {
            text.append("---- data directory ").append(directory).append('\n').append(listing(directory));
        }
        for (final ChildBroker child : children) {
            text.append("---- child broker ").append(child.pid()).append(" output\n");
            child.output().forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }

    private static String listing(final Path directory) {
        if (!Files.isDirectory(directory)) {
            return "(absent)\n";
        }
        final StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted().forEach(file -> text.append("  ").append(directory.relativize(file))
                .append(Files.isRegularFile(file) ? " " + sizeOf(file).map(String::valueOf).orElse("?") + " B" : "/")
                .append('\n'));
        } catch (final IOException | UncheckedIOException e) {
            text.append("  (listing failed: ").append(e).append(")\n");
        }
        return text.toString();
    }

    private static Optional<Long> sizeOf(final Path file) {
        try {
            return Optional.of(Files.size(file));
        } catch (final IOException e) {
            return Optional.empty();
        }
    }
}
