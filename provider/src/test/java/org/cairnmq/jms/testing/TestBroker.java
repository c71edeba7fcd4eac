package org.cairnmq.jms.testing;

import java.nio.file.Path;
import java.util.Map;
import org.cairnmq.jms.CairnConnectionFactory;
import org.cairnmq.server.CairnBroker;

/** A real embedded broker on 127.0.0.1 with small store segments, and a factory for it. */
public final class TestBroker implements AutoCloseable {

    private final CairnBroker broker;

    /**
     * Starts a broker with its name server.
     *
     * @param dataDirectory where it stores, a test's temporary directory
     */
    public TestBroker(final Path dataDirectory) {
        broker = CairnBroker.builder()
            .dataDirectory(dataDirectory)
            .bindAddress("127.0.0.1")
            .brokerPort(0)
            .nameServerPort(0)
            .store(store -> store.withCommitLogSegmentBytes(1 << 20).withConsumeQueueSegmentEntries(1024)
                .withKeyIndex(1024, 4096))
            .users(Map.of("app", "secret"))
            .allowAnonymous(true)
            .start();
    }

    /** A factory with the given extra URL options ({@code "&k=v..."}, or empty). */
    public CairnConnectionFactory factory(final String extraOptions) {
        return new CairnConnectionFactory(broker.nameServerUrl() + "?user=app&password=secret" + extraOptions);
    }

    @Override
    public void close() {
        broker.close();
    }
}
