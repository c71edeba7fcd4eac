package org.cairnmq.server.broker.internal;

import java.util.ArrayList;
import java.util.List;
import org.cairnmq.protocol.codec.AckMode;

/**
 * An open local transaction: the sends and acks held until commit. Owning thread: the broker
 * thread.
 *
 * <p>Design note: held sends are copies in memory, not prepared records in the CommitLog, so a
 * broker crash loses an open local transaction, which is what its client sees as a rollback anyway;
 * a large transaction costs heap until it ends. An XA branch keeps the same work and writes it to
 * the branch journal at prepare ({@link XaBranch}).
 */
final class LocalTransaction {

    final long txId;
    final List<HeldSend> sends = new ArrayList<>();
    final List<HeldAck> acks = new ArrayList<>();
    long sessionId = -1L;
    /** The XA branch this work belongs to, or null for a local transaction. */
    XaBranch branch;

    LocalTransaction(long txId) {
        this.txId = txId;
    }

    /** A send held until commit. */
    record HeldSend(DestinationState destination, int queueId, String dedupKey, boolean persistent,
            long bornTimestampMs, long publisherTag, byte[] record) {
    }

    /** An acknowledgement held until commit. */
    record HeldAck(long sessionId, AckMode mode, long[] deliveryIds) {
    }
}
