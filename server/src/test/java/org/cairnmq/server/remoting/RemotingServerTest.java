package org.cairnmq.server.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.CodecSupport;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.FrameFlags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemotingServerTest {

    private static final int MAX_FRAME_LENGTH_BYTES = 1024;

    @TempDir
    Path directory;

    private RemotingServer server;
    private final List<RemotingConnection> closedConnections = new CopyOnWriteArrayList<>();
    private final AtomicInteger sends = new AtomicInteger();

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    private RemotingServer start(final RemotingConfig config, final Authenticator authenticator) {
        final ProcessorRegistry registry = new ProcessorRegistry();
        registry.register(CommandCode.SEND, (connection, header, body) -> {
            sends.incrementAndGet();
            connection.onClose(() -> closedConnections.add(connection));
            final int value = CodecSupport.readInt(body);
            connection.respond(header.correlationId(), header.command(), out -> out.writeInt(value + 1));
        });
        registry.register(CommandCode.CREATE_DESTINATION, (connection, header, body) -> {
            throw new ProtocolException(ErrorCode.INVALID_DESTINATION, "CAIRN-1042 Queue 'x' does not exist");
        });
        registry.register(CommandCode.DELETE_DESTINATION, (connection, header, body) -> {
            throw new ProtocolException(ErrorCode.MALFORMED_FRAME, "CAIRN-1001 lost track", 0L, false);
        });
        server = new RemotingServer(config, registry, authenticator, new ServerIdentity("broker-t", "9.9", 4096))
            .start();
        return server;
    }

    private static RemotingConfig config() {
        return RemotingConfig.defaults().withPort(0).withMaxFrameLengthBytes(MAX_FRAME_LENGTH_BYTES).withIoThreads(2);
    }

    private RemotingServer startWithUsers(final boolean allowAnonymous) throws IOException {
        final Path users = directory.resolve("users.properties");
        Files.writeString(users, "alice=secret\nbob=" + Authenticator.hashPassword("hunter2") + "\n",
            StandardCharsets.UTF_8);
        return start(config().withUsersFile(users), Authenticator.load(users, allowAnonymous));
    }

    @Test
    void shouldBindAnEphemeralPortOnLoopbackAndReportIt() {
        start(config(), Authenticator.of(Map.of(), true));

        assertThat(server.port()).isPositive();
        assertThat(server.address()).isEqualTo("127.0.0.1:" + server.port());
    }

    @Test
    void shouldAcceptTheRightPasswordAndGiveEachConnectionItsOwnId() throws IOException {
        startWithUsers(false);
        try (RawClient first = new RawClient(server.port()); RawClient second = new RawClient(server.port())) {
            final RawClient.Frame a = first.handshake("alice", "secret");
            final RawClient.Frame b = second.handshake("bob", "hunter2");

            assertThat(a.status()).isEqualTo(ErrorCode.OK);
            assertThat(a.flags()).isEqualTo(FrameFlags.RESPONSE);
            assertThat(a.handshakeResponse().brokerName()).isEqualTo("broker-t");
            assertThat(a.handshakeResponse().maxFrameLengthBytes()).isEqualTo(MAX_FRAME_LENGTH_BYTES);
            assertThat(a.handshakeResponse().maxMessageBytes()).isEqualTo(4096);
            assertThat(b.status()).isEqualTo(ErrorCode.OK);
            assertThat(b.handshakeResponse().connectionId()).isNotEqualTo(a.handshakeResponse().connectionId());
        }
    }

    @Test
    void shouldRejectAWrongPasswordAndAnUnknownUserAndClose() throws IOException {
        startWithUsers(true);
        try (RawClient wrong = new RawClient(server.port()); RawClient unknown = new RawClient(server.port())) {
            final RawClient.Frame wrongAnswer = wrong.handshake("alice", "guess");
            final RawClient.Frame unknownAnswer = unknown.handshake("mallory", "secret");

            assertThat(wrongAnswer.status()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(wrongAnswer.errorMessage()).startsWith("CAIRN-");
            assertThat(unknownAnswer.status()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(wrong.awaitClosedByServer()).isTrue();
            assertThat(unknown.awaitClosedByServer()).isTrue();
        }
    }

    @Test
    void shouldAcceptAnonymousOnlyWhenAllowed() throws IOException {
        startWithUsers(false);
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.handshake(null, null).status()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        }
        server.close();
        startWithUsers(true);
        try (RawClient client = new RawClient(server.port())) {
            assertThat(client.handshake(null, null).status()).isEqualTo(ErrorCode.OK);
        }
    }

    @Test
    void shouldAnswerIllegalStateAndCloseWhenTheFirstFrameIsNotAHandshake() throws IOException {
        start(config(), Authenticator.of(Map.of(), true));
        try (RawClient client = new RawClient(server.port())) {
            final long correlationId = client.request(CommandCode.SEND, out -> out.writeInt(1));

            final RawClient.Frame answer = client.read();
            assertThat(answer.correlationId()).isEqualTo(correlationId);
            assertThat(answer.status()).isEqualTo(ErrorCode.ILLEGAL_STATE);
            assertThat(client.awaitClosedByServer()).isTrue();
            assertThat(sends).hasValue(0);
        }
    }

    @Test
    void shouldRouteFramesToTheirProcessorAndAnswerTheirErrors() throws IOException {
        start(config(), Authenticator.of(Map.of(), true));
        try (RawClient client = new RawClient(server.port())) {
            client.handshake(null, null);

            client.request(CommandCode.SEND, out -> out.writeInt(41));
            final RawClient.Frame sent = client.read();
            client.request(CommandCode.CREATE_DESTINATION, BodyWriter.EMPTY);
            final RawClient.Frame refused = client.read();
            client.request(CommandCode.XA_START, BodyWriter.EMPTY);
            final RawClient.Frame unknown = client.read();

            assertThat(sent.status()).isEqualTo(ErrorCode.OK);
            assertThat(sent.body()).containsExactly(0, 0, 0, 42);
            assertThat(refused.status()).isEqualTo(ErrorCode.INVALID_DESTINATION);
            assertThat(refused.errorMessage()).isEqualTo("CAIRN-1042 Queue 'x' does not exist");
            assertThat(unknown.status()).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
            assertThat(unknown.command()).isEqualTo(CommandCode.XA_START);
        }
    }

    @Test
    void shouldAnswerAnUnknownCommandCodeAsAnErrorFrame() throws IOException {
        start(config(), Authenticator.of(Map.of(), true));
        try (RawClient client = new RawClient(server.port())) {
            client.handshake(null, null);
            client.writeRaw(new byte[] {0, 0, 0, 18, 1, 0x7f, 0x00, 1, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0});

            final RawClient.Frame answer = client.read();
            assertThat(answer.status()).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
            assertThat(answer.command()).isEqualTo(CommandCode.ERROR);
            assertThat(answer.correlationId()).isEqualTo(9L);
        }
    }

    @Test
    void shouldCloseTheConnectionWhenAProcessorSaysTheStreamIsOutOfSync() throws IOException {
        start(config(), Authenticator.of(Map.of(), true));
        try (RawClient client = new RawClient(server.port())) {
            client.handshake(null, null);
            client.request(CommandCode.DELETE_DESTINATION, BodyWriter.EMPTY);

            assertThat(client.read().status()).isEqualTo(ErrorCode.MALFORMED_FRAME);
            assertThat(client.awaitClosedByServer()).isTrue();
        }
    }

    @Test
    void shouldDisconnectAClientSendingGarbageWhileAnotherKeepsWorking() throws IOException {
        start(config(), Authenticator.of(Map.of(), true));
        try (RawClient bad = new RawClient(server.port()); RawClient good = new RawClient(server.port())) {
            bad.handshake(null, null);
            good.handshake(null, null);

            bad.writeRaw(new byte[] {0, 0, 0, 3, 42, 42, 42, 42, 42, 42});

            assertThat(bad.read().status()).isEqualTo(ErrorCode.MALFORMED_FRAME);
            assertThat(bad.awaitClosedByServer()).isTrue();
            good.request(CommandCode.SEND, out -> out.writeInt(1));
            assertThat(good.read().status()).isEqualTo(ErrorCode.OK);
        }
    }

    @Test
    void shouldAnswerAnOversizedFrameWithFrameTooLargeAndCarryOn() throws IOException {
        start(config(), Authenticator.of(Map.of(), true));
        try (RawClient client = new RawClient(server.port())) {
            client.handshake(null, null);
            final long tooLarge = client.request(CommandCode.SEND, out -> out.writeZero(MAX_FRAME_LENGTH_BYTES));

            final RawClient.Frame refused = client.read();
            client.request(CommandCode.SEND, out -> out.writeInt(7));
            final RawClient.Frame next = client.read();

            assertThat(refused.status()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
            assertThat(refused.correlationId()).isEqualTo(tooLarge);
            assertThat(next.status()).isEqualTo(ErrorCode.OK);
            assertThat(next.body()).containsExactly(0, 0, 0, 8);
        }
    }

    @Test
    void shouldRefuseConnectionsBeyondTheMaximum() throws IOException {
        start(config().withMaxConnections(1), Authenticator.of(Map.of(), true));
        try (RawClient first = new RawClient(server.port())) {
            assertThat(first.handshake(null, null).status()).isEqualTo(ErrorCode.OK);
            try (RawClient second = new RawClient(server.port())) {
                final RawClient.Frame refused = second.read();
                assertThat(refused.status()).isEqualTo(ErrorCode.RESOURCE_ALLOCATION);
                assertThat(refused.command()).isEqualTo(CommandCode.ERROR);
                assertThat(second.awaitClosedByServer()).isTrue();
            }
            first.request(CommandCode.SEND, out -> out.writeInt(1));
            assertThat(first.read().status()).isEqualTo(ErrorCode.OK);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.connectionCount() == 0);
        try (RawClient third = new RawClient(server.port())) {
            assertThat(third.handshake(null, null).status()).isEqualTo(ErrorCode.OK);
        }
    }

    @Test
    void shouldAnswerHeartbeatRequestsAndCloseOnClose() throws IOException {
        start(config(), Authenticator.of(Map.of(), true));
        try (RawClient client = new RawClient(server.port())) {
            client.handshake(null, null);
            client.request(CommandCode.SEND, out -> out.writeInt(1));
            client.read();

            final long heartbeat = client.request(CommandCode.HEARTBEAT, BodyWriter.EMPTY);
            assertThat(client.read().correlationId()).isEqualTo(heartbeat);
            client.request(CommandCode.CLOSE, BodyWriter.EMPTY);
            assertThat(client.read().command()).isEqualTo(CommandCode.CLOSE);
            assertThat(client.awaitClosedByServer()).isTrue();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> closedConnections.size() == 1);
    }

    @Test
    void shouldSendHeartbeatsAndCloseAConnectionThatStaysSilent() throws IOException {
        start(config().withTimeouts(600L, 100L), Authenticator.of(Map.of(), true));
        try (RawClient client = new RawClient(server.port())) {
            client.handshake(null, null);

            final RawClient.Frame heartbeat = client.read();
            assertThat(heartbeat.command()).isEqualTo(CommandCode.HEARTBEAT);
            assertThat(heartbeat.flags()).isEqualTo(FrameFlags.ONE_WAY);
            assertThat(client.awaitClosedByServer()).isTrue();
        }
    }

    @Test
    void shouldRunCloseListenersWhenTheServerCloses() throws IOException {
        start(config(), Authenticator.of(Map.of(), true));
        try (RawClient client = new RawClient(server.port())) {
            client.handshake(null, null);
            client.request(CommandCode.SEND, out -> out.writeInt(1));
            client.read();

            server.close();

            assertThat(closedConnections).hasSize(1);
            assertThat(client.awaitClosedByServer()).isTrue();
        }
    }
}
