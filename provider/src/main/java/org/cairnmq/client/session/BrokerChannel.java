package org.cairnmq.client.session;

import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.cairnmq.client.ClientConnection;
import org.cairnmq.client.ConnectionLostException;
import org.cairnmq.protocol.codec.BodyWriter;
import org.cairnmq.protocol.command.CommandCode;

/**
 * The client's view of one broker: the current protocol connection to it, and the routing of its
 * DELIVER frames to the consumers by consumer id.
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

    private final String address;
    private final Map<Long, DeliveryHandler> handlers = new ConcurrentHashMap<>();
    private volatile ClientConnection connection;

    /**
     * Creates a channel over an open connection.
     *
     * @param address the broker's {@code host:port}
     * @param connection the open connection
     */
    public BrokerChannel(final String address, final ClientConnection connection) {
        this.address = address;
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
        newConnection.onPush(CommandCode.DELIVER, this::onDeliver);
        this.connection = newConnection;
    }

    /**
     * Runs a listener once when the current connection closes (with {@code null} after an orderly
     * close, with the cause when it was lost).
     *
     * @param listener the listener
     */
    public void onClose(final Consumer<Throwable> listener) {
        connection.onClose(listener);
    }

    /** Whether the current connection is open. */
    public boolean isOpen() {
        return connection.isOpen();
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
        final ClientConnection current = connection;
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
        final ClientConnection current = connection;
        if (current.isOpen()) {
            current.oneWay(command, body);
        }
    }

    /**
     * Runs a task on the current connection's I/O thread, after the frames already handed to it.
     *
     * @param task the task
     * @return false when the connection is closed (the task is not run)
     */
    public boolean runInOrder(final Runnable task) {
        final ClientConnection current = connection;
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
        connection.close();
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
