package org.cairnmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.protocol.codec.GoldenBytes.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.NettyLeakDetectionExtension;
import org.cairnmq.protocol.record.DestinationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class ConnectionAndNamingCodecGoldenBytesTest {

    private static final String HANDSHAKE_REQUEST =
        "00000001" + "75" // user "u"
            + "00000001" + "70" // password "p"
            + "00000003" + "312e30"; // clientVersion "1.0"
    private static final String ANONYMOUS_HANDSHAKE_REQUEST =
        "ffffffff" // user null
            + "ffffffff" // password null
            + "00000003" + "312e30"; // clientVersion "1.0"
    private static final String HANDSHAKE_RESPONSE =
        "0000000000000007" // connectionId 7
            + "00000001" + "62" // brokerName "b"
            + "00000003" + "322e30" // serverVersion "2.0"
            + "01000000" // maxFrameLengthBytes 16 MiB
            + "00400000"; // maxMessageBytes 4 MiB
    private static final String REGISTER_BROKER =
        "00000001" + "62" // brokerName "b"
            + "00000003" + "683a31" // address "h:1"
            + "00000002" // count 2
            + "01" + "00000001" + "71" + "00000004" // QUEUE "q", 4 queues
            + "02" + "00000001" + "74" + "00000008"; // TOPIC "t", 8 queues
    private static final String UNREGISTER_BROKER = "00000001" + "62"; // brokerName "b"
    private static final String QUERY_ROUTE_REQUEST = "01" + "00000001" + "71"; // QUEUE "q"
    private static final String QUERY_ROUTE_RESPONSE =
        "00000001" // count 1
            + "00000001" + "62" // brokerName "b"
            + "00000003" + "683a31" // address "h:1"
            + "00000004"; // queueCount 4
    private static final String ERROR_BODY = "00000009" + "434149524e2d312078"; // "CAIRN-1 x"

    @Test
    void shouldWriteHandshakeRequestsExactlyAsTheProtocolSays() {
        assertThat(hex(new HandshakeCodec.Request("u", "p", "1.0"))).isEqualTo(HANDSHAKE_REQUEST);
        assertThat(hex(new HandshakeCodec.Request(null, null, "1.0"))).isEqualTo(ANONYMOUS_HANDSHAKE_REQUEST);
    }

    @Test
    void shouldReadTheGoldenHandshakeRequests() {
        assertThat(decode(HANDSHAKE_REQUEST, HandshakeCodec::decodeRequest))
            .isEqualTo(new HandshakeCodec.Request("u", "p", "1.0"));
        assertThat(decode(ANONYMOUS_HANDSHAKE_REQUEST, HandshakeCodec::decodeRequest))
            .isEqualTo(new HandshakeCodec.Request(null, null, "1.0"));
    }

    @Test
    void shouldKeepThePasswordOutOfTheRequestsText() {
        assertThat(new HandshakeCodec.Request("u", "secret", "1.0").toString()).doesNotContain("secret");
    }

    @Test
    void shouldWriteAndReadTheGoldenHandshakeResponse() {
        final HandshakeCodec.Response response = new HandshakeCodec.Response(7L, "b", "2.0", 16 << 20, 4 << 20);

        assertThat(hex(response)).isEqualTo(HANDSHAKE_RESPONSE);
        assertThat(decode(HANDSHAKE_RESPONSE, HandshakeCodec::decodeResponse)).isEqualTo(response);
    }

    @Test
    void shouldWriteAndReadTheGoldenRegisterBrokerRequest() {
        final RegisterBrokerCodec.Request request = new RegisterBrokerCodec.Request("b", "h:1", List.of(
            new RegisterBrokerCodec.TopicEntry(DestinationKind.QUEUE, "q", 4),
            new RegisterBrokerCodec.TopicEntry(DestinationKind.TOPIC, "t", 8)));

        assertThat(hex(request)).isEqualTo(REGISTER_BROKER);
        assertThat(decode(REGISTER_BROKER, RegisterBrokerCodec::decode)).isEqualTo(request);
    }

    @Test
    void shouldWriteAndReadTheGoldenUnregisterBrokerRequest() {
        assertThat(hex(UnregisterBrokerCodec.request("b"))).isEqualTo(UNREGISTER_BROKER);
        assertThat(decode(UNREGISTER_BROKER, UnregisterBrokerCodec::decode)).isEqualTo("b");
    }

    @Test
    void shouldWriteAndReadTheGoldenQueryRouteBodies() {
        final QueryRouteCodec.Request request = new QueryRouteCodec.Request(DestinationKind.QUEUE, "q");
        final QueryRouteCodec.Response response =
            new QueryRouteCodec.Response(List.of(new QueryRouteCodec.BrokerRoute("b", "h:1", 4)));

        assertThat(hex(request)).isEqualTo(QUERY_ROUTE_REQUEST);
        assertThat(decode(QUERY_ROUTE_REQUEST, QueryRouteCodec::decodeRequest)).isEqualTo(request);
        assertThat(hex(response)).isEqualTo(QUERY_ROUTE_RESPONSE);
        assertThat(decode(QUERY_ROUTE_RESPONSE, QueryRouteCodec::decodeResponse)).isEqualTo(response);
    }

    @Test
    void shouldWriteAndReadTheGoldenErrorBody() {
        assertThat(hex(ErrorBodyCodec.body("CAIRN-1 x"))).isEqualTo(ERROR_BODY);
        assertThat(decode(ERROR_BODY, ErrorBodyCodec::decode)).isEqualTo("CAIRN-1 x");
    }

    @Test
    void shouldReadABrokenErrorBodyWithoutFailing() {
        assertThat(decode("0000", ErrorBodyCodec::decode)).isEqualTo("(no message)");
        assertThat(decode("0000000a" + "41", ErrorBodyCodec::decode)).isEqualTo("(malformed error message)");
    }

    @Test
    void shouldRejectATruncatedBodyAsMalformed() {
        final String truncated = HANDSHAKE_RESPONSE.substring(0, HANDSHAKE_RESPONSE.length() - 2);

        assertMalformed(truncated, HandshakeCodec::decodeResponse);
        assertMalformed(REGISTER_BROKER.substring(0, REGISTER_BROKER.length() - 2), RegisterBrokerCodec::decode);
    }

    @Test
    void shouldRejectBytesAfterTheLastFieldAsMalformed() {
        assertMalformed(UNREGISTER_BROKER + "00", UnregisterBrokerCodec::decode);
        assertMalformed(QUERY_ROUTE_REQUEST + "00", QueryRouteCodec::decodeRequest);
    }

    @Test
    void shouldRejectACountTheBodyCannotHoldBeforeAllocating() {
        assertMalformed("7fffffff", QueryRouteCodec::decodeResponse);
        assertMalformed("ffffffff", QueryRouteCodec::decodeResponse);
    }

    @Test
    void shouldRejectAnUnknownDestinationKind() {
        assertMalformed("09" + "00000001" + "71", QueryRouteCodec::decodeRequest);
    }

    @Test
    void shouldRejectANullWhereAStringIsRequired() {
        assertMalformed("ffffffff" + "ffffffff" + "ffffffff", HandshakeCodec::decodeRequest);
    }

    private static <T> T decode(final String hex, final Function<ByteBuf, T> decoder) {
        final ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
        try {
            final T value = decoder.apply(in);
            assertThat(in.isReadable()).isFalse();
            return value;
        } finally {
            in.release();
        }
    }

    private static void assertMalformed(final String hex, final Function<ByteBuf, ?> decoder) {
        final ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
        try {
            assertThatThrownBy(() -> decoder.apply(in))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_FRAME);
                    assertThat(e.isStreamInSync()).isTrue();
                });
        } finally {
            in.release();
        }
    }
}
