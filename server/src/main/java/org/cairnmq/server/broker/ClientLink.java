package org.cairnmq.server.broker;

import java.nio.ByteBuffer;

/**
 * What the broker needs of a client connection: its id and a way to push deliveries with
 * back-pressure. The remoting layer adapts its connection to this, so that the broker knows no
 * transport.
 *
 * <p>Thread safety: every method may be called from any thread.
 */
public interface ClientLink {

    /**
     * @return the id the broker gave the connection at the handshake
     */
    long connectionId();

    /**
     * Pushes one DELIVER frame.
     *
     * @param consumerId the consumer
     * @param deliveryId the broker's id of this delivery
     * @param deliveryCount 1 on the first delivery
     * @param record the stored message record; read-only, valid until collected
     */
    void deliver(long consumerId, long deliveryId, int deliveryCount, ByteBuffer record);

    /**
     * @return whether the connection accepts more pushes now
     */
    boolean isWritable();

    /**
     * @param listener run each time the connection becomes writable again
     */
    void onWritable(Runnable listener);
}
