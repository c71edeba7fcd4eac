package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** What the golden-bytes tests share: a body as hex, and hex as a buffer. */
final class GoldenBytes {

    private GoldenBytes() {
    }

    /** The bytes a body writer writes, as lower-case hex. */
    static String hex(final BodyWriter writer) {
        final ByteBuf out = Unpooled.buffer();
        try {
            writer.write(out);
            return ByteBufUtil.hexDump(out);
        } finally {
            out.release();
        }
    }

    /** A buffer holding the bytes a hex string spells. */
    static ByteBuf bytes(final String hex) {
        return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
    }
}
