package org.cairnmq.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.codec.CodecSupport;
import org.cairnmq.protocol.codec.HandshakeCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.frame.FrameDescriptor;
import org.cairnmq.protocol.frame.FrameFlags;
import org.cairnmq.server.remoting.RemotingConfig;
import org.cairnmq.server.store.FlushMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CairnBrokerTest {

    @TempDir
    Path directory;

    private CairnBroker.Builder builder() {
        return CairnBroker.builder().dataDirectory(directory.resolve("data")).brokerPort(0).nameServerPort(0)
            .store(store -> store.withCommitLogSegmentBytes(1 << 20));
    }

    @Test
    void shouldStartOnEphemeralPortsAndRegisterWithItsEmbeddedNameServer() throws IOException {
        try (CairnBroker broker = builder().users(Map.of("alice", "secret")).allowAnonymous(false).start()) {
            assertThat(broker.brokerPort()).isPositive();
            assertThat(broker.nameServerPort()).isPositive().isNotEqualTo(broker.brokerPort());
            assertThat(broker.nameServerUrl()).isEqualTo("cairn://127.0.0.1:" + broker.nameServerPort());
            assertThat(broker.dataDirectory()).isEqualTo(directory.resolve("data"));
            assertThat(broker.startupLine()).isEqualTo("Cairn broker 'broker-a' started: broker 127.0.0.1:"
                + broker.brokerPort() + ", name server 127.0.0.1:" + broker.nameServerPort() + ", data "
                + directory.resolve("data") + ", flush SYNC");
            assertThat(handshake(broker.brokerPort(), "alice", "secret")).isEqualTo(ErrorCode.OK);
            assertThat(handshake(broker.brokerPort(), null, null)).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
            assertThat(handshake(broker.nameServerPort(), null, null)).isEqualTo(ErrorCode.OK);
        }
    }

    @Test
    void shouldLeaveACleanStoreBehindAndStartAgainOnIt() {
        final Path data = directory.resolve("data");
        try (CairnBroker broker = builder().flushMode(FlushMode.ASYNC).start()) {
            assertThat(Files.exists(data.resolve("running"))).isTrue();
            assertThat(broker.startupLine()).endsWith("flush ASYNC");
        }
        assertThat(Files.exists(data.resolve("running"))).isFalse();
        assertThat(Files.exists(data.resolve("checkpoint"))).isTrue();

        try (CairnBroker again = builder().start()) {
            assertThat(again.brokerPort()).isPositive();
        }
    }

    @Test
    void shouldReleaseWhatItStartedWhenAPortIsTaken() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> builder().brokerPort(taken.getLocalPort()).start())
                .hasMessageContaining("CAIRN-1030");
        }
        try (CairnBroker broker = builder().start()) {
            assertThat(broker.brokerPort()).isPositive();
        }
    }

    @Test
    void shouldRegisterWithAnExternalNameServerInsteadOfRunningOne() {
        try (CairnBroker names = builder().brokerName("names").start();
             CairnBroker broker = CairnBroker.builder().dataDirectory(directory.resolve("other")).brokerPort(0)
                 .brokerName("broker-b").externalNameServers(java.util.List.of("127.0.0.1:" + names.nameServerPort()))
                 .naming(naming -> naming.withTimings(1_000L, 100L, 100L)).start()) {
            assertThat(broker.nameServerPort()).isEqualTo(-1);
            assertThat(broker.nameServerUrl()).isEqualTo(names.nameServerUrl());
            await().atMost(Duration.ofSeconds(10)).until(() -> handshake(names.nameServerPort(), null, null) == ErrorCode.OK);
        }
    }

    @Test
    void shouldServeItsPortOnTheBrokerThreadWhenToldTo() throws IOException {
        try (CairnBroker broker = builder().brokerName("shared").remoting(remoting -> remoting.withIoThreads(
            RemotingConfig.IO_THREADS_ON_BROKER_THREAD)).start()) {
            assertThat(handshake(broker.brokerPort(), null, null)).isEqualTo(ErrorCode.OK);
            assertThat(threadNames()).noneMatch(name -> name.startsWith("shared-io"))
                .anyMatch(name -> name.startsWith("cairn-broker-"));
        }
    }

    @Test
    void shouldServeItsPortOnIoThreadsOfItsOwnWhenGivenACount() throws IOException {
        try (CairnBroker broker = builder().brokerName("separate").remoting(remoting -> remoting.withIoThreads(2))
            .start()) {
            assertThat(handshake(broker.brokerPort(), null, null)).isEqualTo(ErrorCode.OK);
            assertThat(threadNames()).anyMatch(name -> name.startsWith("separate-io"))
                .contains("cairn-broker");
        }
    }

    private static java.util.List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    private static ErrorCode handshake(final int port, final String user, final String password) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            final ByteBuf frame = CodecSupport.encodeFrame(UnpooledByteBufAllocator.DEFAULT, CommandCode.HANDSHAKE,
                FrameFlags.REQUEST, 1L, ErrorCode.OK, new HandshakeCodec.Request(user, password, "t"));
            try {
                socket.getOutputStream().write(ByteBufUtil.getBytes(frame));
            } finally {
                frame.release();
            }
            final DataInputStream in = new DataInputStream(socket.getInputStream());
            final byte[] rest = new byte[in.readInt() - Integer.BYTES];
            in.readFully(rest);
            final int status = FrameDescriptor.STATUS_CODE_OFFSET - Integer.BYTES;
            return ErrorCode.fromCode((rest[status] & 0xff) << 8 | (rest[status + 1] & 0xff));
        }
    }
}
