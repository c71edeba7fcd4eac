package org.cairnmq.server.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.codec.SendCreditCodec;
import org.cairnmq.protocol.codec.SendFailedCodec;
import org.cairnmq.protocol.codec.UnansweredSendCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.frame.FrameFlags;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.record.MessageRecordWriter;
import org.cairnmq.server.CairnBroker;
import org.cairnmq.server.broker.BrokerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SEND_UNANSWERED against a real broker, in raw frames: nothing answers a send that succeeds, every
 * frame's bytes come back exactly once per session (in SEND_CREDIT, or in the SEND_FAILED of a send
 * that failed), and a failure names the session that sent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnansweredSendTest {

    @TempDir
    Path directory;

    private CairnBroker start(final boolean autoCreate) {
        final Path data = directory.resolve("data");
        return CairnBroker.builder().dataDirectory(data).brokerPort(0).nameServerPort(0)
            .store(store -> store.withCommitLogSegmentBytes(1 << 20))
            .brokerConfig(BrokerConfig.defaults(data).withAutoCreateDestinations(autoCreate)).start();
    }

    private static byte[] record(final String queue, final int n) {
        final ByteBuf out = Unpooled.buffer();
        try {
            new MessageRecordWriter().persistent(false).messageId("ID:raw-" + n).destination(DestinationKind.QUEUE, queue)
                .textBody("m" + n).writeTo(out);
            final byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private static void sendUnanswered(final RawClient client, final long sessionId, final byte[] record)
        throws IOException {
        client.write(CommandCode.SEND_UNANSWERED, FrameFlags.ONE_WAY, 0L,
            UnansweredSendCodec.request(sessionId, -1, Unpooled.wrappedBuffer(record)));
    }

    @Test
    void shouldHandBackEveryByteOfEachSessionAndAnswerNothingElse() throws IOException {
        try (CairnBroker broker = start(true); RawClient client = new RawClient(broker.brokerPort())) {
            assertThat(client.handshake(null, null).status()).isEqualTo(ErrorCode.OK);
            final Map<Long, Long> sent = new HashMap<>();
            for (int n = 0; n < 300; n++) {
                final long sessionId = 1 + n % 3;
                final byte[] record = record("raw-unanswered", n);
                sendUnanswered(client, sessionId, record);
                sent.merge(sessionId, (long) UnansweredSendCodec.bodyLength(record.length), Long::sum);
            }

            final Map<Long, Long> handedBack = new HashMap<>();
            while (!handedBack.equals(sent)) {
                final RawClient.Frame frame = client.read();
                assertThat(frame.command()).as("nothing but credit comes back").isEqualTo(CommandCode.SEND_CREDIT);
                assertThat(frame.flags()).isEqualTo(FrameFlags.ONE_WAY);
                final SendCreditCodec.Credit credit = SendCreditCodec.decode(Unpooled.wrappedBuffer(frame.body()));
                handedBack.merge(credit.sessionId(), (long) credit.bytes(), Long::sum);
                assertThat(handedBack.get(credit.sessionId())).isLessThanOrEqualTo(sent.get(credit.sessionId()));
            }
            final long heartbeat = client.request(CommandCode.HEARTBEAT, out -> { });
            final RawClient.Frame next = client.read();
            assertThat(next.command()).as("no more credit than was sent").isEqualTo(CommandCode.HEARTBEAT);
            assertThat(next.correlationId()).isEqualTo(heartbeat);
        }
    }

    @Test
    void shouldReportAFailedSendToItsSessionWithItsBytes() throws IOException {
        try (CairnBroker broker = start(false); RawClient client = new RawClient(broker.brokerPort())) {
            client.handshake(null, null);
            final byte[] record = record("no-such-queue", 1);
            sendUnanswered(client, 42L, record);

            final RawClient.Frame frame = client.read();
            assertThat(frame.command()).isEqualTo(CommandCode.SEND_FAILED);
            final SendFailedCodec.Failure failure = SendFailedCodec.decode(Unpooled.wrappedBuffer(frame.body()));
            assertThat(failure.sessionId()).isEqualTo(42L);
            assertThat(failure.bytes()).isEqualTo(UnansweredSendCodec.bodyLength(record.length));
            assertThat(failure.errorCode()).isEqualTo(ErrorCode.INVALID_DESTINATION);
            assertThat(failure.message()).contains("no-such-queue");
        }
    }

    @Test
    void shouldHandBackTheBytesOfABodyItCannotRead() throws IOException {
        try (CairnBroker broker = start(true); RawClient client = new RawClient(broker.brokerPort())) {
            client.handshake(null, null);
            client.write(CommandCode.SEND_UNANSWERED, FrameFlags.ONE_WAY, 0L, out -> out.writeInt(7));

            final RawClient.Frame frame = client.read();
            assertThat(frame.command()).isEqualTo(CommandCode.SEND_FAILED);
            final SendFailedCodec.Failure failure = SendFailedCodec.decode(Unpooled.wrappedBuffer(frame.body()));
            assertThat(failure.bytes()).isEqualTo(Integer.BYTES);
            assertThat(failure.errorCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        }
    }
}
