package org.cairnmq.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.protocol.codec.GoldenBytes.hex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.NettyLeakDetectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pins the XA bodies of docs/PROTOCOL.md byte for byte, and decodes the same bytes back. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@ExtendWith(NettyLeakDetectionExtension.class)
class XaCodecGoldenBytesTest {

    private static final XaXid XID = new XaXid(0x1234, new byte[] {(byte) 0xAB, (byte) 0xCD}, new byte[] {1});
    private static final String XID_HEX = "00001234" + "02" + "abcd" + "01" + "01";

    private static <T> T decode(final String hex, final java.util.function.Function<ByteBuf, T> decoder) {
        final ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
        try {
            final T decoded = decoder.apply(in);
            assertThat(in.isReadable()).as("every byte read").isFalse();
            return decoded;
        } finally {
            in.release();
        }
    }

    @Test
    void shouldEncodeAndDecodeStart() {
        final String golden = "0000000000000007" + "0000000000000009" + "00200000" + "0000001e" + XID_HEX;
        assertThat(hex(XaCodec.start(7, 9, 0x00200000, 30, XID))).isEqualTo(golden);
        assertThat(decode(golden, XaCodec::decodeStart))
                .isEqualTo(new XaCodec.StartRequest(7, 9, 0x00200000, 30, XID));
    }

    @Test
    void shouldEncodeAndDecodeEnd() {
        final String golden = "0000000000000007" + "0000000000000009" + "20000000" + XID_HEX;
        assertThat(hex(XaCodec.end(7, 9, 0x20000000, XID))).isEqualTo(golden);
        assertThat(decode(golden, XaCodec::decodeEnd)).isEqualTo(new XaCodec.EndRequest(7, 9, 0x20000000, XID));
    }

    @Test
    void shouldEncodeAndDecodeCommitWithItsPhase() {
        assertThat(hex(XaCodec.commit(XID, true))).isEqualTo(XID_HEX + "01");
        assertThat(decode(XID_HEX + "00", XaCodec::decodeCommit)).isEqualTo(new XaCodec.CommitRequest(XID, false));
    }

    @Test
    void shouldEncodePrepareVoteAndRecoverList() {
        assertThat(hex(XaCodec.xid(XID))).isEqualTo(XID_HEX);
        assertThat(hex(XaCodec.prepareResponse(XaCodec.VOTE_READ_ONLY))).isEqualTo("00000003");
        assertThat(decode("00000000", XaCodec::decodePrepareResponse)).isEqualTo(XaCodec.VOTE_OK);
        final String list = "00000002" + XID_HEX + XID_HEX;
        assertThat(hex(XaCodec.recoverResponse(List.of(XID, XID)))).isEqualTo(list);
        assertThat(decode(list, XaCodec::decodeRecoverResponse)).containsExactly(XID, XID);
    }

    @Test
    void shouldCompareXidsByValue() {
        final XaXid copy = new XaXid(0x1234, new byte[] {(byte) 0xAB, (byte) 0xCD}, new byte[] {1});
        assertThat(copy).isEqualTo(XID).hasSameHashCodeAs(XID);
        assertThat(new XaXid(0x1234, new byte[] {(byte) 0xAB}, new byte[] {1})).isNotEqualTo(XID);
    }

    @Test
    void shouldRejectAnOverlongXidPartAndAHostileCount() {
        assertThatThrownBy(() -> decode("00001234" + "41" + "00".repeat(65) + "00", XaXid::read))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> decode("7fffffff", XaCodec::decodeRecoverResponse))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> new XaXid(1, new byte[0], new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
