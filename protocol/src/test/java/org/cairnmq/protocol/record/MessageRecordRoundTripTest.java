package org.cairnmq.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.NettyLeakDetectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class MessageRecordRoundTripTest {

    private static final String UNICODE = "Grüße, 世界 \uD83D\uDE00 \u0000 end";

    private final MessageRecordWriter writer = new MessageRecordWriter();
    private final MessageRecordFlyweight record = new MessageRecordFlyweight();

    @Test
    void shouldRoundTripEveryHeaderField() {
        writer.persistent(true).priority(9).deliveryCount(3)
            .timestamp(Long.MAX_VALUE).expiration(Long.MIN_VALUE).deliveryTime(-1L)
            .messageId(UNICODE).destination(DestinationKind.TEMP_TOPIC, UNICODE)
            .replyTo(DestinationKind.TEMP_QUEUE, "reply").type("");

        roundTrip(r -> {
            assertThat(r.isPersistent()).isTrue();
            assertThat(r.priority()).isEqualTo(9);
            assertThat(r.deliveryCount()).isEqualTo(3);
            assertThat(r.timestamp()).isEqualTo(Long.MAX_VALUE);
            assertThat(r.expiration()).isEqualTo(Long.MIN_VALUE);
            assertThat(r.deliveryTime()).isEqualTo(-1L);
            assertThat(r.messageId()).isEqualTo(UNICODE);
            assertThat(r.destinationKind()).isEqualTo(DestinationKind.TEMP_TOPIC);
            assertThat(r.destinationName()).isEqualTo(UNICODE);
            assertThat(r.hasReplyTo()).isTrue();
            assertThat(r.replyToKind()).isEqualTo(DestinationKind.TEMP_QUEUE);
            assertThat(r.replyToName()).isEqualTo("reply");
            assertThat(r.type()).isEmpty();
            assertThat(r.hasCorrelationId()).isFalse();
            assertThat(r.bodyType()).isEqualTo(BodyType.MESSAGE);
            assertThat(r.bodyLength()).isZero();
        });
    }

    @Test
    void shouldLeaveAbsentOptionalFieldsAbsent() {
        writer.destination(DestinationKind.QUEUE, "q");

        roundTrip(r -> {
            assertThat(r.isPersistent()).isFalse();
            assertThat(r.priority()).isEqualTo(4);
            assertThat(r.hasMessageId()).isFalse();
            assertThat(r.messageId()).isNull();
            assertThat(r.correlationId()).isNull();
            assertThat(r.correlationIdAsBytes()).isNull();
            assertThat(r.hasReplyTo()).isFalse();
            assertThat(r.replyToKind()).isNull();
            assertThat(r.replyToName()).isNull();
            assertThat(r.type()).isNull();
            assertThat(r.propertyCount()).isZero();
        });
    }

    @Test
    void shouldKeepAStringCorrelationIdApartFromABytesOne() {
        writer.destination(DestinationKind.QUEUE, "q").correlationId(UNICODE);
        roundTrip(r -> {
            assertThat(r.isCorrelationIdBytes()).isFalse();
            assertThat(r.correlationId()).isEqualTo(UNICODE);
            assertThat(r.correlationIdAsBytes()).isEqualTo(UNICODE.getBytes(StandardCharsets.UTF_8));
        });

        final byte[] raw = {0, -1, (byte) 0xC3, 0x28};
        writer.reset().destination(DestinationKind.QUEUE, "q").correlationIdBytes(raw);
        roundTrip(r -> {
            assertThat(r.isCorrelationIdBytes()).isTrue();
            assertThat(r.correlationId()).isNull();
            assertThat(r.correlationIdAsBytes()).isEqualTo(raw);
        });
    }

    @Test
    void shouldRoundTripEveryPropertyTypeWithExtremeValues() {
        writer.destination(DestinationKind.TOPIC, "t")
            .putBooleanProperty("bTrue", true).putBooleanProperty("bFalse", false)
            .putByteProperty("byteMin", Byte.MIN_VALUE).putByteProperty("byteMax", Byte.MAX_VALUE)
            .putShortProperty("shortMin", Short.MIN_VALUE).putShortProperty("shortMax", Short.MAX_VALUE)
            .putIntProperty("intMin", Integer.MIN_VALUE).putIntProperty("intMax", Integer.MAX_VALUE)
            .putLongProperty("longMin", Long.MIN_VALUE).putLongProperty("longMax", Long.MAX_VALUE)
            .putFloatProperty("floatNaN", Float.NaN).putFloatProperty("floatMin", -Float.MAX_VALUE)
            .putFloatProperty("floatNegZero", -0.0f)
            .putDoubleProperty("doubleNaN", Double.NaN).putDoubleProperty("doubleInf", Double.NEGATIVE_INFINITY)
            .putDoubleProperty("doubleTiny", Double.MIN_VALUE)
            .putStringProperty("empty", "").putStringProperty("null", null).putStringProperty("unicode", UNICODE)
            .putStringProperty("long", "x".repeat(70_000))
            .putObjectProperty("名前", 42L);

        roundTrip(r -> {
            assertThat(r.propertyCount()).isEqualTo(21);
            assertThat(r.property("bTrue")).isEqualTo(true);
            assertThat(r.property("bFalse")).isEqualTo(false);
            assertThat(r.property("byteMin")).isEqualTo(Byte.MIN_VALUE);
            assertThat(r.property("byteMax")).isEqualTo(Byte.MAX_VALUE);
            assertThat(r.property("shortMin")).isEqualTo(Short.MIN_VALUE);
            assertThat(r.property("shortMax")).isEqualTo(Short.MAX_VALUE);
            assertThat(r.property("intMin")).isEqualTo(Integer.MIN_VALUE);
            assertThat(r.property("intMax")).isEqualTo(Integer.MAX_VALUE);
            assertThat(r.property("longMin")).isEqualTo(Long.MIN_VALUE);
            assertThat(r.property("longMax")).isEqualTo(Long.MAX_VALUE);
            assertThat((Float) r.property("floatNaN")).isNaN();
            assertThat(r.property("floatMin")).isEqualTo(-Float.MAX_VALUE);
            assertThat(Float.floatToRawIntBits((Float) r.property("floatNegZero"))).isEqualTo(Float.floatToRawIntBits(-0.0f));
            assertThat((Double) r.property("doubleNaN")).isNaN();
            assertThat(r.property("doubleInf")).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(r.property("doubleTiny")).isEqualTo(Double.MIN_VALUE);
            assertThat(r.property("empty")).isEqualTo("");
            assertThat(r.property("null")).isNull();
            assertThat(r.propertyExists("null")).isTrue();
            assertThat(r.property("unicode")).isEqualTo(UNICODE);
            assertThat(r.property("long")).isEqualTo("x".repeat(70_000));
            assertThat(r.property("名前")).isEqualTo(42L);
            assertThat(r.property("missing")).isNull();
            assertThat(r.propertyExists("missing")).isFalse();
            assertThat(r.propertyExists("bTru")).isFalse();
            assertThat(r.propertyExists("bTrueX")).isFalse();
        });
    }

    @Test
    void shouldVisitEveryPropertyInOrder() {
        writer.destination(DestinationKind.QUEUE, "q").putIntProperty("one", 1).putStringProperty("two", "2")
            .putStringProperty("three", null);
        final Map<String, Object> seen = new LinkedHashMap<>();

        roundTrip(r -> r.forEachProperty(seen::put));

        assertThat(seen).containsExactly(entry("one", 1), entry("two", "2"), entry("three", null));
    }

    @Test
    void shouldRejectPropertyValuesJmsDoesNotAllow() {
        assertThatThrownBy(() -> writer.putObjectProperty("c", 'c'))
            .isInstanceOf(ProtocolException.class)
            .satisfies(e -> assertThat(((ProtocolException) e).errorCode()).isEqualTo(ErrorCode.MESSAGE_FORMAT));
        assertThatThrownBy(() -> writer.putObjectProperty("b", new byte[0])).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> writer.putObjectProperty("l", List.of())).isInstanceOf(ProtocolException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "Grüße, 世界 \uD83D\uDE00"})
    void shouldRoundTripTextBodies(final String text) {
        writer.destination(DestinationKind.QUEUE, "q").textBody(text);
        roundTrip(r -> {
            assertThat(r.bodyType()).isEqualTo(BodyType.TEXT);
            assertThat(r.isBodyNull()).isFalse();
            assertThat(r.text()).isEqualTo(text);
        });
    }

    @Test
    void shouldKeepANullTextApartFromAnEmptyOne() {
        writer.destination(DestinationKind.QUEUE, "q").textBody(null);
        roundTrip(r -> {
            assertThat(r.isBodyNull()).isTrue();
            assertThat(r.text()).isNull();
            assertThat(r.body().readableBytes()).isZero();
        });
    }

    @Test
    void shouldRoundTripBytesBodiesFromArraysAndBuffers() {
        final byte[] bytes = new byte[300];
        Arrays.fill(bytes, (byte) -7);
        writer.destination(DestinationKind.QUEUE, "q").bytesBody(bytes);
        roundTrip(r -> assertThat(bodyBytes(r)).isEqualTo(bytes));

        final ByteBuf source = Unpooled.buffer().writeBytes(new byte[] {1, 2, 3, 4});
        try {
            source.readByte();
            writer.reset().destination(DestinationKind.QUEUE, "q").bytesBody(source);
            roundTrip(r -> {
                assertThat(r.bodyType()).isEqualTo(BodyType.BYTES);
                assertThat(bodyBytes(r)).containsExactly(2, 3, 4);
            });
            assertThat(source.readableBytes()).isEqualTo(3);
        } finally {
            source.release();
        }
    }

    @Test
    void shouldRoundTripObjectBodiesIncludingNull() {
        writer.destination(DestinationKind.QUEUE, "q").objectBody(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5});
        roundTrip(r -> {
            assertThat(r.bodyType()).isEqualTo(BodyType.OBJECT);
            assertThat(bodyBytes(r)).containsExactly(0xAC, 0xED, 0, 5);
        });

        writer.reset().destination(DestinationKind.QUEUE, "q").objectBody(null);
        roundTrip(r -> assertThat(r.isBodyNull()).isTrue());
    }

    @Test
    void shouldRoundTripMapAndStreamBodiesThroughTheirCodecs() {
        final Map<String, Object> map = new LinkedHashMap<>();
        map.put("i", 1);
        map.put("bytes", new byte[] {9});
        map.put("nothing", null);
        writer.destination(DestinationKind.QUEUE, "q").mapBody(map);
        roundTrip(r -> {
            assertThat(r.bodyType()).isEqualTo(BodyType.MAP);
            final Map<String, Object> decoded = MapBodyCodec.decode(r.body());
            assertThat(decoded).containsOnlyKeys("i", "bytes", "nothing");
            assertThat(decoded.get("bytes")).isEqualTo(new byte[] {9});
        });

        writer.reset().destination(DestinationKind.QUEUE, "q").streamBody(Arrays.asList("s", null, 'c'));
        roundTrip(r -> {
            assertThat(r.bodyType()).isEqualTo(BodyType.STREAM);
            assertThat(StreamBodyCodec.decode(r.body())).containsExactly("s", null, 'c');
        });
    }

    @Test
    void shouldReadARecordAtAnOffsetInsideALargerBuffer() {
        final ByteBuf out = Unpooled.buffer();
        try {
            out.writeLong(-1L);
            final int length = writer.destination(DestinationKind.QUEUE, "q").putIntProperty("p", 8).textBody("t")
                .writeTo(out);
            out.writeLong(-1L);

            record.wrap(out, Long.BYTES, length);

            assertThat(record.property("p")).isEqualTo(8);
            assertThat(record.text()).isEqualTo("t");
        } finally {
            out.release();
        }
    }

    private void roundTrip(final Consumer<MessageRecordFlyweight> check) {
        final ByteBuf out = Unpooled.buffer();
        try {
            final int length = writer.writeTo(out);
            assertThat(length).isEqualTo(out.readableBytes());
            check.accept(record.wrap(out));
        } finally {
            out.release();
        }
    }

    private static byte[] bodyBytes(final MessageRecordFlyweight r) {
        final ByteBuf body = r.body();
        final byte[] bytes = new byte[body.readableBytes()];
        body.getBytes(body.readerIndex(), bytes);
        return bytes;
    }
}
