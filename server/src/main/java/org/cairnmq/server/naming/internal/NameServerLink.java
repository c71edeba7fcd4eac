package org.cairnmq.server.naming.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.ErrorBodyCodec;
import org.cairnmq.protocol.codec.HandshakeCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.frame.FrameDecoder;
import org.cairnmq.protocol.frame.FrameDescriptor;
import org.cairnmq.protocol.frame.FrameFlags;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.remoting.ServerIdentity;
import org.cairnmq.server.remoting.internal.OutboundFrames;
import org.cairnmq.server.remoting.internal.Transports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker's connection to one name server: a minimal protocol client that handshakes, then sends
 * registrations and reads their answers only to log refusals. It reconnects on the next send after
 * the connection is lost.
 *
 * <p>Design note: the server cannot depend on the provider's client, and a registration needs no
 * request futures (the next one follows within the register interval), so this link stays a
 * fire-and-log sender rather than a second general client.
 *
 * <p>Thread safety: any thread; the channel is replaced atomically on reconnect.
 */
public final class NameServerLink {

    private static final Logger LOG = LoggerFactory.getLogger(NameServerLink.class);
    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private static final long CLOSE_WAIT_MS = 1_000L;

    private final HostPort address;
    private final EventLoopGroup group;
    private final HandshakeCodec.Request handshake;
    private final AtomicLong correlationIds = new AtomicLong();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile Channel channel;
    private volatile boolean warnedUnreachable;

    /**
     * @param address the name server, {@code host:port}
     * @param group the event loops to run on
     * @param user the user to handshake as, {@code null} for anonymous
     * @param password the password, {@code null} for anonymous
     */
    public NameServerLink(final String address, final EventLoopGroup group, final String user, final String password) {
        this.address = HostPort.parse(address);
        this.group = group;
        this.handshake = new HandshakeCodec.Request(user, password, ServerIdentity.CURRENT_VERSION);
    }

    /**
     * Sends a request if connected; otherwise starts connecting, and the request is dropped (the
     * next periodic one goes out on the new connection).
     *
     * @param command the command
     * @param body the body
     */
    public void send(final CommandCode command, final BodyWriter body) {
        if (group.isShuttingDown()) {
            return;
        }
        final Channel current = channel;
        if (current != null && current.isActive()) {
            OutboundFrames.write(current, command, FrameFlags.REQUEST, correlationIds.incrementAndGet(), ErrorCode.OK,
                body);
        } else {
            connect(command, body);
        }
    }

    private void connect(final CommandCode firstCommand, final BodyWriter firstBody) {
        if (group.isShuttingDown() || !connecting.compareAndSet(false, true)) {
            return;
        }
        final ChannelFuture future = new Bootstrap().group(group)
            .channel(Transports.clientChannelType())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel ch) {
                    ch.pipeline().addLast(new FrameDecoder(FrameDescriptor.DEFAULT_MAX_FRAME_LENGTH_BYTES),
                        new ResponseLogger());
                }
            })
            .connect(address.host(), address.port());
        future.addListener(done -> {
            connecting.set(false);
            if (!done.isSuccess()) {
                if (!warnedUnreachable) {
                    warnedUnreachable = true;
                    LOG.warn("Name server {} is unreachable: {}", address, done.cause().toString());
                }
                return;
            }
            warnedUnreachable = false;
            channel = future.channel();
            OutboundFrames.write(channel, CommandCode.HANDSHAKE, FrameFlags.REQUEST, correlationIds.incrementAndGet(),
                ErrorCode.OK, handshake);
            OutboundFrames.write(channel, firstCommand, FrameFlags.REQUEST, correlationIds.incrementAndGet(),
                ErrorCode.OK, firstBody);
        });
    }

    /**
     * Sends a last request (the unregistration) if connected, waits briefly for it to be written,
     * and closes the connection.
     *
     * @param command the command
     * @param body the body
     */
    public void closeAfter(final CommandCode command, final BodyWriter body) {
        final Channel current = channel;
        if (current == null) {
            return;
        }
        if (current.isActive()) {
            OutboundFrames.write(current, command, FrameFlags.REQUEST, correlationIds.incrementAndGet(), ErrorCode.OK,
                body).awaitUninterruptibly(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        }
        current.close().awaitUninterruptibly(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
    }

    /** Logs the name server's refusals; the link needs nothing else from the answers. */
    private final class ResponseLogger extends SimpleChannelInboundHandler<ByteBuf> {

        private final FrameHeader header = new FrameHeader();

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final ByteBuf frame) {
            header.wrap(frame, frame.readerIndex());
            if (header.status() != ErrorCode.OK) {
                LOG.warn("Name server {} refused {}: {} {}", address, header.command(), header.status(),
                    ErrorBodyCodec.decode(header.body()));
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
            LOG.debug("Connection to name server {} failed: {}", address, cause.toString());
            ctx.close();
        }
    }
}
