package org.cairnmq.client.session;

import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.cairnmq.client.ClientConnection;
import org.cairnmq.client.ConnectionLostException;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.codec.SendCreditCodec;
import org.cairnmq.protocol.codec.SendFailedCodec;
import org.cairnmq.protocol.codec.UnansweredSendCodec;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;

/**
 * The client's view of one broker: the current protocol connection to it, the routing of its
 * DELIVER frames to the consumers by consumer id, and the {@link SendWindow}s of the sessions that
 * send on it without an answer (SEND_UNANSWERED), whose failures go to a {@link SendFailureListener}.
 *
 * <p>Design note: the protocol connection is replaceable ({@link #attach}) so that sessions and
 * consumers keep their channel across a reconnect; the JMS layer re-creates its consumers on the new
 * connection. Requests made while no connection is attached fail with {@link ConnectionLostException}.
 *
 * <p>Thread safety: every method may be called from any thread; delivery handlers run on the
 * connection's event loop and must not block.
 */
public final class BrokerChannel {

    /** Receives the deliveries of one consumer, on the connection's event loop. */
    @FunctionalInterface
    public interface DeliveryHandler {

        /**
         * Called for each DELIVER frame of the consumer.
         *
         * @param delivery the delivery, with its record copied out of the frame
         */
        void onDelivery(Delivery delivery);
    }

    /** Hears of the unanswered sends the broker reports as failed, on the connection's event loop. */
    @FunctionalInterface
    public interface SendFailureListener {

        /**
         * Called for each SEND_FAILED, before the send's bytes go back to the window.
         *
         * @param sessionId the session the send named
         * @param errorCode why it failed
         * @param message the broker's reason
         */
        void onSendFailed(long sessionId, ErrorCode errorCode, String message);
    }

    /** A connection and the send windows that live as long as it does. */
    private record Attached(ClientConnection connection, SendWindows windows) {
    }

    private final String address;
    private final int sendWindowBytes;
    private final SendFailureListener sendFailures;
    private final Map<Long, DeliveryHandler> handlers = new ConcurrentHashMap<>();
    private volatile Attached attached;

    /**
     * Creates a channel over an open connection.
     *
     * @param address the broker's {@code host:port}
     * @param connection the open connection
     * @param sendWindowBytes the send window of each session on each connection, positive
     * @param sendFailures hears of failed unanswered sends
     */
    public BrokerChannel(final String address, final ClientConnection connection, final int sendWindowBytes,
                         final SendFailureListener sendFailures) {
        this.address = address;
        this.sendWindowBytes = sendWindowBytes;
        this.sendFailures = sendFailures;
        attach(connection);
    }

    /** Returns the broker's {@code host:port}. */
    public String address() {
        return address;
    }

    /**
     * Makes a (new) connection the one this channel uses, routing its deliveries to the registered
     * consumers.
     *
     * @param newConnection an open connection to the same broker
     */
    public void attach(final ClientConnection newConnection) {
        final SendWindows windows = new SendWindows(sendWindowBytes);
        newConnection.onPush(CommandCode.DELIVER, this::onDeliver);
        newConnection.onPush(CommandCode.SEND_CREDIT, body -> {
            final SendCreditCodec.Credit credit = SendCreditCodec.decode(body);
            windows.release(credit.sessionId(), credit.bytes());
        });
        newConnection.onPush(CommandCode.SEND_FAILED, body -> {
            final SendFailedCodec.Failure failure = SendFailedCodec.decode(body);
            sendFailures.onSendFailed(failure.sessionId(), failure.errorCode(), failure.message());
            windows.release(failure.sessionId(), failure.bytes());
        });
        newConnection.onClose(cause -> windows.close());
        this.attached = new Attached(newConnection, windows);
    }

    /**
     * Runs a listener once when the current connection closes (with {@code null} after an orderly
     * close, with the cause when it was lost).
     *
     * @param listener the listener
     */
    public void onClose(final Consumer<Throwable> listener) {
        attached.connection().onClose(listener);
    }

    /** Whether the current connection is open. */
    public boolean isOpen() {
        return attached.connection().isOpen();
    }

    /**
     * Sends a request on the current connection.
     *
     * @param command the command code
     * @param body the body writer
     * @return the response body (the caller releases it), or a failure as
     *     {@link ClientConnection#request} describes
     */
    public CompletableFuture<ByteBuf> request(final CommandCode command, final BodyWriter body) {
        final ClientConnection current = attached.connection();
        if (!current.isOpen()) {
            return CompletableFuture.failedFuture(
                new ConnectionLostException("CAIRN-C001 The connection to broker " + address + " is closed", null));
        }
        return current.request(command, body);
    }

    /**
     * Sends a one-way frame on the current connection; nothing is sent when it is closed.
     *
     * @param command the command code
     * @param body the body writer
     */
    public void oneWay(final CommandCode command, final BodyWriter body) {
        final ClientConnection current = attached.connection();
        if (current.isOpen()) {
            current.oneWay(command, body);
        }
    }

    /**
     * Sends a non-persistent message outside a transaction as SEND_UNANSWERED, once the send window
     * has room for it. The broker answers nothing when it succeeds; a failure comes to the
     * {@link SendFailureListener} with the session id.
     *
     * @param sessionId the sending session
     * @param queueId the queue, -1 to let the broker pick
     * @param record the encoded record; copied, its indexes untouched
     * @param timeoutMs how long to wait for room at most
     * @return {@code false} when the connection is closed: nothing was sent (the connection reports
     *     its loss itself)
     * @throws InterruptedException if interrupted while waiting for room
     * @throws SendWindow.WindowTimeoutException if the broker handed back no room in time
     */
    public boolean sendUnanswered(final long sessionId, final int queueId, final ByteBuf record,
                                  final long timeoutMs) throws InterruptedException {
        final Attached current = attached;
        if (!current.connection().isOpen()
            || !current.windows().of(sessionId).acquire(UnansweredSendCodec.bodyLength(record.readableBytes()),
                timeoutMs)) {
            return false;
        }
        current.connection().oneWay(CommandCode.SEND_UNANSWERED, UnansweredSendCodec.request(sessionId, queueId,
            record));
        return true;
    }

    /**
     * Waits until the broker has handled every unanswered send a closing session made on the current
     * connection, and reported each failure among them; then forgets the session's send window.
     *
     * @param sessionId the session
     * @param timeoutMs how long to wait at most
     * @return whether it has (or the connection is gone)
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitUnansweredSends(final long sessionId, final long timeoutMs) throws InterruptedException {
        return attached.windows().awaitWholeAndForget(sessionId, timeoutMs);
    }

    /**
     * Runs a task on the current connection's I/O thread, after the frames already handed to it.
     *
     * @param task the task
     * @return false when the connection is closed (the task is not run)
     */
    public boolean runInOrder(final Runnable task) {
        final ClientConnection current = attached.connection();
        return current.isOpen() && current.runInOrder(task);
    }

    /**
     * Routes the deliveries of a consumer to a handler.
     *
     * @param consumerId the consumer id
     * @param handler its handler
     */
    public void register(final long consumerId, final DeliveryHandler handler) {
        handlers.put(consumerId, handler);
    }

    /**
     * Stops routing the deliveries of a consumer; later ones are dropped.
     *
     * @param consumerId the consumer id
     */
    public void unregister(final long consumerId) {
        handlers.remove(consumerId);
    }

    /** Closes the current connection. */
    public void close() {
        attached.connection().close();
    }

    private void onDeliver(final ByteBuf body) {
        final Delivery delivery = ClientCommands.readDelivery(body);
        final DeliveryHandler handler = handlers.get(delivery.consumerId());
        if (handler != null) {
            handler.onDelivery(delivery);
        }
    }

    @Override
    public String toString() {
        return "BrokerChannel[" + address + "]";
    }
}
