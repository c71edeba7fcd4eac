package org.cairnmq.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cairnmq.protocol.codec.QueryRouteCodec.BrokerRoute;
import org.cairnmq.protocol.codec.RegisterBrokerCodec;
import org.cairnmq.protocol.codec.RegisterBrokerCodec.TopicEntry;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.server.naming.NameServer;
import org.cairnmq.server.naming.NamingConfig;
import org.cairnmq.server.remoting.Authenticator;
import org.cairnmq.server.remoting.RemotingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NameServerClientTest {

    private static final long TTL_MS = 1_000L;

    private final AtomicLong nanos = new AtomicLong();
    private NameServer nameServer;
    private ClientConnection connection;
    private NameServerClient client;

    @BeforeEach
    void start() {
        nameServer = new NameServer(NamingConfig.defaults().withRemoting(RemotingConfig.defaults().withPort(0)
            .withIoThreads(1)), Authenticator.acceptAny(), Clock.systemUTC()).start();
        connection = new ClientConnector().connect(List.of(nameServer.address()), null, null);
        client = new NameServerClient(connection, TTL_MS, nanos::get);
    }

    @AfterEach
    void stop() {
        connection.close();
        nameServer.close();
    }

    private void register(final String broker, final int queueCount) {
        nameServer.routes().register(new RegisterBrokerCodec.Request(broker, broker + ":1",
            List.of(new TopicEntry(DestinationKind.QUEUE, "orders", queueCount))), System.currentTimeMillis());
    }

    private List<BrokerRoute> query() throws Exception {
        return client.queryRoute(DestinationKind.QUEUE, "orders").get(5, TimeUnit.SECONDS);
    }

    @Test
    void shouldQueryTheNameServerAndReuseTheAnswerWhileFresh() throws Exception {
        register("a", 4);
        assertThat(query()).containsExactly(new BrokerRoute("a", "a:1", 4));

        register("b", 2);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(TTL_MS - 1));
        assertThat(query()).containsExactly(new BrokerRoute("a", "a:1", 4));

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(query()).containsExactly(new BrokerRoute("a", "a:1", 4), new BrokerRoute("b", "b:1", 2));
    }

    @Test
    void shouldAskAgainAfterAnInvalidation() throws Exception {
        register("a", 4);
        query();
        nameServer.routes().unregister("a");

        client.invalidate(DestinationKind.QUEUE, "orders");

        assertThat(query()).isEmpty();
    }

    @Test
    void shouldAnswerAnUnknownDestinationWithEveryLiveBroker() throws Exception {
        register("a", 4);

        assertThat(client.queryRoute(DestinationKind.TOPIC, "news").get(5, TimeUnit.SECONDS))
            .containsExactly(new BrokerRoute("a", "a:1", 0));
    }
}
