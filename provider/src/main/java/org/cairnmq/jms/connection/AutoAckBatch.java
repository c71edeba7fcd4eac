package org.cairnmq.jms.connection;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import org.cairnmq.client.ConnectionLostException;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.protocol.command.CommandCode;

/**
 * One AUTO_ACKNOWLEDGE ACK on its way to a broker: the deliveries the application consumed between
 * the moment the ACK was handed to the connection's I/O thread and the moment that thread encodes
 * it. Nothing waits for a batch to fill: the ACK goes out as soon as the I/O thread gets to it, and
 * deliveries consumed meanwhile ride along instead of each costing a frame, a broker task and a
 * response. At a low rate every ACK carries one delivery, as before.
 *
 * <p>Thread safety: {@link #rideAlong} on the session's thread of control, {@link #send()} on the I/O
 * thread, both under this object's monitor for the shared state.
 */
final class AutoAckBatch {

    private final BrokerChannel channel;
    private final long sessionId;
    private final CompletableFuture<ByteBuf> answered = new CompletableFuture<>();
    private long[] deliveryIds = new long[8];
    private int count;
    private boolean sent;

    private AutoAckBatch(final BrokerChannel channel, final long sessionId, final long firstDeliveryId) {
        this.channel = channel;
        this.sessionId = sessionId;
        this.deliveryIds[count++] = firstDeliveryId;
    }

    /**
     * Starts a batch with one delivery and hands it to the channel's I/O thread.
     *
     * @return the batch, whose {@link #answered()} fails at once if the connection is closed
     */
    static AutoAckBatch start(final BrokerChannel channel, final long sessionId, final long deliveryId) {
        final AutoAckBatch batch = new AutoAckBatch(channel, sessionId, deliveryId);
        if (!channel.runInOrder(batch::send)) {
            batch.answered.completeExceptionally(
                new ConnectionLostException("CAIRN-C001 The connection to broker " + channel + " is closed", null));
        }
        return batch;
    }

    /**
     * Adds a delivery of the same channel to the ACK if it has not been encoded yet.
     *
     * @return whether the delivery rides along (false for another channel or once the ACK was encoded)
     */
    synchronized boolean rideAlong(final BrokerChannel deliveryChannel, final long deliveryId) {
        if (sent || deliveryChannel != channel) {
            return false;
        }
        if (count == deliveryIds.length) {
            deliveryIds = Arrays.copyOf(deliveryIds, count * 2);
        }
        deliveryIds[count++] = deliveryId;
        return true;
    }

    /** @return the broker's answer to the ACK (the caller releases the body) */
    CompletableFuture<ByteBuf> answered() {
        return answered;
    }

    private void send() {
        final long[] ids;
        synchronized (this) {
            sent = true;
            ids = Arrays.copyOf(deliveryIds, count);
        }
        channel.request(CommandCode.ACK, ClientCommands.ack(sessionId, ClientCommands.NO_TRANSACTION, ids))
            .whenComplete((body, failure) -> {
                if (failure != null) {
                    answered.completeExceptionally(failure);
                } else if (!answered.complete(body)) {
                    body.release();
                }
            });
    }
}
