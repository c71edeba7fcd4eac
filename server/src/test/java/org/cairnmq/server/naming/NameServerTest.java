package org.cairnmq.server.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.CodecSupport;
import org.cairnmq.protocol.codec.HandshakeCodec;
import org.cairnmq.protocol.codec.QueryRouteCodec;
import org.cairnmq.protocol.codec.QueryRouteCodec.BrokerRoute;
import org.cairnmq.protocol.codec.RegisterBrokerCodec;
import org.cairnmq.protocol.codec.RegisterBrokerCodec.TopicEntry;
import org.cairnmq.protocol.codec.UnregisterBrokerCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.frame.FrameDescriptor;
import org.cairnmq.protocol.frame.FrameFlags;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.server.remoting.Authenticator;
import org.cairnmq.server.remoting.RemotingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NameServerTest {

    private static final long EXPIRY_MS = 10_000L;

    private final AtomicLong nowMs = new AtomicLong(1_000_000L);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(nowMs.get());
        }
    };
    private NameServer nameServer;

    @BeforeEach
    void startNameServer() {
        final NamingConfig config = NamingConfig.defaults()
            .withRemoting(RemotingConfig.defaults().withPort(0).withIoThreads(1))
            .withTimings(EXPIRY_MS, 60_000L, 1_000L);
        nameServer = new NameServer(config, Authenticator.acceptAny(), clock).start();
    }

    @AfterEach
    void closeNameServer() {
        nameServer.close();
    }

    @Test
    void shouldRouteADestinationToTheBrokersThatRegisteredIt() throws IOException {
        try (Client client = new Client(nameServer.port())) {
            client.call(CommandCode.REGISTER_BROKER, register("broker-b", "h:2", new TopicEntry(DestinationKind.QUEUE, "q", 4)));
            client.call(CommandCode.REGISTER_BROKER, register("broker-a", "h:1", new TopicEntry(DestinationKind.QUEUE, "q", 8),
                new TopicEntry(DestinationKind.TOPIC, "t", 2)));
            client.call(CommandCode.REGISTER_BROKER, register("broker-c", "h:3"));

            assertThat(client.route(DestinationKind.QUEUE, "q")).containsExactly(
                new BrokerRoute("broker-a", "h:1", 8), new BrokerRoute("broker-b", "h:2", 4));
            assertThat(client.route(DestinationKind.TOPIC, "t")).containsExactly(new BrokerRoute("broker-a", "h:1", 2));
        }
    }

    @Test
    void shouldAnswerAnUnknownDestinationWithEveryLiveBrokerAndNoQueues() throws IOException {
        try (Client client = new Client(nameServer.port())) {
            client.call(CommandCode.REGISTER_BROKER, register("broker-a", "h:1", new TopicEntry(DestinationKind.QUEUE, "q", 8)));
            client.call(CommandCode.REGISTER_BROKER, register("broker-b", "h:2"));

            assertThat(client.route(DestinationKind.TOPIC, "q")).containsExactly(
                new BrokerRoute("broker-a", "h:1", 0), new BrokerRoute("broker-b", "h:2", 0));
        }
    }

    @Test
    void shouldExpireABrokerThatStopsRegisteringButKeepOneThatHeartbeats() throws IOException {
        try (Client client = new Client(nameServer.port())) {
            client.call(CommandCode.REGISTER_BROKER, register("silent", "h:1"));
            client.call(CommandCode.REGISTER_BROKER, register("alive", "h:2"));
            nowMs.addAndGet(EXPIRY_MS - 1);
            client.call(CommandCode.REGISTER_BROKER, register("alive", "h:2"));
            nowMs.addAndGet(2);

            assertThat(nameServer.expireStaleBrokers()).containsExactly("silent");
            assertThat(client.route(DestinationKind.QUEUE, "any")).containsExactly(new BrokerRoute("alive", "h:2", 0));
        }
    }

    @Test
    void shouldForgetAnUnregisteredBroker() throws IOException {
        try (Client client = new Client(nameServer.port())) {
            client.call(CommandCode.REGISTER_BROKER, register("broker-a", "h:1"));
            client.call(CommandCode.UNREGISTER_BROKER, UnregisterBrokerCodec.request("broker-a"));

            assertThat(client.route(DestinationKind.QUEUE, "q")).isEmpty();
        }
    }

    @Test
    void shouldAnswerAMalformedRegistrationWithAnErrorAndKeepTheConnection() throws IOException {
        try (Client client = new Client(nameServer.port())) {
            assertThat(client.callForStatus(CommandCode.REGISTER_BROKER, out -> out.writeInt(-5)))
                .isEqualTo(ErrorCode.MALFORMED_FRAME);
            assertThat(client.route(DestinationKind.QUEUE, "q")).isEmpty();
        }
    }

    @Test
    void shouldKeepABrokerRegisteredThroughItsRegistrarAndForgetItAtClose() {
        final BrokerRegistrar registrar = new BrokerRegistrar("broker-r", "127.0.0.1:5555",
            List.of(nameServer.address()), () -> CompletableFuture.completedFuture(List.of(new TopicEntry(DestinationKind.QUEUE, "orders", 4))),
            50L, null, null).start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> nameServer.routes().brokerNames().contains("broker-r"));
            assertThat(nameServer.routes().route(DestinationKind.QUEUE, "orders"))
                .containsExactly(new BrokerRoute("broker-r", "127.0.0.1:5555", 4));
        } finally {
            registrar.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> nameServer.routes().brokerNames().isEmpty());
    }

    @Test
    void shouldRegisterOnceTheNameServerComesUpLater() {
        final int port = nameServer.port();
        nameServer.close();
        final BrokerRegistrar registrar = new BrokerRegistrar("broker-late", "127.0.0.1:5556",
            List.of("127.0.0.1:" + port), () -> CompletableFuture.completedFuture(List.<TopicEntry>of()), 50L, "user", "pw").start();
        try {
            final NamingConfig config = NamingConfig.defaults()
                .withRemoting(RemotingConfig.defaults().withPort(port).withIoThreads(1));
            nameServer = new NameServer(config, Authenticator.acceptAny(), clock).start();
            await().atMost(Duration.ofSeconds(10))
                .until(() -> nameServer.routes().brokerNames().contains("broker-late"));
        } finally {
            registrar.close();
        }
    }

    private static RegisterBrokerCodec.Request register(final String name, final String address, final TopicEntry... topics) {
        return new RegisterBrokerCodec.Request(name, address, List.of(topics));
    }

    /** A blocking request-response client over a plain socket. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private long correlationId;

        Client(final int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            assertThat(callForStatus(CommandCode.HANDSHAKE, new HandshakeCodec.Request(null, null, "t")))
                .isEqualTo(ErrorCode.OK);
        }

        void call(final CommandCode command, final BodyWriter body) throws IOException {
            assertThat(callForStatus(command, body)).isEqualTo(ErrorCode.OK);
        }

        ErrorCode callForStatus(final CommandCode command, final BodyWriter body) throws IOException {
            final byte[] response = exchange(command, body);
            final int statusIndex = FrameDescriptor.STATUS_CODE_OFFSET - Integer.BYTES;
            return ErrorCode.fromCode((response[statusIndex] & 0xff) << 8 | (response[statusIndex + 1] & 0xff));
        }

        List<BrokerRoute> route(final DestinationKind kind, final String name) throws IOException {
            final byte[] frame = exchange(CommandCode.QUERY_ROUTE, new QueryRouteCodec.Request(kind, name));
            final ByteBuf body = Unpooled.wrappedBuffer(frame, FrameDescriptor.HEADER_LENGTH - Integer.BYTES,
                frame.length - (FrameDescriptor.HEADER_LENGTH - Integer.BYTES));
            try {
                return QueryRouteCodec.decodeResponse(body).routes();
            } finally {
                body.release();
            }
        }

        /** Sends a request and returns the response frame without its length field. */
        private byte[] exchange(final CommandCode command, final BodyWriter body) throws IOException {
            final ByteBuf frame = CodecSupport.encodeFrame(UnpooledByteBufAllocator.DEFAULT, command, FrameFlags.REQUEST,
                ++correlationId, ErrorCode.OK, body);
            try {
                out.write(ByteBufUtil.getBytes(frame));
            } finally {
                frame.release();
            }
            final byte[] response = new byte[in.readInt() - Integer.BYTES];
            in.readFully(response);
            return response;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
