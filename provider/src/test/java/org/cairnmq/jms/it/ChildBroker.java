package org.cairnmq.jms.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A broker in a child JVM: {@code org.cairnmq.server.CairnServerMain} on this test's class path,
 * on ephemeral ports, anonymous access, with small store segments. Its ports are read from the
 * start-up line it prints.
 *
 * <p>Thread safety: {@link #output()} may be read from any thread; the rest belongs to the test.
 */
final class ChildBroker implements AutoCloseable {

    private static final String MAIN_CLASS = "org.cairnmq.server.CairnServerMain";
    private static final long START_TIMEOUT_MS = 60_000;
    private static final long EXIT_TIMEOUT_MS = 30_000;
    private static final Pattern STARTED = Pattern.compile(
        "Cairn broker '[^']+' started: broker 127\\.0\\.0\\.1:(\\d+), name server 127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private int brokerPort = -1;
    private int nameServerPort = -1;

    private ChildBroker(final Process process) {
        this.process = process;
    }

    /**
     * Starts a child broker and waits for its start-up line.
     *
     * @param dataDirectory its data directory
     * @param extraArgs more command-line arguments
     * @return the running child
     */
    static ChildBroker start(final Path dataDirectory, final String... extraArgs) {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
            "-cp", System.getProperty("java.class.path"), MAIN_CLASS,
            "--data-dir", dataDirectory.toString(), "--port", "0", "--name-server-port", "0", "--flush", "sync",
            "-D", "store.commitLogSegmentBytes=4m", "-D", "store.consumeQueueSegmentEntries=4096",
            "-D", "store.keyIndexSlotCount=4096", "-D", "store.keyIndexMaxEntriesPerFile=16384"));
        command.addAll(List.of(extraArgs));
        final ChildBroker child;
        try {
            child = new ChildBroker(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        child.readOutput();
        child.awaitStarted();
        return child;
    }

    private void readOutput() {
        final Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (final IOException | UncheckedIOException e) {
                output.add("(output closed: " + e + ")");
            }
        }, "child-broker-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    private void awaitStarted() {
        final long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        int checked = 0;
        while (System.nanoTime() - deadlineNanos < 0) {
            final List<String> lines = output;
            for (; checked < lines.size(); checked++) {
                final Matcher matcher = STARTED.matcher(lines.get(checked));
                if (matcher.find()) {
                    brokerPort = Integer.parseInt(matcher.group(1));
                    nameServerPort = Integer.parseInt(matcher.group(2));
                    return;
                }
            }
            if (!process.isAlive() && checked == output.size()) {
                break;
            }
            waitQuietly(20);
        }
        process.destroyForcibly();
        throw new AssertionError("the child broker did not start; its output:\n" + String.join("\n", output));
    }

    /** Waits on the process, which returns at once if it exits: a bounded pause, not a sleep. */
    private void waitQuietly(final long timeoutMs) {
        try {
            process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the child broker", e);
        }
    }

    /**
     * @return the URL of its name server, without options
     */
    String nameServerUrl() {
        return "cairn://127.0.0.1:" + nameServerPort;
    }

    /**
     * @return the broker's port
     */
    int brokerPort() {
        return brokerPort;
    }

    /**
     * @return the process id
     */
    long pid() {
        return process.pid();
    }

    /**
     * @return every line the child has printed so far
     */
    List<String> output() {
        return List.copyOf(output);
    }

    /**
     * Kills the child with SIGKILL (no shutdown hook runs) and waits until it is gone.
     */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /**
     * Stops the child with SIGTERM (a clean close) and waits until it is gone.
     *
     * @return its exit status
     */
    int stop() {
        process.toHandle().destroy();
        awaitExit();
        return process.exitValue();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(EXIT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the child broker " + pid() + " did not exit within " + EXIT_TIMEOUT_MS
                    + " ms");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the child broker to exit", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
