package org.cairnmq.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as a real process: start-up line with the bound ports, a connection, SIGTERM,
 * and a clean stop (exit status 0, running marker removed, checkpoint written).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CairnServerIT {

    private static final Path JAR = Path.of("target", "cairn-server.jar");
    private static final Pattern STARTED = Pattern.compile(
        "Cairn broker '([^']+)' started: broker 127\\.0\\.0\\.1:(\\d+), name server 127\\.0\\.0\\.1:(\\d+), "
            + "data (\\S+), flush (SYNC|ASYNC)");

    @TempDir
    Path directory;

    private Process process;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void launch(final String... args) throws IOException {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
            JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (final IOException | UncheckedIOException e) {
                output.add("(output closed: " + e + ")");
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** SIGTERM, as Process.destroy() sends, but without closing our end of the output pipe. */
    private void sigterm() {
        assertThat(process.toHandle().destroy()).isTrue();
    }

    private Matcher awaitLine(final Pattern pattern) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            final String line = output.poll(1, TimeUnit.SECONDS);
            if (line == null && !process.isAlive() && output.isEmpty()) {
                break;
            }
            if (line != null) {
                seen.add(line);
                final Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
        }
        throw new AssertionError("no line matching " + pattern + " in:\n" + String.join("\n", seen));
    }

    @Test
    void shouldStartOnEphemeralPortsAndStopCleanlyOnSigterm() throws Exception {
        final Path data = directory.resolve("data");
        launch("--port", "0", "--name-server-port", "0", "--data-dir", data.toString(), "--flush", "async",
            "-D", "store.commitLogSegmentBytes=1m");

        final Matcher started = awaitLine(STARTED);
        assertThat(started.group(1)).isEqualTo("broker-a");
        assertThat(Path.of(started.group(4))).isEqualTo(data.toAbsolutePath());
        assertThat(started.group(5)).isEqualTo("ASYNC");
        assertThat(Files.exists(data.resolve("running"))).isTrue();
        for (final String port : List.of(started.group(2), started.group(3))) {
            try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(port))) {
                assertThat(socket.isConnected()).isTrue();
            }
        }

        sigterm();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        awaitLine(Pattern.compile("Stopped cleanly"));
        assertThat(Files.exists(data.resolve("running"))).isFalse();
        assertThat(Files.exists(data.resolve("checkpoint"))).isTrue();
    }

    @Test
    void shouldRunTheNameServerAloneWhenAsked() throws Exception {
        launch("--name-server-only", "--name-server-port", "0", "--data-dir", directory.resolve("unused").toString());

        final Matcher started = awaitLine(Pattern.compile("Cairn name server started: 127\\.0\\.0\\.1:(\\d+)"));
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(started.group(1)))) {
            assertThat(socket.isConnected()).isTrue();
        }
        assertThat(Files.exists(directory.resolve("unused"))).isFalse();

        sigterm();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void shouldRefuseABadValueWithAClearMessageAndStatus2() throws Exception {
        launch("--flush", "sometimes", "--data-dir", directory.resolve("d").toString());

        awaitLine(Pattern.compile("store\\.flushMode=sometimes is not SYNC or ASYNC"));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
    }
}
