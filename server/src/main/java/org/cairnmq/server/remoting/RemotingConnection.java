package org.cairnmq.server.remoting;

import io.netty.buffer.ByteBufAllocator;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;

/**
 * One authenticated client connection, as the processors above the remoting layer see it.
 *
 * <p>Thread safety: every method may be called from any thread; writes are handed to the connection's
 * event loop and keep their order.
 */
public interface RemotingConnection {

    /** The id the broker gave this connection at the handshake, unique within the broker's life. */
    long connectionId();

    /** The authenticated user, or {@code null} for an anonymous connection. */
    String user();

    /** The peer's address, for logs and admin views. */
    String remoteAddress();

    /** The allocator of the connection's channel, for processors that build buffers themselves. */
    ByteBufAllocator alloc();

    /**
     * Answers a request with status OK.
     *
     * @param correlationId the request's correlation id
     * @param command the request's command code, echoed in the response
     * @param body writes the response body
     */
    void respond(long correlationId, CommandCode command, BodyWriter body);

    /**
     * Answers a request with an error; the body is the message, as docs/PROTOCOL.md says.
     *
     * @param correlationId the request's correlation id
     * @param command the request's command code
     * @param errorCode why the request failed
     * @param message a human-readable reason starting with a stable id (e.g. {@code CAIRN-1042})
     */
    void respondError(long correlationId, CommandCode command, ErrorCode errorCode, String message);

    /**
     * Sends a one-way frame to the client (a DELIVER, a HEARTBEAT).
     *
     * @param command the command code
     * @param body writes the body
     */
    void push(CommandCode command, BodyWriter body);

    /**
     * Runs a task on the connection's event loop, after the frames already handed to it (a frame the
     * task writes follows them). Nothing runs once the connection's event loop has shut down.
     *
     * @param task the task; it must not block
     */
    void runInOrder(Runnable task);

    /**
     * Whether the channel's outbound buffer is below its high-water mark. Dispatch stops pushing to a
     * connection that is not writable and resumes on {@link #onWritable}.
     */
    boolean isWritable();

    /** Runs the listener (on the event loop) each time the connection becomes writable again. */
    void onWritable(Runnable listener);

    /**
     * Runs the listener once when the connection closes, for whatever reason: the broker rolls back
     * open transactions, returns unacknowledged messages and deletes temporary destinations there.
     */
    void onClose(Runnable listener);

    /** Closes the connection. */
    void close();
}
