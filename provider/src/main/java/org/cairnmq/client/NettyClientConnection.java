package org.cairnmq.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.CodecSupport;
import org.cairnmq.protocol.codec.ErrorBodyCodec;
import org.cairnmq.protocol.codec.HandshakeCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;
import org.cairnmq.protocol.frame.FrameFlags;
import org.cairnmq.protocol.frame.FrameHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ClientConnection} over a Netty channel, opened by {@link ClientConnector}.
 *
 * <pre>
 *  request ──► correlation id (AtomicLong) ──► pending map ──► channel
 *  response ─► pending.remove(id) ──► OK: complete(body)  /  error: ProtocolException(status, message)
 *  timeout (event-loop timer) ──► pending.remove(id) ──► RequestTimeoutException
 *  channel closed ──► every pending request fails with ConnectionLostException, close listeners run
 *  one-way from the server ──► HEARTBEAT ignored, ERROR remembered, others to their onPush handler
 * </pre>
 *
 * <p>Thread safety: every public method may be called from any thread. Frames are read and push
 * handlers run on the channel's event loop.
 */
public final class NettyClientConnection implements ClientConnection {

    private static final Logger LOG = LoggerFactory.getLogger(NettyClientConnection.class);
    private static final long CLOSE_WAIT_MS = 1_000L;

    private final Channel channel;
    private final ConnectorConfig config;
    private final AtomicLong correlationIds = new AtomicLong();
    private final Map<Long, CompletableFuture<ByteBuf>> pending = new ConcurrentHashMap<>();
    private final Map<CommandCode, Consumer<ByteBuf>> pushHandlers = new ConcurrentHashMap<>();
    private final List<Consumer<Throwable>> closeListeners = new CopyOnWriteArrayList<>();
    private final Object closeLock = new Object();
    private volatile long connectionId;
    private volatile ServerInfo serverInfo;
    private volatile String lastServerError;
    private volatile ProtocolException lastServerRefusal;
    private boolean closed;
    private boolean closedByUser;
    private Throwable closeCause;

    NettyClientConnection(final Channel channel, final ConnectorConfig config) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.config = Objects.requireNonNull(config, "config");
        channel.closeFuture().addListener(future -> onChannelClosed());
    }

    /** Returns the inbound handler to install after the frame decoder. */
    ChannelInboundHandlerAdapter handler() {
        return new Handler();
    }

    /**
     * Sends the HANDSHAKE and records the server's answer.
     *
     * @param request the credentials and client version
     * @return completes when the handshake is accepted, exceptionally with a
     *     {@link ProtocolException} when it is refused
     */
    CompletableFuture<ClientConnection> handshake(final HandshakeCodec.Request request) {
        return request(CommandCode.HANDSHAKE, request).thenApply(body -> {
            try {
                final HandshakeCodec.Response response = HandshakeCodec.decodeResponse(body);
                connectionId = response.connectionId();
                serverInfo = new ServerInfo(response.brokerName(), response.serverVersion(),
                    response.maxFrameLengthBytes(), response.maxMessageBytes());
                return this;
            } finally {
                body.release();
            }
        });
    }

    @Override
    public long connectionId() {
        return connectionId;
    }

    @Override
    public ServerInfo serverInfo() {
        return serverInfo;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Design note: the timer and the write are set up in one task on the channel's event loop
     * rather than from the calling thread. The loop may be shutting down (the last connection of the
     * shared group closed concurrently); a rejected task then fails the request with a
     * {@link ConnectionLostException} here, instead of a write promise whose listener Netty can no
     * longer notify (it would log a RejectedExecutionException and never run it). It also costs one
     * task per request instead of two (schedule and write from outside the loop).
     */
    @Override
    public CompletableFuture<ByteBuf> request(final CommandCode command, final BodyWriter body) {
        final long correlationId = correlationIds.incrementAndGet();
        final CompletableFuture<ByteBuf> future = new CompletableFuture<>();
        pending.put(correlationId, future);
        if (!channel.isActive() || channel.eventLoop().isShuttingDown()) {
            failPending(correlationId, lost("the connection is closed", null));
            return future;
        }
        final ByteBuf frame;
        try {
            frame = CodecSupport.encodeFrame(channel.alloc(), command, FrameFlags.REQUEST, correlationId, ErrorCode.OK,
                body);
        } catch (final RuntimeException e) {
            pending.remove(correlationId);
            future.completeExceptionally(e);
            return future;
        }
        if (!runOnEventLoop(() -> send(command, correlationId, future, frame))) {
            frame.release();
            failPending(correlationId, lost("the connection is closed", null));
        }
        return future;
    }

    /** On the event loop: arms the request's timer and writes its frame. */
    private void send(final CommandCode command, final long correlationId, final CompletableFuture<ByteBuf> future,
        final ByteBuf frame) {
        final ScheduledFuture<?> timer = channel.eventLoop().schedule(() -> failPending(correlationId,
            new RequestTimeoutException("CAIRN-2010 No answer to " + command + " within " + config.requestTimeoutMs()
                + " ms")), config.requestTimeoutMs(), TimeUnit.MILLISECONDS);
        future.whenComplete((result, error) -> cancel(timer));
        channel.writeAndFlush(frame).addListener(written -> {
            if (!written.isSuccess()) {
                failPending(correlationId, lost("cannot send " + command, written.cause()));
            }
        });
    }

    @Override
    public void oneWay(final CommandCode command, final BodyWriter body) {
        if (!channel.isActive() || channel.eventLoop().isShuttingDown()) {
            return;
        }
        final ByteBuf frame = CodecSupport.encodeFrame(channel.alloc(), command, FrameFlags.ONE_WAY, 0L, ErrorCode.OK,
            body);
        if (!runOnEventLoop(() -> channel.writeAndFlush(frame))) {
            frame.release();
        }
    }

    @Override
    public boolean runInOrder(final Runnable task) {
        return runOnEventLoop(task);
    }

    @Override
    public void onPush(final CommandCode command, final Consumer<ByteBuf> handler) {
        pushHandlers.put(Objects.requireNonNull(command, "command"), Objects.requireNonNull(handler, "handler"));
    }

    @Override
    public void onClose(final Consumer<Throwable> listener) {
        final Throwable cause;
        synchronized (closeLock) {
            if (!closed) {
                closeListeners.add(listener);
                return;
            }
            cause = closeCause;
        }
        listener.accept(cause);
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public void close() {
        synchronized (closeLock) {
            closedByUser = true;
        }
        if (channel.isActive() && !channel.eventLoop().inEventLoop()) {
            try {
                request(CommandCode.CLOSE, BodyWriter.EMPTY).get(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS).release();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (final ExecutionException | TimeoutException e) {
                LOG.debug("CLOSE was not answered: {}", e.toString());
            }
        }
        if (channel.isOpen() && !channel.eventLoop().isShutdown()) {
            channel.close().awaitUninterruptibly(CLOSE_WAIT_MS);
        }
    }

    /** Whether the channel's event loop has terminated (the shared group shut down); for tests. */
    boolean isEventLoopTerminated() {
        return channel.eventLoop().isTerminated();
    }

    @Override
    public String toString() {
        return "connection " + connectionId + " to " + channel.remoteAddress();
    }

    /**
     * Runs the task on the channel's event loop: at once when called there, else as a task.
     *
     * @return {@code false} when the loop has shut down and refused the task (it did not run)
     */
    private boolean runOnEventLoop(final Runnable task) {
        final EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            task.run();
            return true;
        }
        try {
            loop.execute(task);
            return true;
        } catch (final RejectedExecutionException e) {
            return false;
        }
    }

    /** Cancels a request timer; a terminated loop has dropped its timers already. */
    private static void cancel(final ScheduledFuture<?> timer) {
        try {
            timer.cancel(false);
        } catch (final RejectedExecutionException e) {
            LOG.trace("The timer's event loop has shut down: {}", e.toString());
        }
    }

    private void failPending(final long correlationId, final Throwable cause) {
        final CompletableFuture<ByteBuf> future = pending.remove(correlationId);
        if (future != null) {
            future.completeExceptionally(cause);
        }
    }

    /**
     * The last error the server reported without a request to answer (a refused connection, say),
     * or {@code null}: a handshake that fails because the server closed the connection after such a
     * report fails with it rather than as a lost connection.
     */
    ProtocolException lastServerRefusal() {
        return lastServerRefusal;
    }

    private ConnectionLostException lost(final String what, final Throwable cause) {
        final String serverError = lastServerError;
        return new ConnectionLostException("CAIRN-2011 Connection to " + channel.remoteAddress() + " lost: " + what
            + (serverError == null ? "" : " (the server said: " + serverError + ")"), cause);
    }

    private void onChannelClosed() {
        final Throwable cause;
        final List<Consumer<Throwable>> listeners;
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            cause = closedByUser ? null : lost("the channel closed", closeCause);
            closeCause = cause;
            listeners = List.copyOf(closeListeners);
            closeListeners.clear();
        }
        for (final Long correlationId : List.copyOf(pending.keySet())) {
            failPending(correlationId, lost("the channel closed before the answer", null));
        }
        for (final Consumer<Throwable> listener : listeners) {
            listener.accept(cause);
        }
    }

    private void onResponse(final FrameHeader header, final ByteBuf frame) {
        final CompletableFuture<ByteBuf> future = pending.remove(header.correlationId());
        if (future == null) {
            LOG.debug("Dropped an answer to {} that nobody waits for (timed out?)", header.command());
            return;
        }
        if (header.status() == ErrorCode.OK) {
            final ByteBuf body = frame.retainedSlice(header.bodyOffset(), header.bodyLength());
            if (!future.complete(body)) {
                body.release();
            }
        } else {
            future.completeExceptionally(new ProtocolException(header.status(), ErrorBodyCodec.decode(header.body()),
                header.correlationId(), true));
        }
    }

    private void onOneWay(final FrameHeader header) {
        final CommandCode command = header.command();
        if (command == CommandCode.HEARTBEAT) {
            return;
        }
        if (command == CommandCode.ERROR) {
            final String message = ErrorBodyCodec.decode(header.body());
            lastServerError = header.status() + " " + message;
            lastServerRefusal = new ProtocolException(header.status(), message);
            LOG.warn("{}: the server reported {}", this, lastServerError);
            return;
        }
        final Consumer<ByteBuf> handler = pushHandlers.get(command);
        if (handler == null) {
            LOG.debug("{}: no handler for pushed {}", this, command);
            return;
        }
        handler.accept(header.body());
    }

    /** Reads frames on the event loop. */
    private final class Handler extends ChannelInboundHandlerAdapter {

        private final FrameHeader header = new FrameHeader();

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
            final ByteBuf frame = (ByteBuf) msg;
            try {
                header.wrap(frame, frame.readerIndex());
                if (header.isResponse()) {
                    onResponse(header, frame);
                } else {
                    onOneWay(header);
                }
            } finally {
                frame.release();
            }
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) {
            if (event instanceof IdleStateEvent idle) {
                if (idle.state() == IdleState.READER_IDLE) {
                    closeWith(ctx, new ConnectionLostException("CAIRN-2012 Nothing received from "
                        + ctx.channel().remoteAddress() + " within " + config.idleTimeoutMs() + " ms", null));
                } else if (idle.state() == IdleState.WRITER_IDLE) {
                    oneWay(CommandCode.HEARTBEAT, BodyWriter.EMPTY);
                }
                return;
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
            if (cause instanceof ProtocolException e && e.isStreamInSync()) {
                LOG.warn("{}: rejected a frame from the server: {}", NettyClientConnection.this, e.getMessage());
                failPending(e.correlationId(), e);
                return;
            }
            closeWith(ctx, cause);
        }

        private void closeWith(final ChannelHandlerContext ctx, final Throwable cause) {
            synchronized (closeLock) {
                if (closeCause == null) {
                    closeCause = cause;
                }
            }
            ctx.close();
        }
    }
}
