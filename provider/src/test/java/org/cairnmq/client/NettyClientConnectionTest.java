package org.cairnmq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.CodecSupport;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.server.remoting.Authenticator;
import org.cairnmq.server.remoting.ProcessorRegistry;
import org.cairnmq.server.remoting.RemotingConfig;
import org.cairnmq.server.remoting.RemotingServer;
import org.cairnmq.server.remoting.ServerIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NettyClientConnectionTest {

    private static final ConnectorConfig FAST = ConnectorConfig.defaults()
        .withConnectTimeoutMs(2_000L).withRequestTimeoutMs(5_000L).withRetries(2, 10L, 20L);

    private RemotingServer server;
    private final List<ClientConnection> connections = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() {
        final ProcessorRegistry registry = new ProcessorRegistry();
        registry.register(CommandCode.SEND, (connection, header, body) -> {
            final int value = CodecSupport.readInt(body);
            connection.respond(header.correlationId(), header.command(), out -> out.writeInt(value * 2));
        });
        registry.register(CommandCode.CREATE_DESTINATION, (connection, header, body) -> {
            throw new ProtocolException(ErrorCode.INVALID_DESTINATION, "CAIRN-1042 Queue 'x' does not exist");
        });
        registry.register(CommandCode.PULL, (connection, header, body) -> { });
        registry.register(CommandCode.CREDIT, (connection, header, body) -> {
            final int credit = CodecSupport.readInt(body);
            connection.push(CommandCode.DELIVER, out -> out.writeInt(credit + 1));
        });
        server = new RemotingServer(RemotingConfig.defaults().withPort(0).withIoThreads(1), registry,
            Authenticator.of(Map.of("alice", "secret"), true), new ServerIdentity("broker-c", "1.2", 1000)).start();
    }

    @AfterEach
    void stopServer() {
        connections.forEach(ClientConnection::close);
        server.close();
    }

    private ClientConnection connect(final ConnectorConfig config, final List<String> addresses) {
        final ClientConnection connection = new ClientConnector(config).connect(addresses, "alice", "secret");
        connections.add(connection);
        return connection;
    }

    private ClientConnection connect() {
        return connect(FAST, List.of(server.address()));
    }

    @Test
    void shouldHandshakeAndReportWhatTheServerSaid() {
        final ClientConnection connection = connect();

        assertThat(connection.isOpen()).isTrue();
        assertThat(connection.connectionId()).isPositive();
        assertThat(connection.serverInfo()).isEqualTo(new ClientConnection.ServerInfo("broker-c", "1.2",
            RemotingConfig.defaults().maxFrameLengthBytes(), 1000));
    }

    @Test
    void shouldCompleteEachRequestWithItsOwnResponse() throws Exception {
        final ClientConnection connection = connect();
        final List<CompletableFuture<ByteBuf>> futures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 100; i++) {
            final int value = i;
            futures.add(connection.request(CommandCode.SEND, out -> out.writeInt(value)));
        }

        for (int i = 0; i < 100; i++) {
            final ByteBuf body = futures.get(i).get(5, TimeUnit.SECONDS);
            try {
                assertThat(body.readInt()).isEqualTo(i * 2);
            } finally {
                body.release();
            }
        }
    }

    @Test
    void shouldFailAnErrorResponseWithAProtocolExceptionOfItsCode() {
        final ClientConnection connection = connect();

        assertThatThrownBy(() -> connection.request(CommandCode.CREATE_DESTINATION, BodyWriter.EMPTY).get(5, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause().isInstanceOfSatisfying(ProtocolException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_DESTINATION);
                assertThat(e.getMessage()).contains("CAIRN-1042 Queue 'x' does not exist");
            });
    }

    @Test
    void shouldTimeOutARequestTheServerNeverAnswers() {
        final ClientConnection connection = connect(FAST.withRequestTimeoutMs(200L), List.of(server.address()));

        assertThatThrownBy(() -> connection.request(CommandCode.PULL, BodyWriter.EMPTY).get(5, TimeUnit.SECONDS))
            .cause().isInstanceOf(RequestTimeoutException.class).isInstanceOf(TimeoutException.class);
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void shouldFailPendingRequestsWithConnectionLostWhenTheServerGoesAway() {
        final ClientConnection connection = connect();
        final AtomicReference<Throwable> closeCause = new AtomicReference<>();
        connection.onClose(closeCause::set);
        final CompletableFuture<ByteBuf> pending = connection.request(CommandCode.PULL, BodyWriter.EMPTY);

        server.close();

        assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(ConnectionLostException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> closeCause.get() != null);
        assertThat(connection.isOpen()).isFalse();
        assertThatThrownBy(() -> connection.request(CommandCode.SEND, out -> out.writeInt(1)).get(5, TimeUnit.SECONDS))
            .cause().isInstanceOf(ConnectionLostException.class);
    }

    @Test
    void shouldRoutePushedFramesToTheirHandler() {
        final ClientConnection connection = connect();
        final List<Integer> delivered = new CopyOnWriteArrayList<>();
        connection.onPush(CommandCode.DELIVER, body -> delivered.add(body.readInt()));

        connection.oneWay(CommandCode.CREDIT, out -> out.writeInt(41));

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.equals(List.of(42)));
    }

    @Test
    void shouldRunCloseListenersWithoutACauseAfterClose() {
        final ClientConnection connection = connect();
        final List<Throwable> causes = new CopyOnWriteArrayList<>();
        connection.onClose(causes::add);

        connection.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> causes.size() == 1);
        assertThat(causes.get(0)).isNull();
        assertThat(connection.isOpen()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connectionCount() == 0);
    }

    @Test
    void shouldRefuseAWrongPasswordAtOnce() {
        assertThatThrownBy(() -> new ClientConnector(FAST).connect(List.of(server.address()), "alice", "guess"))
            .isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED));
    }

    @Test
    void shouldMoveOnToTheNextAddressWhenOneIsUnreachable() throws Exception {
        final ClientConnection connection = connect(FAST, List.of("127.0.0.1:" + freePort(), server.address()));

        assertThat(connection.serverInfo().brokerName()).isEqualTo("broker-c");
    }

    @Test
    void shouldGiveUpWithConnectionLostAfterItsRounds() throws Exception {
        final String nowhere = "127.0.0.1:" + freePort();

        assertThatThrownBy(() -> new ClientConnector(FAST).connect(List.of(nowhere), null, null))
            .isInstanceOf(ConnectionLostException.class).hasMessageContaining(nowhere).hasMessageContaining("2 round");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
