package org.cairnmq.server.remoting.internal;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.ErrorBodyCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.frame.FrameFlags;
import org.cairnmq.server.remoting.RemotingConnection;

/**
 * The {@link RemotingConnection} of one authenticated Netty channel.
 *
 * <p>Thread safety: every method may be called from any thread. Writes go through
 * {@link Channel#writeAndFlush}, which runs them on the channel's event loop in call order; the
 * listeners run on the event loop.
 */
public final class NettyRemotingConnection implements RemotingConnection {

    private final Channel channel;
    private final long connectionId;
    private final String user;
    private final List<Runnable> writableListeners = new CopyOnWriteArrayList<>();

    /**
     * @param channel the channel
     * @param connectionId the id given at the handshake
     * @param user the authenticated user, {@code null} for anonymous
     */
    public NettyRemotingConnection(final Channel channel, final long connectionId, final String user) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.connectionId = connectionId;
        this.user = user;
    }

    @Override
    public long connectionId() {
        return connectionId;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String remoteAddress() {
        return String.valueOf(channel.remoteAddress());
    }

    @Override
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    public void respond(final long correlationId, final CommandCode command, final BodyWriter body) {
        OutboundFrames.write(channel, command, FrameFlags.RESPONSE, correlationId, ErrorCode.OK, body);
    }

    @Override
    public void respondError(
        final long correlationId, final CommandCode command, final ErrorCode errorCode, final String message) {
        OutboundFrames.write(channel, command, FrameFlags.RESPONSE, correlationId, errorCode,
            ErrorBodyCodec.body(message));
    }

    @Override
    public void push(final CommandCode command, final BodyWriter body) {
        OutboundFrames.write(channel, command, FrameFlags.ONE_WAY, 0L, ErrorCode.OK, body);
    }

    @Override
    public void runInOrder(final Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (final RejectedExecutionException shutDown) {
            // The loop is gone with its connections; nothing is left to write to.
        }
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public void onWritable(final Runnable listener) {
        writableListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void onClose(final Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        channel.closeFuture().addListener(future -> listener.run());
    }

    @Override
    public void close() {
        channel.close();
    }

    /** Runs the writable listeners; called on the event loop when the channel becomes writable. */
    public void fireWritable() {
        for (final Runnable listener : writableListeners) {
            listener.run();
        }
    }

    @Override
    public String toString() {
        return "connection " + connectionId + " (" + remoteAddress() + (user == null ? "" : ", user " + user) + ")";
    }
}
