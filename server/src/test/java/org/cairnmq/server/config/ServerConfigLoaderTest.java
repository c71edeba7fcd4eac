package org.cairnmq.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cairnmq.server.broker.BrokerConfig;
import org.cairnmq.server.naming.NamingConfig;
import org.cairnmq.server.remoting.RemotingConfig;
import org.cairnmq.server.store.FlushMode;
import org.cairnmq.server.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServerConfigLoaderTest {

    private static final Path SHIPPED = Path.of("src/main/dist/cairn.properties");

    @TempDir
    Path directory;

    @Test
    void shouldReadTheShippedExampleAsTheDefaults() {
        final ServerConfig shipped = ServerConfigLoader.load(SHIPPED, Map.of());
        final ServerConfig defaults = ServerConfigLoader.fromProperties(Map.of());

        assertThat(shipped.remoting()).isEqualTo(defaults.remoting());
        assertThat(shipped.naming()).isEqualTo(defaults.naming());
        assertThat(shipped.store()).isEqualTo(defaults.store());
        assertThat(shipped.broker()).isEqualTo(defaults.broker());
        assertThat(shipped.brokerName()).isEqualTo(defaults.brokerName()).isEqualTo("broker-a");
        assertThat(shipped.embeddedNameServer()).isTrue();
    }

    @Test
    void shouldMatchTheComponentsOwnDefaults() {
        final ServerConfig config = ServerConfigLoader.fromProperties(Map.of());

        assertThat(config.dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.remoting()).isEqualTo(RemotingConfig.defaults());
        assertThat(config.naming().remoting().port()).isEqualTo(NamingConfig.DEFAULT_PORT);
        assertThat(config.store()).isEqualTo(StoreConfig.defaults(config.dataDirectory()));
        assertThat(config.broker()).isEqualTo(BrokerConfig.defaults(config.dataDirectory().resolve("broker")));
    }

    @Test
    void shouldLetOverridesWinOverTheFile() throws Exception {
        final Path file = directory.resolve("cairn.properties");
        Files.writeString(file, "server.port=1111\nstore.flushMode=SYNC\nstore.commitLogSegmentBytes=64m\n"
            + "server.dataDirectory=" + directory.resolve("d") + "\nbroker.defaultQueueCount=8\n");

        final ServerConfig config = ServerConfigLoader.load(file, Map.of("server.port", "0", "store.flushMode", "async",
            "nameServer.port", "0"));

        assertThat(config.remoting().port()).isZero();
        assertThat(config.naming().remoting().port()).isZero();
        assertThat(config.store().flushMode()).isEqualTo(FlushMode.ASYNC);
        assertThat(config.store().commitLogSegmentBytes()).isEqualTo(64 << 20);
        assertThat(config.store().dataDirectory()).isEqualTo(directory.resolve("d"));
        assertThat(config.broker().defaultQueueCount()).isEqualTo(8);
        assertThat(config.broker().dataDirectory()).isEqualTo(directory.resolve("d").resolve("broker"));
    }

    @Test
    void shouldFitTheDefaultRecordLimitIntoASmallSegmentUnlessOneIsGiven() {
        final ServerConfig small = ServerConfigLoader.fromProperties(Map.of("store.commitLogSegmentBytes", "64k"));

        assertThat(small.store().maxRecordBytes()).isLessThan(64 << 10);
        assertThatThrownBy(() -> ServerConfigLoader.fromProperties(Map.of("store.commitLogSegmentBytes", "64k",
            "store.maxRecordBytes", "1m"))).hasMessageContaining("maxRecordBytes");
    }

    @Test
    void shouldTurnOffTheEmbeddedNameServerWhenExternalOnesAreGiven() {
        final ServerConfig config = ServerConfigLoader.fromProperties(Map.of("nameServer.addresses", "a:1, b:2"));

        assertThat(config.embeddedNameServer()).isFalse();
        assertThat(config.nameServerAddresses()).isEqualTo(List.of("a:1", "b:2"));
    }

    @Test
    void shouldNameTheKeyTheValueAndTheExpectationOfABadValue() {
        final Map<Map<String, String>, String> cases = Map.of(
            Map.of("server.port", "abc"), "server.port=abc is not a whole number",
            Map.of("server.port", "70000"), "server.port=70000 is not a port",
            Map.of("store.flushMode", "fast"), "store.flushMode=fast is not SYNC or ASYNC",
            Map.of("store.commitLogSegmentBytes", "3g"), "store.commitLogSegmentBytes=3g is not a size below 2 GiB",
            Map.of("server.allowAnonymous", "yes"), "server.allowAnonymous=yes is not true or false",
            Map.of("nameServer.addresses", "nohost"), "nameServer.addresses=nohost is not host:port",
            Map.of("server.heartbeatIntervalMs", "90000"), "heartbeatIntervalMs",
            Map.of("broker.defaultQueueCount", "x"), "broker.*",
            Map.of("nameServer.embedded", "false"), "nameServer.addresses");
        cases.forEach((properties, message) -> assertThatThrownBy(() -> ServerConfigLoader.fromProperties(properties))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("CAIRN-105")
            .hasMessageContaining(message));
    }

    @Test
    void shouldFailClearlyWhenTheFileIsMissing() {
        final Path missing = directory.resolve("absent.properties");

        assertThatThrownBy(() -> ServerConfigLoader.load(missing, Map.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CAIRN-1051")
            .hasMessageContaining(missing.toString());
    }

    @Test
    void shouldReadTheIoThreadingAsAutoBrokerOrACount() {
        assertThat(ioThreadsOf("auto")).isEqualTo(RemotingConfig.IO_THREADS_AUTO);
        assertThat(ioThreadsOf("0")).isEqualTo(RemotingConfig.IO_THREADS_AUTO);
        assertThat(ioThreadsOf("BROKER")).isEqualTo(RemotingConfig.IO_THREADS_ON_BROKER_THREAD);
        assertThat(ioThreadsOf("4")).isEqualTo(4);
        for (final String bad : List.of("-1", "many")) {
            assertThatThrownBy(() -> ioThreadsOf(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("server.ioThreads=" + bad);
        }
    }

    @Test
    void shouldServeTheBrokersPortOnTheBrokerThreadWhenAskedOrAutomaticallyOnTwoProcessorsAtMost() {
        final RemotingConfig auto = RemotingConfig.defaults();
        assertThat(auto.servesOnBrokerThread(1)).isTrue();
        assertThat(auto.servesOnBrokerThread(2)).isTrue();
        assertThat(auto.servesOnBrokerThread(4)).isFalse();
        assertThat(auto.withIoThreads(RemotingConfig.IO_THREADS_ON_BROKER_THREAD).servesOnBrokerThread(64)).isTrue();
        assertThat(auto.withIoThreads(2).servesOnBrokerThread(1)).isFalse();
        assertThatThrownBy(() -> auto.withIoThreads(-2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int ioThreadsOf(final String value) {
        return ServerConfigLoader.fromProperties(Map.of("server.ioThreads", value)).remoting().ioThreads();
    }
}
