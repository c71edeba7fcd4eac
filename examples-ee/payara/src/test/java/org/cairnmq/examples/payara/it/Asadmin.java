package org.cairnmq.examples.payara.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Payara's {@code bin/asadmin} as a child process, one command at a time, with a deadline.
 *
 * <p>Every command runs non-interactively with the test JVM's own Java ({@code AS_JAVA}); remote commands
 * go to the admin listener at {@code 127.0.0.1:<adminPort>}. Its output goes to a file in the domains directory (a
 * file, not a pipe, so that the server {@code start-domain} leaves running can never block on it) and is
 * appended to {@code asadmin.log} there for the record.
 *
 * <p>Thread safety: confined to the test thread.
 */
final class Asadmin {

    private final Path payaraHome;
    private final Path workDirectory;
    private final List<String> programOptions;

    private Asadmin(final Path payaraHome, final Path workDirectory, final List<String> programOptions) {
        this.payaraHome = payaraHome;
        this.workDirectory = workDirectory;
        this.programOptions = programOptions;
    }

    /**
     * Returns a runner for local commands ({@code create-domain}, {@code start-domain}).
     *
     * @param payaraHome the unpacked distribution ({@code payara6/})
     * @param workDirectory where command output is written
     * @return the runner
     */
    static Asadmin local(final Path payaraHome, final Path workDirectory) {
        return new Asadmin(payaraHome, workDirectory, List.of("--interactive=false"));
    }

    /**
     * Returns a runner for commands a running domain executes.
     *
     * @param payaraHome the unpacked distribution ({@code payara6/})
     * @param workDirectory where command output is written
     * @param adminPort the domain's admin port on 127.0.0.1
     * @return the runner
     */
    static Asadmin remote(final Path payaraHome, final Path workDirectory, final int adminPort) {
        return new Asadmin(payaraHome, workDirectory,
            List.of("--interactive=false", "--host", "127.0.0.1", "--port", Integer.toString(adminPort)));
    }

    /**
     * Runs a command and requires it to succeed.
     *
     * @param timeout how long the command may take before it is killed
     * @param arguments the subcommand and its options
     * @return the command's output
     * @throws AsadminException if it fails or times out
     */
    String run(final Duration timeout, final String... arguments) {
        final Result result = attempt(timeout, arguments);
        if (result.exitCode() != 0) {
            throw new AsadminException("asadmin " + String.join(" ", arguments) + " exited with "
                + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    /**
     * Runs a command and returns its outcome, failed or not.
     *
     * @param timeout how long the command may take before it is killed
     * @param arguments the subcommand and its options
     * @return the exit code and output
     * @throws AsadminException if it times out
     */
    Result attempt(final Duration timeout, final String... arguments) {
        final List<String> command = new ArrayList<>();
        command.add(payaraHome.resolve("bin/asadmin").toString());
        command.addAll(programOptions);
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(workDirectory);
            final Path output = Files.createTempFile(workDirectory, "asadmin-", ".out");
            final ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
            builder.environment().put("AS_JAVA", System.getProperty("java.home"));
            final Process process = builder.start();
            final int exitCode = awaitExit(process, timeout, command);
            final String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.writeString(workDirectory.resolve("asadmin.log"), "$ " + String.join(" ", command) + "\n" + text,
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Files.delete(output);
            return new Result(exitCode, text);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    private static int awaitExit(final Process process, final Duration timeout, final List<String> command) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTrees.kill(process.toHandle());
                throw new AsadminException("asadmin did not finish within " + timeout + ": " + command);
            }
            return process.exitValue();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTrees.kill(process.toHandle());
            throw new AsadminException("interrupted while waiting for " + command);
        }
    }

    /**
     * What a command did.
     *
     * @param exitCode the process's exit code, 0 on success
     * @param output its standard output and error
     */
    record Result(int exitCode, String output) {
    }

    /** A command failed or did not finish in time. */
    static final class AsadminException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        AsadminException(final String message) {
            super(message);
        }
    }
}
