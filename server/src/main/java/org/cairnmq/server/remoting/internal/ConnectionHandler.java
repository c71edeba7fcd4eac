package org.cairnmq.server.remoting.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.CodecSupport;
import org.cairnmq.protocol.codec.HandshakeCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.FrameFlags;
import org.cairnmq.protocol.frame.FrameHeader;
import org.cairnmq.server.remoting.Authenticator;
import org.cairnmq.server.remoting.CommandProcessor;
import org.cairnmq.server.remoting.ProcessorRegistry;
import org.cairnmq.server.remoting.ServerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last inbound handler of a server channel: the connection's state machine.
 *
 * <pre>
 *  frame ──► before HANDSHAKE: HANDSHAKE ──► Authenticator ──► OK: connection id, response
 *            │                 │                           └─► AUTHENTICATION_FAILED, close
 *            │                 └─ anything else: ILLEGAL_STATE, close
 *            after: HEARTBEAT (answered when a request), CLOSE (answered, then close),
 *                   everything else ──► ProcessorRegistry ──► CommandProcessor
 *                                        (none: UNKNOWN_COMMAND; ProtocolException: its error,
 *                                         and close when the stream is out of sync)
 * </pre>
 *
 * <p>Every frame is released after its processor returns, whatever happens. Decoder failures arrive
 * as {@link ProtocolException}s in {@link #exceptionCaught}: answered, and the channel closed when the
 * stream is out of sync. One channel's failures never reach another channel.
 *
 * <p>Owning thread: the channel's event loop; one instance per channel.
 */
public final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final ProcessorRegistry registry;
    private final Authenticator authenticator;
    private final ServerIdentity identity;
    private final int maxFrameLengthBytes;
    private final AtomicLong connectionIds;
    private final FrameHeader header = new FrameHeader();
    private NettyRemotingConnection connection;

    /**
     * @param registry the processors
     * @param authenticator checks handshake credentials
     * @param identity what the handshake response says about the server
     * @param maxFrameLengthBytes the frame limit, reported at the handshake
     * @param connectionIds the server-wide source of connection ids
     */
    public ConnectionHandler(
        final ProcessorRegistry registry, final Authenticator authenticator, final ServerIdentity identity,
        final int maxFrameLengthBytes, final AtomicLong connectionIds) {
        this.registry = registry;
        this.authenticator = authenticator;
        this.identity = identity;
        this.maxFrameLengthBytes = maxFrameLengthBytes;
        this.connectionIds = connectionIds;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
        final ByteBuf frame = (ByteBuf) msg;
        try {
            onFrame(ctx, frame);
        } finally {
            frame.release();
        }
    }

    private void onFrame(final ChannelHandlerContext ctx, final ByteBuf frame) {
        header.wrap(frame, frame.readerIndex());
        if (header.isResponse()) {
            return;
        }
        final CommandCode command = header.command();
        final long correlationId = header.correlationId();
        if (connection == null) {
            if (command == CommandCode.HANDSHAKE) {
                onHandshake(ctx, correlationId, header.body());
            } else {
                failAndClose(ctx, correlationId, command, ErrorCode.ILLEGAL_STATE,
                    "CAIRN-1010 The first command on a connection must be HANDSHAKE, not " + command);
            }
            return;
        }
        switch (command) {
            case HEARTBEAT -> {
                if (header.isRequest()) {
                    connection.respond(correlationId, command, BodyWriter.EMPTY);
                }
            }
            case CLOSE -> OutboundFrames.write(ctx.channel(), command, FrameFlags.RESPONSE, correlationId,
                ErrorCode.OK, BodyWriter.EMPTY).addListener(ChannelFutureListener.CLOSE);
            case HANDSHAKE -> OutboundFrames.writeError(ctx.channel(), correlationId, command, ErrorCode.ILLEGAL_STATE,
                "CAIRN-1011 The connection has already completed its HANDSHAKE");
            default -> dispatch(ctx, command, correlationId);
        }
    }

    private void onHandshake(final ChannelHandlerContext ctx, final long correlationId, final ByteBuf body) {
        final String user;
        try {
            final HandshakeCodec.Request request = HandshakeCodec.decodeRequest(body);
            user = authenticator.authenticate(request.user(), request.password());
        } catch (final ProtocolException e) {
            LOG.info("Rejected the handshake of {}: {}", ctx.channel().remoteAddress(), CodecSupport.reasonOf(e));
            failAndClose(ctx, correlationId, CommandCode.HANDSHAKE, e.errorCode(), CodecSupport.reasonOf(e));
            return;
        }
        connection = new NettyRemotingConnection(ctx.channel(), connectionIds.incrementAndGet(), user);
        LOG.debug("Accepted {}", connection);
        connection.respond(correlationId, CommandCode.HANDSHAKE, new HandshakeCodec.Response(connection.connectionId(),
            identity.serverName(), identity.serverVersion(), maxFrameLengthBytes, identity.maxMessageBytes()));
    }

    private void dispatch(final ChannelHandlerContext ctx, final CommandCode command, final long correlationId) {
        final CommandProcessor processor = registry.processorFor(command);
        if (processor == null) {
            OutboundFrames.writeError(ctx.channel(), correlationId, command, ErrorCode.UNKNOWN_COMMAND,
                "CAIRN-1004 Unknown command code " + header.commandCodeValue());
            return;
        }
        try {
            processor.process(connection, header, header.body());
        } catch (final ProtocolException e) {
            OutboundFrames.writeError(ctx.channel(), correlationId, command, e.errorCode(), CodecSupport.reasonOf(e));
            if (!e.isStreamInSync()) {
                ctx.close();
            }
        } catch (final RuntimeException e) {
            LOG.warn("The processor of {} failed on {}", command, connection, e);
            OutboundFrames.writeError(ctx.channel(), correlationId, command, ErrorCode.INTERNAL,
                "CAIRN-1900 Internal error while processing " + command + ": " + e);
        }
    }

    private static void failAndClose(
        final ChannelHandlerContext ctx, final long correlationId, final CommandCode command,
        final ErrorCode errorCode, final String message) {
        OutboundFrames.writeError(ctx.channel(), correlationId, command, errorCode, message)
            .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        if (cause instanceof ProtocolException e) {
            LOG.debug("Frame rejected on {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            // Before the handshake nothing proves the peer speaks this protocol at all (an HTTP
            // request reads as a 1 GiB frame): answer and close rather than skip what it declared.
            if (e.isStreamInSync() && connection != null) {
                OutboundFrames.writeError(ctx.channel(), e.correlationId(), CommandCode.ERROR, e.errorCode(),
                    CodecSupport.reasonOf(e));
            } else {
                failAndClose(ctx, e.correlationId(), CommandCode.ERROR, e.errorCode(), CodecSupport.reasonOf(e));
            }
            return;
        }
        if (cause instanceof IOException) {
            LOG.debug("Connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("Closing {} after an unexpected failure", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) {
        if (event instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.READER_IDLE) {
                LOG.info("Closing {}: nothing received within the idle timeout", ctx.channel().remoteAddress());
                ctx.close();
            } else if (idle.state() == IdleState.WRITER_IDLE && connection != null) {
                connection.push(CommandCode.HEARTBEAT, BodyWriter.EMPTY);
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx) {
        if (connection != null && ctx.channel().isWritable()) {
            connection.fireWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) {
        if (connection != null) {
            LOG.debug("Closed {}", connection);
        }
        ctx.fireChannelInactive();
    }
}
