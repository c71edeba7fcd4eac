package org.cairnmq.client;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.command.CommandCode;

/**
 * One protocol connection from the client to a broker or a name server, after a successful
 * handshake. The JMS layer builds sessions, producers and consumers over it.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface ClientConnection extends AutoCloseable {

    /** The id the server gave this connection at the handshake. */
    long connectionId();

    /** What the server said about itself at the handshake. */
    ServerInfo serverInfo();

    /**
     * Sends a request and returns its response.
     *
     * @param command the command code
     * @param body writes the request body
     * @return completes with the response body (the caller releases it) when the status is OK;
     *     completes exceptionally with a {@link org.cairnmq.protocol.command.ProtocolException}
     *     carrying the error code and message when it is not, and with a
     *     {@link ConnectionLostException} when the connection closes first
     */
    CompletableFuture<ByteBuf> request(CommandCode command, BodyWriter body);

    /**
     * Sends a one-way frame (CREDIT, HEARTBEAT).
     *
     * @param command the command code
     * @param body writes the body
     */
    void oneWay(CommandCode command, BodyWriter body);

    /**
     * Runs a task on the connection's I/O thread, after every frame already handed to the connection
     * (a request sent from the task goes out after them, and before any handed over later).
     *
     * @param task the task
     * @return false when the connection can no longer run tasks (the task is not run)
     */
    boolean runInOrder(Runnable task);

    /**
     * Routes the server's one-way frames of a command (DELIVER) to a handler.
     *
     * @param command the pushed command code
     * @param handler called on the connection's event loop with the body, which is released when the
     *     handler returns (retain it to keep it); the handler never blocks
     */
    void onPush(CommandCode command, Consumer<ByteBuf> handler);

    /**
     * Runs the listener once when the connection closes: with {@code null} after {@link #close()},
     * with the cause when it was lost.
     */
    void onClose(Consumer<Throwable> listener);

    /** Whether the connection is still open. */
    boolean isOpen();

    /** Sends CLOSE, waits briefly for its answer, and closes the channel. */
    @Override
    void close();

    /**
     * What the server said about itself at the handshake.
     *
     * @param brokerName the server's name
     * @param serverVersion the server's software version
     * @param maxFrameLengthBytes the largest frame it accepts
     * @param maxMessageBytes the largest message record it accepts
     */
    record ServerInfo(String brokerName, String serverVersion, int maxFrameLengthBytes, int maxMessageBytes) {
    }
}
