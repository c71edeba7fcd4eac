package org.cairnmq.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class FrameEncoderTest {

    private static final String GOLDEN_SEND_REQUEST =
        "00000014" // frame length 20
            + "01" // version 1
            + "00d2" // command SEND = 210
            + "01" // flags REQUEST
            + "0102030405060708" // correlation id
            + "0000" // status OK
            + "cafe"; // body

    @Test
    void shouldWriteTheFrameHeaderExactlyAsTheDescriptorDraws() {
        final ByteBuf out = Unpooled.buffer();
        final ByteBuf body = Unpooled.wrappedBuffer(new byte[] {(byte) 0xCA, (byte) 0xFE});
        try {
            final int length = FrameEncoder.writeFrame(
                out, CommandCode.SEND, FrameFlags.REQUEST, 0x0102030405060708L, ErrorCode.OK, body);

            assertThat(length).isEqualTo(20);
            assertThat(ByteBufUtil.hexDump(out)).isEqualTo(GOLDEN_SEND_REQUEST);
            assertThat(body.readableBytes()).isEqualTo(2);
        } finally {
            out.release();
            body.release();
        }
    }

    @Test
    void shouldReadEveryHeaderFieldOfTheGoldenFrame() {
        final ByteBuf frame = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(GOLDEN_SEND_REQUEST));
        try {
            final FrameHeader header = new FrameHeader().wrap(frame, 0);

            assertThat(header.frameLength()).isEqualTo(20);
            assertThat(header.version()).isEqualTo(FrameDescriptor.CURRENT_VERSION);
            assertThat(header.command()).isEqualTo(CommandCode.SEND);
            assertThat(header.isRequest()).isTrue();
            assertThat(header.isResponse()).isFalse();
            assertThat(header.isOneWay()).isFalse();
            assertThat(header.correlationId()).isEqualTo(0x0102030405060708L);
            assertThat(header.status()).isEqualTo(ErrorCode.OK);
            assertThat(header.bodyLength()).isEqualTo(2);
            assertThat(ByteBufUtil.hexDump(header.body())).isEqualTo("cafe");
        } finally {
            frame.release();
        }
    }

    @Test
    void shouldPatchTheLengthOfABodyWrittenInPlaceAfterOtherBytes() {
        final ByteBuf out = Unpooled.buffer();
        try {
            out.writeBytes(new byte[] {9, 9, 9});
            final int start = FrameEncoder.beginFrame(
                out, CommandCode.ACK, FrameFlags.RESPONSE, 7L, ErrorCode.INVALID_DESTINATION);
            out.writeLong(-1L);
            final int length = FrameEncoder.endFrame(out, start);

            final FrameHeader header = new FrameHeader().wrap(out, start);
            assertThat(start).isEqualTo(3);
            assertThat(length).isEqualTo(FrameDescriptor.HEADER_LENGTH + Long.BYTES);
            assertThat(header.frameLength()).isEqualTo(length);
            assertThat(header.command()).isEqualTo(CommandCode.ACK);
            assertThat(header.isResponse()).isTrue();
            assertThat(header.status()).isEqualTo(ErrorCode.INVALID_DESTINATION);
            assertThat(header.body().getLong(0)).isEqualTo(-1L);
        } finally {
            out.release();
        }
    }

    @Test
    void shouldWriteHeaderFieldsThroughTheFlyweightWithoutMovingIndexes() {
        final ByteBuf out = Unpooled.buffer(FrameDescriptor.HEADER_LENGTH);
        try {
            out.writeZero(FrameDescriptor.HEADER_LENGTH);
            new FrameHeader().wrap(out, 0)
                .frameLength(FrameDescriptor.HEADER_LENGTH)
                .version(FrameDescriptor.CURRENT_VERSION)
                .command(CommandCode.XA_RECOVER)
                .flags(FrameFlags.ONE_WAY)
                .correlationId(Long.MIN_VALUE)
                .status(ErrorCode.XA_UNKNOWN_XID);

            assertThat(out.readerIndex()).isZero();
            assertThat(ByteBufUtil.hexDump(out)).isEqualTo("00000012" + "01" + "01c7" + "04" + "8000000000000000" + "01c3");
        } finally {
            out.release();
        }
    }

    @Test
    void shouldRefuseToWriteUnknownCodes() {
        final ByteBuf out = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> FrameEncoder.beginFrame(out, CommandCode.UNKNOWN, FrameFlags.REQUEST, 1L, ErrorCode.OK))
                .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FrameEncoder.beginFrame(out, CommandCode.SEND, FrameFlags.REQUEST, 1L, ErrorCode.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class);
            assertThat(out.writerIndex()).isZero();
        } finally {
            out.release();
        }
    }
}
