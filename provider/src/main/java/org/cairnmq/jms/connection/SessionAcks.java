package org.cairnmq.jms.connection;

import io.netty.buffer.ByteBuf;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.protocol.command.CommandCode;

/**
 * A session's acknowledgement and local-transaction bookkeeping: which deliveries the application
 * consumed and has not acknowledged, per broker, and the current transaction.
 *
 * <pre>
 *   AUTO_ACKNOWLEDGE     ACK (these deliveries) as each message is consumed, without waiting for the answer;
 *                        deliveries consumed before the I/O thread encodes that ACK ride along ({@link AutoAckBatch})
 *   DUPS_OK_ACKNOWLEDGE  ACK in batches of {@link #DUPS_OK_BATCH}, without waiting, and before the session blocks or closes
 *   CLIENT_ACKNOWLEDGE   Message.acknowledge() sends ACK for every consumed, unacknowledged delivery
 *   SESSION_TRANSACTED   commit sends ACK with the txId for the consumed deliveries, then TX_COMMIT
 *   in an XA branch      (an XA session, whose mode is AUTO outside branches) sends name the branch's txId and
 *                        the consumed deliveries are kept; leaving the branch sends ACK with the txId for them
 * </pre>
 *
 * <p>Design note: ACK's "up to" mode is not used. Delivery ids increase per connection, not per
 * consumer, so "up to" would also acknowledge messages another consumer of the session has
 * prefetched and not yet given to the application; listing the consumed ids is exact.
 *
 * <p>Design note: AUTO and DUPS_OK acknowledgements are pipelined, as Artemis does by default: the
 * consumer does not wait a broker round trip (and the broker's flush of its offsets) per message.
 * Requests on a connection keep their order, so a later RECOVER, commit or close sees them applied;
 * the session still waits for them at those points ({@link #awaitPipelinedAcks}) so that a failed
 * acknowledgement surfaces as an exception there. An acknowledgement lost with a crash only means
 * a redelivery, flagged as such, which both modes allow.
 *
 * <p>The XA branch the session is associated with is kept in a {@link SessionXaBranch}.
 *
 * <p>Thread safety: the session's thread of control, under this object's monitor.
 */
final class SessionAcks {

    /** How many DUPS_OK acknowledgements are batched into one ACK. */
    static final int DUPS_OK_BATCH = 32;

    /** How many acknowledgements may be in flight unanswered before the session waits for them. */
    static final int MAX_PIPELINED_ACKS = 1024;

    private final long sessionId;
    private final int mode;
    private final long requestTimeoutMs;
    private final CairnConnection connection;
    private final Map<BrokerChannel, List<Long>> consumed = new LinkedHashMap<>();
    private final Set<BrokerChannel> sentInTransaction = new LinkedHashSet<>();
    private final Deque<CompletableFuture<ByteBuf>> pipelinedAcks = new ArrayDeque<>();
    private final SessionXaBranch branch = new SessionXaBranch();
    private AutoAckBatch autoAck;
    private int consumedCount;
    private long txId;
    private boolean rollbackOnly;

    SessionAcks(final CairnConnection connection, final long sessionId, final int mode) {
        this.connection = connection;
        this.sessionId = sessionId;
        this.mode = mode;
        this.requestTimeoutMs = connection.config().requestTimeoutMs();
        this.txId = mode == Session.SESSION_TRANSACTED ? connection.nextId() : ClientCommands.NO_TRANSACTION;
    }

    /** Records a delivery given to the application, acknowledging it now in AUTO mode outside an XA branch. */
    synchronized void onConsumed(final BrokerChannel channel, final long deliveryId) throws JMSException {
        if (branch.isActive()) {
            branch.join(channel);
            consumed.computeIfAbsent(channel, key -> new ArrayList<>()).add(deliveryId);
            consumedCount++;
            return;
        }
        if (mode == Session.AUTO_ACKNOWLEDGE) {
            if (autoAck == null || !autoAck.rideAlong(channel, deliveryId)) {
                autoAck = AutoAckBatch.start(channel, sessionId, deliveryId);
                trackPipelined(autoAck.answered());
            }
            return;
        }
        consumed.computeIfAbsent(channel, key -> new ArrayList<>()).add(deliveryId);
        consumedCount++;
        if (mode == Session.DUPS_OK_ACKNOWLEDGE && consumedCount >= DUPS_OK_BATCH) {
            for (final Map.Entry<BrokerChannel, List<Long>> entry : consumed.entrySet()) {
                pipelineAck(entry.getKey(), toArray(entry.getValue()));
            }
            clear();
        }
    }

    /**
     * Waits for the acknowledgements sent without waiting, so that their failure surfaces; called
     * before a recover, commit, rollback or close.
     *
     * @throws JMSException if one of them failed
     */
    synchronized void awaitPipelinedAcks() throws JMSException {
        final List<CompletableFuture<ByteBuf>> pending = new ArrayList<>(pipelinedAcks);
        pipelinedAcks.clear();
        JMSException firstFailure = null;
        for (final CompletableFuture<ByteBuf> ack : pending) {
            try {
                Await.done(ack, requestTimeoutMs);
            } catch (final JMSException failure) {
                firstFailure = firstFailure == null ? failure : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    private void pipelineAck(final BrokerChannel channel, final long[] deliveryIds) throws JMSException {
        trackPipelined(channel.request(CommandCode.ACK,
            ClientCommands.ack(sessionId, ClientCommands.NO_TRANSACTION, deliveryIds)));
    }

    private void trackPipelined(final CompletableFuture<ByteBuf> ack) throws JMSException {
        while (!pipelinedAcks.isEmpty() && releaseIfSucceeded(pipelinedAcks.peekFirst())) {
            pipelinedAcks.pollFirst();
        }
        pipelinedAcks.addLast(ack);
        if (pipelinedAcks.size() >= MAX_PIPELINED_ACKS) {
            awaitPipelinedAcks();
        }
    }

    private boolean releaseIfSucceeded(final CompletableFuture<ByteBuf> ack) {
        if (ack.isDone() && !ack.isCompletedExceptionally()) {
            ack.join().release();
            return true;
        }
        return false;
    }

    /**
     * Associates the session with an XA branch: from now on sends name {@code newBranchTxId} and
     * consumed deliveries are kept for {@link #leaveBranch()}.
     *
     * @param newBranchTxId the txId the XA_START named
     * @param started the brokers the branch was started on
     * @param join starts the branch on a broker the association reaches later
     * @throws JMSException if an acknowledgement sent before the branch failed
     */
    synchronized void enterBranch(final long newBranchTxId, final Set<BrokerChannel> started,
                                  final SessionXaBranch.BranchJoin join) throws JMSException {
        awaitPipelinedAcks();
        branch.enter(newBranchTxId, started, join);
    }

    /**
     * Ends the association with the XA branch: acknowledges what the application consumed in it, with the
     * branch's txId, so that the branch owns those deliveries.
     *
     * @return the brokers the association started the branch on
     * @throws JMSException if an acknowledgement failed (the association ends all the same)
     */
    synchronized Set<BrokerChannel> leaveBranch() throws JMSException {
        final Set<BrokerChannel> channels = branch.channels();
        try {
            for (final Map.Entry<BrokerChannel, List<Long>> entry : consumed.entrySet()) {
                ack(entry.getKey(), branch.txId(), toArray(entry.getValue()));
            }
        } finally {
            abandonBranch();
        }
        return channels;
    }

    /**
     * Ends the association with the XA branch without acknowledging anything, when its acknowledgements
     * cannot be sent: what the application consumed in it stays unacknowledged on the broker, which
     * returns it to its queue when the session closes.
     */
    synchronized void abandonBranch() {
        clear();
        branch.leave();
    }

    /** The brokers the current XA association started the branch on. */
    synchronized Set<BrokerChannel> branchChannels() {
        return branch.channels();
    }

    /** Whether the session is associated with an XA branch. */
    synchronized boolean inBranch() {
        return branch.isActive();
    }

    /** Acknowledges every consumed delivery outside a transaction (CLIENT and DUPS_OK modes). */
    synchronized void acknowledgeConsumed() throws JMSException {
        if (branch.isActive()) {
            return;
        }
        awaitPipelinedAcks();
        for (final Map.Entry<BrokerChannel, List<Long>> entry : consumed.entrySet()) {
            ack(entry.getKey(), ClientCommands.NO_TRANSACTION, toArray(entry.getValue()));
        }
        clear();
    }

    /**
     * The txId a send names on a channel: the current transaction's or XA branch's, or none.
     *
     * @throws JMSException if the channel is new to the XA branch and its broker refuses to join it
     */
    synchronized long txIdForSend(final BrokerChannel channel) throws JMSException {
        if (branch.isActive()) {
            branch.join(channel);
            return branch.txId();
        }
        if (mode != Session.SESSION_TRANSACTED) {
            return ClientCommands.NO_TRANSACTION;
        }
        sentInTransaction.add(channel);
        return txId;
    }

    /**
     * Commits: acknowledges the consumed deliveries in the transaction, then commits it on every broker
     * it touched. A new transaction starts either way.
     *
     * @throws TransactionRolledBackException if the transaction was rolled back instead
     * @throws JMSException if the broker cannot be reached
     */
    synchronized void commit() throws JMSException {
        try {
            awaitPipelinedAcks();
            if (rollbackOnly) {
                throw new TransactionRolledBackException("CAIRN-J020 The transaction was rolled back because the "
                    + "connection to the broker was lost during it", "TRANSACTION_ROLLED_BACK");
            }
            final Set<BrokerChannel> touched = new LinkedHashSet<>(sentInTransaction);
            for (final Map.Entry<BrokerChannel, List<Long>> entry : consumed.entrySet()) {
                ack(entry.getKey(), txId, toArray(entry.getValue()));
                touched.add(entry.getKey());
            }
            for (final BrokerChannel channel : touched) {
                Await.done(channel.request(CommandCode.TX_COMMIT, ClientCommands.transaction(sessionId, txId)),
                    requestTimeoutMs);
            }
        } finally {
            nextTransaction();
        }
    }

    /**
     * What a rollback or recover sends: TX_ROLLBACK (with the ended transaction's id) to the brokers
     * the transaction sent to, RECOVER to the others.
     *
     * @param txId the id of the transaction that ended, or none
     * @param commands the command per broker
     */
    record Recovery(long txId, Map<BrokerChannel, CommandCode> commands, Map<BrokerChannel, long[]> consumedIds) {

        /** The deliveries the application consumed from a broker and did not acknowledge. */
        long[] consumedFrom(final BrokerChannel channel) {
            return consumedIds.getOrDefault(channel, new long[0]);
        }
    }

    /**
     * Records a delivery the application saw without acknowledging it (a listener that threw in AUTO
     * mode), so that the recovery that follows counts it as a delivery attempt.
     */
    synchronized void onSeenNotAcknowledged(final BrokerChannel channel, final long deliveryId) {
        consumed.computeIfAbsent(channel, key -> new ArrayList<>()).add(deliveryId);
        consumedCount++;
    }

    private Map<BrokerChannel, long[]> consumedIds() {
        final Map<BrokerChannel, long[]> ids = new LinkedHashMap<>();
        for (final Map.Entry<BrokerChannel, List<Long>> entry : consumed.entrySet()) {
            ids.put(entry.getKey(), toArray(entry.getValue()));
        }
        return ids;
    }

    /**
     * Ends the transaction and forgets the unacknowledged deliveries, for a rollback or recover.
     *
     * @param channels the channels the session consumes from
     * @return what to send to each broker
     */
    synchronized Recovery endForRecovery(final Set<BrokerChannel> channels) {
        try {
            awaitPipelinedAcks();
        } catch (final JMSException ignored) {
            // A failed acknowledgement leaves its message unacknowledged: the recovery that follows
            // redelivers it, which is what the failure asked for.
        }
        final Map<BrokerChannel, CommandCode> commands = new LinkedHashMap<>();
        for (final BrokerChannel channel : channels) {
            commands.put(channel, CommandCode.RECOVER);
        }
        for (final BrokerChannel channel : consumed.keySet()) {
            commands.put(channel, CommandCode.RECOVER);
        }
        for (final BrokerChannel channel : sentInTransaction) {
            commands.put(channel, CommandCode.TX_ROLLBACK);
        }
        final Recovery recovery = new Recovery(txId, commands, consumedIds());
        nextTransaction();
        return recovery;
    }

    /** Forgets what was consumed from a broker whose connection was lost; its transaction cannot commit. */
    synchronized void onConnectionInterrupted(final BrokerChannel channel) {
        final List<Long> lost = consumed.remove(channel);
        if (lost != null) {
            consumedCount -= lost.size();
        }
        if (mode == Session.SESSION_TRANSACTED && (lost != null || sentInTransaction.contains(channel))) {
            rollbackOnly = true;
        }
    }

    /**
     * Ends the transaction as the session closes: the brokers its sends went to, which must be sent
     * TX_ROLLBACK before CLOSE_SESSION because SEND names no session.
     *
     * @return the ended transaction's id and the brokers to roll it back on
     */
    synchronized Recovery endForClose() {
        final Map<BrokerChannel, CommandCode> commands = new LinkedHashMap<>();
        for (final BrokerChannel channel : sentInTransaction) {
            commands.put(channel, CommandCode.TX_ROLLBACK);
        }
        final Recovery recovery = new Recovery(txId, commands, consumedIds());
        sentInTransaction.clear();
        return recovery;
    }

    /** The brokers the session has acknowledgement or transaction state on. */
    synchronized Set<BrokerChannel> channelsInUse() {
        final Set<BrokerChannel> channels = new LinkedHashSet<>(consumed.keySet());
        channels.addAll(sentInTransaction);
        return channels;
    }

    private void ack(final BrokerChannel channel, final long ackTxId, final long[] deliveryIds) throws JMSException {
        Await.done(channel.request(CommandCode.ACK,
            ClientCommands.ack(sessionId, ackTxId, deliveryIds)), requestTimeoutMs);
    }

    private void nextTransaction() {
        clear();
        sentInTransaction.clear();
        rollbackOnly = false;
        if (mode == Session.SESSION_TRANSACTED) {
            txId = connection.nextId();
        }
    }

    private void clear() {
        consumed.clear();
        consumedCount = 0;
    }

    private static long[] toArray(final List<Long> ids) {
        final long[] array = new long[ids.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = ids.get(i);
        }
        return array;
    }
}
