package org.cairnmq.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.cairnmq.protocol.command.ProtocolException;

/**
 * Netty inbound handler that turns a byte stream into frames with a {@link FrameSplitter}.
 *
 * <p>Each decoded message is a retained {@link ByteBuf} slice holding one whole frame (header
 * included), to be read with a {@link FrameHeader} and released by the next handler. A rejected
 * frame is reported with {@code ctx.fireExceptionCaught(ProtocolException)} (not wrapped in a
 * {@code DecoderException}), after the splitter has skipped it: when
 * {@link ProtocolException#isStreamInSync()} is {@code true} the server answers with an error
 * response for {@link ProtocolException#correlationId()}, otherwise it closes the channel. The
 * cumulation buffer is owned and released by {@link ByteToMessageDecoder} on every path.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    private final FrameSplitter splitter;

    /**
     * Creates a decoder.
     *
     * @param maxFrameLengthBytes the longest frame accepted, header included
     */
    public FrameDecoder(final int maxFrameLengthBytes) {
        this.splitter = new FrameSplitter(maxFrameLengthBytes);
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out) {
        try {
            final ByteBuf frame = splitter.next(in);
            if (frame != null) {
                out.add(frame);
            }
        } catch (final ProtocolException e) {
            ctx.fireExceptionCaught(e);
        }
    }
}
