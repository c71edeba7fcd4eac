package org.cairnmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A truncated or inconsistent body is a MALFORMED_FRAME, never an IndexOutOfBoundsException. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MalformedMessagingBodyTest {

    private static ByteBuf bytes(final String hex) {
        return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
    }

    private static void assertMalformed(final Runnable decode) {
        assertThatThrownBy(decode::run).isInstanceOf(ProtocolException.class)
            .extracting(e -> ((ProtocolException) e).errorCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
    }

    @Test
    void shouldRejectASendShorterThanItsFixedFields() {
        assertMalformed(() -> new SendFlyweight().wrap(bytes("00000000000000070000")));
    }

    @Test
    void shouldRejectAnAckWhoseCountDoesNotMatchItsLength() {
        assertMalformed(() -> new AckFlyweight().wrap(bytes("0000000000000002" + "0000000000000000" + "00"
            + "00000002" + "0000000000000011")));
    }

    @Test
    void shouldRejectAnAckWithAnUnknownMode() {
        assertMalformed(() -> new AckFlyweight().wrap(bytes("0000000000000002" + "0000000000000000" + "07"
            + "00000000")));
    }

    @Test
    void shouldRejectABatchWhoseRecordRunsPastTheBody() {
        assertMalformed(() -> SendBatchCodec.decode(bytes("0000000000000000" + "00000001" + "00000000"
            + "00000010" + "0102")));
    }

    @Test
    void shouldRejectACloseConsumerWithMoreIdsThanBytes() {
        assertMalformed(() -> CloseConsumerCodec.decode(bytes("0000000000000005" + "7fffffff")));
    }

    @Test
    void shouldRejectAnUnknownDestinationKind() {
        assertMalformed(() -> DestinationCodec.decodeDelete(bytes("09" + "00000001" + "71")));
    }

    @Test
    void shouldRejectNegativeCredit() {
        assertMalformed(() -> CreditCodec.decode(bytes("0000000000000005" + "ffffffff")));
    }
}
