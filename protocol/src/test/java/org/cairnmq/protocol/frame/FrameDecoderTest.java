package org.cairnmq.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class FrameDecoderTest {

    private static final int MAX_FRAME_LENGTH_BYTES = 64;

    private final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX_FRAME_LENGTH_BYTES));
    private final List<ByteBuf> inputs = new ArrayList<>();

    @AfterEach
    void closeChannelAndCheckEveryInputWasReleased() {
        channel.finishAndReleaseAll();
        for (final ByteBuf input : inputs) {
            assertThat(input.refCnt()).as("refCnt of an input buffer").isZero();
        }
    }

    @Test
    void shouldDecodeOneWholeFrame() {
        channel.writeInbound(input(frame(CommandCode.SEND, 5L, "body")));

        assertFrame(channel.readInbound(), CommandCode.SEND, 5L, "body");
        assertThat(nextInbound()).isNull();
    }

    @Test
    void shouldDecodeAFrameArrivingOneByteAtATime() {
        final ByteBuf whole = frame(CommandCode.ACK, 9L, "fragmented body");
        try {
            for (int i = 0; i < whole.readableBytes(); i++) {
                assertThat(nextInbound()).isNull();
                channel.writeInbound(input(whole.copy(i, 1)));
            }
        } finally {
            whole.release();
        }

        assertFrame(channel.readInbound(), CommandCode.ACK, 9L, "fragmented body");
    }

    @Test
    void shouldDecodeSeveralFramesFromOneBufferAndAFrameSplitAcrossTwo() {
        final ByteBuf first = frame(CommandCode.SEND, 1L, "one");
        final ByteBuf second = frame(CommandCode.SEND, 2L, "");
        final ByteBuf third = frame(CommandCode.CREDIT, 3L, "three");
        final ByteBuf all = Unpooled.buffer().writeBytes(first).writeBytes(second).writeBytes(third);
        first.release();
        second.release();
        third.release();

        channel.writeInbound(input(all.readRetainedSlice(all.readableBytes() - 4)));
        channel.writeInbound(input(all));

        assertFrame(channel.readInbound(), CommandCode.SEND, 1L, "one");
        assertFrame(channel.readInbound(), CommandCode.SEND, 2L, "");
        assertFrame(channel.readInbound(), CommandCode.CREDIT, 3L, "three");
    }

    @Test
    void shouldRejectAnOversizedFrameByItsHeaderAndStayInSync() {
        final ByteBuf oversized = frame(CommandCode.SEND, 77L, "x".repeat(200));
        final ProtocolException error = catchThrowableOfType(ProtocolException.class,
            () -> channel.writeInbound(input(oversized.readRetainedSlice(FrameDescriptor.HEADER_LENGTH + 10))));

        channel.writeInbound(input(oversized.readRetainedSlice(10)));
        channel.writeInbound(input(oversized));
        channel.writeInbound(input(frame(CommandCode.HEARTBEAT, 78L, "ok")));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(error.isStreamInSync()).isTrue();
        assertFrame(channel.readInbound(), CommandCode.HEARTBEAT, 78L, "ok");
    }

    @Test
    void shouldReportAnOversizedFrameWithItsCorrelationId() {
        final ByteBuf header = Unpooled.buffer();
        final int start = FrameEncoder.beginFrame(header, CommandCode.SEND, FrameFlags.REQUEST, 77L, ErrorCode.OK);
        header.setInt(start, Integer.MAX_VALUE);

        final ProtocolException error = catchThrowableOfType(ProtocolException.class,
            () -> channel.writeInbound(input(header)));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(error.correlationId()).isEqualTo(77L);
        assertThat(error.isStreamInSync()).isTrue();
        assertThat(nextInbound()).isNull();
    }

    @Test
    void shouldRejectANegativeLengthAndDiscardEverythingAfterIt() {
        final ByteBuf negative = Unpooled.buffer().writeInt(-5).writeLong(1L);

        final ProtocolException error = catchThrowableOfType(ProtocolException.class,
            () -> channel.writeInbound(input(negative)));
        channel.writeInbound(input(frame(CommandCode.SEND, 2L, "after")));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        assertThat(error.isStreamInSync()).isFalse();
        assertThat(nextInbound()).isNull();
    }

    @Test
    void shouldRejectALengthShorterThanTheHeaderAsSoonAsTheLengthArrives() {
        final ProtocolException error = catchThrowableOfType(ProtocolException.class,
            () -> channel.writeInbound(input(Unpooled.buffer().writeInt(FrameDescriptor.HEADER_LENGTH - 1))));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
        assertThat(error.correlationId()).isEqualTo(ProtocolException.NO_CORRELATION_ID);
    }

    @Test
    void shouldSkipAFrameOfAnUnsupportedVersionAndDecodeTheNextOne() {
        final ByteBuf future = frame(CommandCode.HANDSHAKE, 11L, "v2");
        future.setByte(FrameDescriptor.VERSION_OFFSET, 2);

        final ProtocolException error = catchThrowableOfType(ProtocolException.class,
            () -> channel.writeInbound(input(future)));
        channel.writeInbound(input(frame(CommandCode.HANDSHAKE, 12L, "v1")));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
        assertThat(error.correlationId()).isEqualTo(11L);
        assertThat(error.isStreamInSync()).isTrue();
        assertFrame(channel.readInbound(), CommandCode.HANDSHAKE, 12L, "v1");
    }

    @Test
    void shouldTurnAnHttpRequestIntoAProtocolException() {
        final ByteBuf http = Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: x\r\n\r\n", StandardCharsets.US_ASCII);

        final ProtocolException error = catchThrowableOfType(ProtocolException.class,
            () -> channel.writeInbound(input(http)));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        assertThat(nextInbound()).isNull();
    }

    @Test
    void shouldSurviveRandomGarbageWithOnlyProtocolExceptionsAndNoLeaks() {
        final Random random = new Random(20261125L);
        for (int round = 0; round < 200; round++) {
            final EmbeddedChannel garbageChannel = new EmbeddedChannel(new FrameDecoder(MAX_FRAME_LENGTH_BYTES));
            for (int chunk = 0; chunk < 5; chunk++) {
                final byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                if (bytes.length > 4 && random.nextBoolean()) {
                    Unpooled.wrappedBuffer(bytes).setInt(0, random.nextInt(MAX_FRAME_LENGTH_BYTES + 8));
                }
                writeIgnoringProtocolErrors(garbageChannel, input(Unpooled.buffer().writeBytes(bytes)));
                releaseAll(garbageChannel);
            }
            garbageChannel.finishAndReleaseAll();
        }
    }

    @Test
    void shouldReleaseAPartialFrameWhenTheChannelCloses() {
        final ByteBuf whole = frame(CommandCode.SEND, 1L, "never completed");
        channel.writeInbound(input(whole.readRetainedSlice(whole.readableBytes() - 1)));
        whole.release();

        assertThat(channel.finish()).isFalse();
    }

    private static void writeIgnoringProtocolErrors(final EmbeddedChannel target, final ByteBuf bytes) {
        try {
            target.writeInbound(bytes);
        } catch (final ProtocolException expected) {
            assertThat(expected.errorCode()).isIn(
                ErrorCode.MALFORMED_FRAME, ErrorCode.FRAME_TOO_LARGE, ErrorCode.UNSUPPORTED_VERSION);
        }
    }

    private static void releaseAll(final EmbeddedChannel target) {
        for (Object frame = target.readInbound(); frame != null; frame = target.readInbound()) {
            ((ByteBuf) frame).release();
        }
    }

    private Object nextInbound() {
        return channel.readInbound();
    }

    private ByteBuf input(final ByteBuf buffer) {
        inputs.add(buffer);
        return buffer;
    }

    private static ByteBuf frame(final CommandCode command, final long correlationId, final String body) {
        final ByteBuf out = Unpooled.buffer();
        final int start = FrameEncoder.beginFrame(out, command, FrameFlags.REQUEST, correlationId, ErrorCode.OK);
        out.writeCharSequence(body, StandardCharsets.UTF_8);
        FrameEncoder.endFrame(out, start);
        return out;
    }

    private static void assertFrame(final ByteBuf frame, final CommandCode command, final long correlationId, final String body) {
        assertThat(frame).isNotNull();
        try {
            final FrameHeader header = new FrameHeader().wrap(frame, frame.readerIndex());
            assertThat(header.frameLength()).isEqualTo(frame.readableBytes());
            assertThat(header.command()).isEqualTo(command);
            assertThat(header.correlationId()).isEqualTo(correlationId);
            assertThat(header.body().toString(StandardCharsets.UTF_8)).isEqualTo(body);
        } finally {
            frame.release();
        }
    }
}
