package org.cairnmq.server.remoting.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.atomic.AtomicInteger;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a server's open connections and turns away those beyond the maximum: such a channel gets
 * this handler alone, which writes one {@code RESOURCE_ALLOCATION} ERROR frame and closes it.
 *
 * <p>Thread safety: the count is atomic; the handler is shared by every rejected channel.
 */
@ChannelHandler.Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);

    private final int maxConnections;
    private final AtomicInteger openConnections = new AtomicInteger();

    /**
     * @param maxConnections the most connections open at once
     */
    public ConnectionLimiter(final int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /**
     * Counts a new channel until it closes.
     *
     * @param channel the accepted channel
     * @return whether it is within the limit; when not, install this handler alone on it
     */
    public boolean admit(final Channel channel) {
        final int open = openConnections.incrementAndGet();
        channel.closeFuture().addListener(future -> openConnections.decrementAndGet());
        return open <= maxConnections;
    }

    /**
     * Returns the number of open connections.
     *
     * @return the count, rejected ones included until they close
     */
    public int openConnections() {
        return openConnections.get();
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) {
        LOG.warn("Refused a connection from {}: {} connections are open, the maximum", ctx.channel().remoteAddress(),
            maxConnections);
        OutboundFrames.writeError(ctx.channel(), 0L, CommandCode.ERROR, ErrorCode.RESOURCE_ALLOCATION,
            "CAIRN-1020 The server has reached its maximum of " + maxConnections + " connections")
            .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
        ReferenceCountUtil.release(msg);
    }
}
