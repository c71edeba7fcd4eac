package org.cairnmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.protocol.codec.GoldenBytes.bytes;
import static org.cairnmq.protocol.codec.GoldenBytes.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.frame.NettyLeakDetectionExtension;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pins SEND_UNANSWERED, SEND_CREDIT and SEND_FAILED (docs/PROTOCOL.md) byte for byte. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class UnansweredSendCodecGoldenBytesTest {

    private static final String RECORD = "cafebabe";

    @Test
    void shouldPinTheWireValuesOfTheUnansweredSendCommands() {
        assertThat(CommandCode.SEND_UNANSWERED.code()).isEqualTo(212);
        assertThat(CommandCode.SEND_CREDIT.code()).isEqualTo(213);
        assertThat(CommandCode.SEND_FAILED.code()).isEqualTo(214);
    }

    @Test
    void shouldEncodeAnUnansweredSendAndSliceTheRecordWithoutCopying() {
        final String golden = "0000000000000009" + "ffffffff" + RECORD;
        final ByteBuf record = bytes(RECORD);
        assertThat(hex(UnansweredSendCodec.request(9L, -1, record))).isEqualTo(golden);
        assertThat(record.readerIndex()).isZero();
        assertThat(UnansweredSendCodec.bodyLength(4)).isEqualTo(golden.length() / 2);

        final ByteBuf in = bytes(golden);
        assertThat(UnansweredSendCodec.sessionId(in)).isEqualTo(9L);
        assertThat(UnansweredSendCodec.queueId(in)).isEqualTo(MessagingBodyDescriptor.ANY_QUEUE);
        assertThat(ByteBufUtil.hexDump(UnansweredSendCodec.record(in))).isEqualTo(RECORD);
        in.setByte(UnansweredSendCodec.HEADER_LENGTH, 0);
        assertThat(UnansweredSendCodec.record(in).getByte(0)).as("a slice sees the body's bytes").isZero();
        assertThat(in.readerIndex()).as("read in place").isZero();
    }

    @Test
    void shouldEncodeAndDecodeSendCredit() {
        final String golden = "0000000000000009" + "00010000";
        assertThat(hex(SendCreditCodec.body(9L, 65_536))).isEqualTo(golden);
        assertThat(SendCreditCodec.decode(bytes(golden))).isEqualTo(new SendCreditCodec.Credit(9L, 65_536));
    }

    @Test
    void shouldEncodeAndDecodeSendFailed() {
        final SendFailedCodec.Failure failure =
            new SendFailedCodec.Failure(9L, 1036, ErrorCode.INVALID_DESTINATION, "no");
        final String golden = "0000000000000009" + "0000040c" + String.format("%04x", ErrorCode.INVALID_DESTINATION.code())
            + "00000002" + "6e6f";
        assertThat(hex(SendFailedCodec.body(failure))).isEqualTo(golden);
        assertThat(SendFailedCodec.decode(bytes(golden))).isEqualTo(failure);
    }

    @Test
    void shouldRejectMalformedBodies() {
        assertMalformed(() -> UnansweredSendCodec.sessionId(bytes("00000000000000090000")));
        assertMalformed(() -> UnansweredSendCodec.record(bytes("0000000000000009")));
        assertMalformed(() -> SendCreditCodec.decode(bytes("0000000000000009" + "00000000")));
        assertMalformed(() -> SendCreditCodec.decode(bytes("0000000000000009" + "ffffffff")));
        assertMalformed(() -> SendCreditCodec.decode(bytes("0000000000000009" + "0001")));
        assertMalformed(() -> SendFailedCodec.decode(bytes("0000000000000009" + "ffffffff" + "0001" + "00000000")));
        assertMalformed(() -> SendFailedCodec.decode(bytes("0000000000000009" + "00000004" + "00")));
    }

    private static void assertMalformed(final Runnable decode) {
        assertThatThrownBy(decode::run).isInstanceOf(ProtocolException.class)
            .extracting(e -> ((ProtocolException) e).errorCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
    }
}
