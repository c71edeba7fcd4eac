package org.cairnmq.tck.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cairnmq.server.CairnBroker;

/**
 * The one embedded Cairn broker of the conformance suite's test JVM, started by the first test that
 * asks for it and closed when the JVM exits. It knows one user, {@value #USER} /
 * {@value #PASSWORD}, and accepts anonymous connections.
 *
 * <p>Design note: as in the Joram runner, one broker serves the whole run; tests are kept apart by
 * destination, subscription and client id names that carry a unique suffix, so a test that fails
 * half-way cannot leave messages for another.
 *
 * <p>Thread safety: every method is synchronized on the class.
 */
final class ConformanceBroker {

    /** The user the broker knows. */
    static final String USER = "conformance";

    /** That user's password. */
    static final String PASSWORD = "secret";

    /** The system property naming the directory the broker's data directory is created in. */
    static final String DATA_DIRECTORY_PROPERTY = "cairn.conformance.dataDirectory";

    private static final int COMMIT_LOG_SEGMENT_BYTES = 64 << 20;
    private static final int CONSUME_QUEUE_SEGMENT_ENTRIES = 4_096;

    private static CairnBroker broker;

    private ConformanceBroker() {
    }

    /**
     * Starts the broker unless it runs already.
     *
     * @return its name server URL, {@code cairn://127.0.0.1:<port>}
     */
    static synchronized String url() {
        if (broker == null) {
            broker = CairnBroker.builder()
                .dataDirectory(newDataDirectory())
                .bindAddress("127.0.0.1")
                .brokerPort(0)
                .nameServerPort(0)
                .users(Map.of(USER, PASSWORD))
                .allowAnonymous(true)
                .store(store -> store.withCommitLogSegmentBytes(COMMIT_LOG_SEGMENT_BYTES)
                    .withConsumeQueueSegmentEntries(CONSUME_QUEUE_SEGMENT_ENTRIES))
                .start();
            final CairnBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "cairn-conformance-broker-shutdown"));
        }
        return broker.nameServerUrl();
    }

    private static Path newDataDirectory() {
        final Path parent = Path.of(System.getProperty(DATA_DIRECTORY_PROPERTY, System.getProperty("java.io.tmpdir")));
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "broker-");
        } catch (final IOException e) {
            throw new UncheckedIOException("CAIRN-T003 Cannot create the conformance broker's data directory under "
                + parent, e);
        }
    }
}
