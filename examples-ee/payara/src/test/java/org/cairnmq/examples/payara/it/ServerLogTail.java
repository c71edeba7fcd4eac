package org.cairnmq.examples.payara.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the end of Payara's {@code server.log} to standard error, so that a CI log shows what the server
 * said when a test or its setup failed (the server's own console is not echoed).
 */
final class ServerLogTail {

    private static final int TAIL_LINES = 200;

    private ServerLogTail() {
    }

    /**
     * Prints the last lines of the log.
     *
     * @param log the server's log file
     * @param reason what failed, printed first
     */
    static void print(final Path log, final String reason) {
        if (!Files.isRegularFile(log)) {
            System.err.println(reason + "; no server log at " + log);
            return;
        }
        final List<String> lines = readLines(log);
        final List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        System.err.println(reason + "; last " + tail.size() + " lines of " + log + ":");
        tail.forEach(System.err::println);
    }

    private static List<String> readLines(final Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).lines().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
