package org.cairnmq.tck.official;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cairnmq.server.CairnBroker;

/**
 * The embedded Cairn broker the official TCK runs against, configured for what the TCK expects: the
 * user of the {@value #USER_PROPERTY} and {@value #PASSWORD_PROPERTY} system properties, anonymous
 * connections allowed, and its name server's URL published as the {@value #URL_PROPERTY} system
 * property that {@code jndi.properties} refers to.
 *
 * <p>Design note: the broker listens on a free port chosen at start (or on
 * {@value #NAME_SERVER_PORT_PROPERTY} when set) rather than on a fixed one, so that two builds on one
 * machine never collide; the JNDI entries read the port through the {@code ${cairn.tck.url}}
 * placeholder that {@code CairnInitialContextFactory} expands.
 *
 * <p>Thread safety: every method is synchronized on the class.
 */
final class TckBroker {

    /** The system property the broker's name server URL is published under. */
    static final String URL_PROPERTY = "cairn.tck.url";

    /** The TCK's user name property. */
    static final String USER_PROPERTY = "user";

    /** The TCK's password property. */
    static final String PASSWORD_PROPERTY = "password";

    /** The directory the broker's data directory is created in; {@code java.io.tmpdir} if unset. */
    static final String DATA_DIRECTORY_PROPERTY = "cairn.tck.dataDirectory";

    /** The name server port; a free one if unset. */
    static final String NAME_SERVER_PORT_PROPERTY = "cairn.tck.nameServerPort";

    private static final String DEFAULT_USER = "j2ee";
    private static final int COMMIT_LOG_SEGMENT_BYTES = 64 << 20;
    private static final int CONSUME_QUEUE_SEGMENT_ENTRIES = 4_096;

    private static CairnBroker broker;

    private TckBroker() {
    }

    /**
     * Starts the broker unless it runs already and publishes its URL.
     *
     * @return the name server URL, {@code cairn://127.0.0.1:<port>}
     */
    static synchronized String start() {
        if (broker == null) {
            final String user = System.getProperty(USER_PROPERTY, DEFAULT_USER);
            final String password = System.getProperty(PASSWORD_PROPERTY, DEFAULT_USER);
            broker = CairnBroker.builder()
                .dataDirectory(newDataDirectory())
                .bindAddress("127.0.0.1")
                .brokerPort(0)
                .nameServerPort(Integer.getInteger(NAME_SERVER_PORT_PROPERTY, 0))
                .users(Map.of(user, password))
                .allowAnonymous(true)
                .store(store -> store.withCommitLogSegmentBytes(COMMIT_LOG_SEGMENT_BYTES)
                    .withConsumeQueueSegmentEntries(CONSUME_QUEUE_SEGMENT_ENTRIES))
                .start();
            System.setProperty(URL_PROPERTY, broker.nameServerUrl());
        }
        return broker.nameServerUrl();
    }

    /** Stops the broker if it runs. */
    static synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
            System.clearProperty(URL_PROPERTY);
        }
    }

    private static Path newDataDirectory() {
        final Path parent = Path.of(System.getProperty(DATA_DIRECTORY_PROPERTY, System.getProperty("java.io.tmpdir")));
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "broker-");
        } catch (final IOException e) {
            throw new UncheckedIOException("CAIRN-T002 Cannot create the TCK broker's data directory under "
                + parent, e);
        }
    }
}
