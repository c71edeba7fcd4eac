package org.cairnmq.server.remoting.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.CodecSupport;
import org.cairnmq.protocol.codec.ErrorBodyCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.frame.FrameFlags;

/**
 * Writes frames to a channel from any thread: the frame is built on the channel's allocator and
 * handed to {@link Channel#writeAndFlush}, which queues it on the channel's event loop in call order.
 * A write to a closed channel is dropped (Netty releases the buffer).
 */
public final class OutboundFrames {

    private OutboundFrames() {
    }

    /**
     * Writes one frame.
     *
     * @param channel the channel
     * @param command the command
     * @param flags the frame flags
     * @param correlationId the correlation id
     * @param status the status
     * @param body writes the body
     * @return the write's future; a failed write closes the channel
     */
    public static ChannelFuture write(
        final Channel channel, final CommandCode command, final byte flags, final long correlationId,
        final ErrorCode status, final BodyWriter body) {
        return channel.writeAndFlush(CodecSupport.encodeFrame(channel.alloc(), command, flags, correlationId, status, body))
            .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    /**
     * Writes an error: a response when {@code correlationId} names a request, otherwise a one-way
     * ERROR frame. A command this version does not know is answered as {@link CommandCode#ERROR}.
     *
     * @param channel the channel
     * @param correlationId the failed request's correlation id, {@code 0} for none
     * @param command the failed request's command
     * @param errorCode the error
     * @param message the reason, starting with a stable id
     * @return the write's future
     */
    public static ChannelFuture writeError(
        final Channel channel, final long correlationId, final CommandCode command, final ErrorCode errorCode,
        final String message) {
        final boolean response = correlationId != 0L;
        final CommandCode answered = response && command != CommandCode.UNKNOWN ? command : CommandCode.ERROR;
        return write(channel, answered, response ? FrameFlags.RESPONSE : FrameFlags.ONE_WAY, correlationId,
            errorCode, ErrorBodyCodec.body(message));
    }
}
