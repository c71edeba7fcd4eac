package org.cairnmq.examples.payara.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A Payara Server domain of its own under the build's {@code target/}: created fresh, bound to 127.0.0.1,
 * started and stopped with {@code asadmin}, and killed with its process tree if it will not stop.
 *
 * <p>Thread safety: confined to the test thread.
 */
final class PayaraDomain implements AutoCloseable {

    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    private static final String PID_FILE = "config/pid";

    private final Path payaraHome;
    private final Path domainsDirectory;
    private final String name;
    private final int portBase;
    private final Asadmin admin;

    private PayaraDomain(final Path payaraHome, final Path domainsDirectory, final String name, final int portBase) {
        this.payaraHome = payaraHome;
        this.domainsDirectory = domainsDirectory;
        this.name = name;
        this.portBase = portBase;
        this.admin = Asadmin.remote(payaraHome, domainsDirectory, adminPort());
    }

    /**
     * Creates the domain, replacing one of that name a previous run left (killing its server if it still
     * runs), on a free port base, listening on 127.0.0.1 only.
     *
     * @param payaraHome the unpacked distribution ({@code payara6/})
     * @param domainsDirectory the directory that holds the domain
     * @param name the domain's name
     * @return the domain, not started
     */
    static PayaraDomain create(final Path payaraHome, final Path domainsDirectory, final String name) {
        final Path previous = domainsDirectory.resolve(name);
        serverPid(previous).flatMap(ProcessHandle::of).ifPresent(ProcessTrees::kill);
        deleteRecursively(previous);
        final int portBase = PortBase.findFree();
        Asadmin.local(payaraHome, domainsDirectory).run(CREATE_TIMEOUT, "create-domain", "--nopassword",
            "--portbase", Integer.toString(portBase), "--domaindir", domainsDirectory.toString(), name);
        final PayaraDomain domain = new PayaraDomain(payaraHome, domainsDirectory, name, portBase);
        LoopbackDomainXml.apply(domain.directory().resolve("config/domain.xml"));
        return domain;
    }

    /** Starts the server and returns when its admin listener answers. */
    void start() {
        Asadmin.local(payaraHome, domainsDirectory).run(START_TIMEOUT, "start-domain", "--domaindir",
            domainsDirectory.toString(), "--timeout", Long.toString(START_TIMEOUT.toSeconds()), name);
    }

    /**
     * Stops the server with {@code stop-domain}; if that fails or the server's process outlives it, kills
     * the process tree. Does nothing for a server that does not run.
     */
    @Override
    public void close() {
        final Optional<ProcessHandle> server = serverPid(directory()).flatMap(ProcessHandle::of);
        if (server.isEmpty()) {
            return;
        }
        try {
            Asadmin.local(payaraHome, domainsDirectory).attempt(STOP_TIMEOUT, "stop-domain", "--domaindir",
                domainsDirectory.toString(), name);
        } finally {
            awaitExitOrKill(server.get());
        }
    }

    /** @return the runner for commands this domain executes */
    Asadmin admin() {
        return admin;
    }

    /** @return the admin listener's port on 127.0.0.1 */
    int adminPort() {
        return portBase + PortBase.ADMIN_OFFSET;
    }

    /** @return the HTTP listener's port on 127.0.0.1 */
    int httpPort() {
        return portBase + PortBase.HTTP_OFFSET;
    }

    /** @return the domain's directory */
    Path directory() {
        return domainsDirectory.resolve(name);
    }

    /** @return the server's log file */
    Path serverLog() {
        return directory().resolve("logs/server.log");
    }

    private static void awaitExitOrKill(final ProcessHandle server) {
        try {
            server.onExit().get(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTrees.kill(server);
        } catch (final ExecutionException | TimeoutException e) {
            ProcessTrees.kill(server);
        }
    }

    private static Optional<Long> serverPid(final Path domainDirectory) {
        final Path pidFile = domainDirectory.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (final IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteRecursively(final Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
