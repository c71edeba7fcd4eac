package org.cairnmq.examples.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the last lines of WildFly's {@code server.log} when a test fails, so that a CI log shows what
 * the server said (the server's console is not echoed: see {@code outputToConsole} in arquillian.xml).
 */
public final class ServerLogOnFailure implements TestWatcher {

    /** System property: the unpacked WildFly. */
    public static final String WILDFLY_HOME_PROPERTY = "cairn.examples.wildflyHome";
    private static final int TAIL_LINES = 200;

    @Override
    public void testFailed(final ExtensionContext context, final Throwable cause) {
        final Path log = serverLog();
        if (!Files.isRegularFile(log)) {
            System.err.println("[" + context.getDisplayName() + "] failed; no server log at " + log);
            return;
        }
        final List<String> lines = readLines(log);
        final List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        System.err.println("[" + context.getDisplayName() + "] failed; last " + tail.size() + " lines of " + log + ":");
        tail.forEach(System.err::println);
    }

    /**
     * Returns WildFly's server log.
     *
     * @return {@code <wildfly>/standalone/log/server.log}
     */
    public static Path serverLog() {
        return Path.of(CairnBrokerExtension.requiredProperty(WILDFLY_HOME_PROPERTY), "standalone", "log", "server.log");
    }

    private static List<String> readLines(final Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
