package org.cairnmq.tck.joram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cairnmq.server.CairnBroker;

/**
 * The one embedded Cairn broker of a test JVM, started by the first Joram test and closed when the JVM
 * exits.
 *
 * <p>Its data directory is a fresh directory under the {@value #DATA_DIRECTORY_PROPERTY} system
 * property (the build sets it under {@code target/}), or under {@code java.io.tmpdir}; the files stay
 * there after the run, for a look at what the broker wrote.
 *
 * <p>Design note: the suite calls {@code startServer()} and {@code stopServer()} around every one of
 * its 196 tests. Starting a broker per test would spend most of the run in start-up and shutdown and
 * test the lifecycle rather than messaging; one broker for the run is what a deployed provider is.
 * Tests are kept apart by destination names instead, see {@link CairnJoramAdmin}.
 *
 * <p>Thread safety: every method is synchronized on the class.
 */
final class SharedBroker {

    /** The system property naming the directory the broker's data directory is created in. */
    static final String DATA_DIRECTORY_PROPERTY = "cairn.joram.dataDirectory";

    private static final int COMMIT_LOG_SEGMENT_BYTES = 64 << 20;
    private static final int CONSUME_QUEUE_SEGMENT_ENTRIES = 4_096;

    private static CairnBroker broker;

    private SharedBroker() {
    }

    /**
     * Starts the broker unless it runs already.
     *
     * @return the URL a connection factory connects with, {@code cairn://127.0.0.1:<port>}
     */
    static synchronized String nameServerUrl() {
        if (broker == null) {
            broker = start(newDataDirectory());
            final CairnBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "cairn-joram-broker-shutdown"));
        }
        return broker.nameServerUrl();
    }

    private static CairnBroker start(final Path dataDirectory) {
        return CairnBroker.builder()
            .dataDirectory(dataDirectory)
            .bindAddress("127.0.0.1")
            .brokerPort(0)
            .nameServerPort(0)
            .store(store -> store.withCommitLogSegmentBytes(COMMIT_LOG_SEGMENT_BYTES)
                .withConsumeQueueSegmentEntries(CONSUME_QUEUE_SEGMENT_ENTRIES))
            .start();
    }

    private static Path newDataDirectory() {
        final Path parent = Path.of(System.getProperty(DATA_DIRECTORY_PROPERTY, System.getProperty("java.io.tmpdir")));
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "broker-");
        } catch (final IOException e) {
            throw new UncheckedIOException("CAIRN-T001 Cannot create the Joram broker's data directory under "
                + parent, e);
        }
    }
}
