package org.cairnmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.protocol.codec.GoldenBytes.bytes;
import static org.cairnmq.protocol.codec.GoldenBytes.hex;

import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.NettyLeakDetectionExtension;
import org.cairnmq.protocol.record.DestinationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pins CLIENT_ID, UNSUBSCRIBE and the topic forms of CREATE_CONSUMER of docs/PROTOCOL.md. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class SubscriptionCodecGoldenBytesTest {

    @Test
    void shouldGiveTheNewCommandsTheirDecimalCodes() {
        assertThat(CommandCode.CLIENT_ID.code()).isEqualTo(4);
        assertThat(CommandCode.UNSUBSCRIBE.code()).isEqualTo(501);
        assertThat(CommandCode.fromCode(4)).isEqualTo(CommandCode.CLIENT_ID);
    }

    @Test
    void shouldEncodeAndDecodeClientId() {
        final String golden = "00000003" + "633131"; // "c11"
        assertThat(hex(ClientIdCodec.request("c11"))).isEqualTo(golden);
        assertThat(ClientIdCodec.decode(bytes(golden))).isEqualTo("c11");
    }

    @Test
    void shouldRejectANullClientIdAndTrailingBytes() {
        assertThatThrownBy(() -> ClientIdCodec.decode(bytes("ffffffff")))
            .isInstanceOf(ProtocolException.class)
            .satisfies(e -> assertThat(((ProtocolException) e).errorCode()).isEqualTo(ErrorCode.MALFORMED_FRAME));
        assertThatThrownBy(() -> ClientIdCodec.decode(bytes("00000001" + "63" + "00")))
            .isInstanceOf(ProtocolException.class);
    }

    @Test
    void shouldEncodeAndDecodeUnsubscribe() {
        final String golden = "00000004" + "73756231"; // "sub1"
        assertThat(hex(UnsubscribeCodec.request("sub1"))).isEqualTo(golden);
        assertThat(UnsubscribeCodec.decode(bytes(golden))).isEqualTo("sub1");
    }

    @Test
    void shouldEncodeASharedDurableTopicConsumer() {
        final String golden = "0000000000000001" + "0000000000000002"
            + "02" + "00000001" + "74" // TOPIC "t"
            + "ffffffff" // no selector
            + "06" // durable | shared
            + "00000001" + "73" // subscription "s"
            + "00000000"; // no initial credit
        final CreateConsumerCodec.Request request = new CreateConsumerCodec.Request(1L, 2L,
            new DestinationRef(DestinationKind.TOPIC, "t"), null,
            CreateConsumerCodec.DURABLE_FLAG | CreateConsumerCodec.SHARED_FLAG, "s", 0);
        assertThat(hex(CreateConsumerCodec.request(request))).isEqualTo(golden);
        assertThat(CreateConsumerCodec.decode(bytes(golden))).isEqualTo(request);
    }

    @Test
    void shouldHashAGroupToTheSameQueueOnBothSides() {
        assertThat(SubscriptionHeaders.queueOfGroup("g", 4)).isEqualTo(Math.floorMod("g".hashCode(), 4));
        assertThat(SubscriptionHeaders.queueOfGroup("anything", 1)).isZero();
    }
}
