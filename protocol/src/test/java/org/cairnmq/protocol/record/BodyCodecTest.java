package org.cairnmq.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.NettyLeakDetectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class BodyCodecTest {

    @Test
    void shouldRoundTripAMapWithEveryValueTypeInOrder() {
        final Map<String, Object> map = new LinkedHashMap<>();
        map.put("boolean", true);
        map.put("byte", Byte.MIN_VALUE);
        map.put("short", Short.MAX_VALUE);
        map.put("char", '\uFFFF');
        map.put("int", Integer.MIN_VALUE);
        map.put("long", Long.MAX_VALUE);
        map.put("float", Float.NaN);
        map.put("double", Double.POSITIVE_INFINITY);
        map.put("string", "Grüße \uD83D\uDE00");
        map.put("empty", "");
        map.put("bytes", new byte[] {1, 2, 3});
        map.put("emptyBytes", new byte[0]);
        map.put("null", null);
        map.put("", "empty name");

        final Map<String, Object> decoded = roundTripMap(map);

        assertThat(decoded.keySet()).containsExactlyElementsOf(map.keySet());
        for (final Map.Entry<String, Object> entry : map.entrySet()) {
            assertThat(decoded.get(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(decoded.get("char")).isInstanceOf(Character.class);
    }

    @Test
    void shouldRoundTripAnEmptyMapAndAnEmptyStream() {
        assertThat(roundTripMap(Map.of())).isEmpty();
        assertThat(roundTripStream(List.of())).isEmpty();
    }

    @Test
    void shouldRoundTripAStreamWithEveryItemTypeNullsAndBytesIncluded() {
        final List<Object> items = Arrays.asList(
            false, (byte) 1, (short) -2, 'x', 3, -4L, 5.5f, -6.25, "seven", "", new byte[] {8}, null, null);

        final List<Object> decoded = roundTripStream(items);

        assertThat(decoded).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            assertThat(decoded.get(i)).as("item " + i).isEqualTo(items.get(i));
        }
    }

    @Test
    void shouldPinTheStreamEncoding() {
        final ByteBuf out = Unpooled.buffer();
        try {
            StreamBodyCodec.encode(Arrays.asList(7, null, "a", new byte[] {-1}), out);

            assertThat(ByteBufUtil.hexDump(out)).isEqualTo(
                "00000004" + "05" + "00000007" + "00" + "09" + "00000001" + "61" + "0a" + "00000001" + "ff");
        } finally {
            out.release();
        }
    }

    @Test
    void shouldRejectValuesOfOtherClassesAsMessageFormat() {
        final ByteBuf out = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> StreamBodyCodec.encode(List.of(new Object()), out))
                .isInstanceOfSatisfying(ProtocolException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MESSAGE_FORMAT));
            assertThatThrownBy(() -> MapBodyCodec.encode(Map.of("k", new ArrayList<>()), out))
                .isInstanceOf(ProtocolException.class);
        } finally {
            out.release();
        }
    }

    @Test
    void shouldRejectEveryTruncationOfAMapBodyAsMalformed() {
        final Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "text");
        map.put("b", new byte[] {1, 2});
        map.put("l", 1L);
        final ByteBuf out = Unpooled.buffer();
        try {
            final int length = MapBodyCodec.encode(map, out);
            for (int truncated = 0; truncated < length; truncated++) {
                final int bodyLength = truncated;
                assertThatThrownBy(() -> MapBodyCodec.decode(out, 0, bodyLength))
                    .as("truncated to " + truncated)
                    .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MALFORMED_FRAME));
            }
            out.setByte(4 + 4 + 1, 99);
            assertThatThrownBy(() -> MapBodyCodec.decode(out)).isInstanceOf(ProtocolException.class);
        } finally {
            out.release();
        }
    }

    @Test
    void shouldRejectEveryTruncationOfAStreamBodyAsMalformed() {
        final ByteBuf out = Unpooled.buffer();
        try {
            final int length = StreamBodyCodec.encode(List.of("abc", 2.0, new byte[] {7}), out);
            for (int truncated = 0; truncated < length; truncated++) {
                final int bodyLength = truncated;
                assertThatThrownBy(() -> StreamBodyCodec.decode(out, 0, bodyLength))
                    .as("truncated to " + truncated)
                    .isInstanceOf(ProtocolException.class);
            }
        } finally {
            out.release();
        }
    }

    private static Map<String, Object> roundTripMap(final Map<String, ?> map) {
        final ByteBuf out = Unpooled.buffer();
        try {
            final int length = MapBodyCodec.encode(map, out);
            assertThat(length).isEqualTo(out.readableBytes());
            return MapBodyCodec.decode(out);
        } finally {
            out.release();
        }
    }

    private static List<Object> roundTripStream(final List<?> items) {
        final ByteBuf out = Unpooled.buffer();
        try {
            final int length = StreamBodyCodec.encode(items, out);
            assertThat(length).isEqualTo(out.readableBytes());
            return StreamBodyCodec.decode(out);
        } finally {
            out.release();
        }
    }
}
