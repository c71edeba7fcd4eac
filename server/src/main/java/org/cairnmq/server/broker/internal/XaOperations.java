package org.cairnmq.server.broker.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongPredicate;
import org.cairnmq.protocol.codec.XaCodec;
import org.cairnmq.protocol.codec.XaXid;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.server.broker.BrokerErrors;
import org.cairnmq.server.store.BranchJournal;
import org.cairnmq.server.store.StoredRecord;

/**
 * The XA commands (docs/PROTOCOL.md, "XA transactions") over the broker's {@link XaBranch}es.
 * Owning thread: the broker thread; the branch journal is written on the flush thread and the
 * answer hops back.
 *
 * <p>Design note: the branch journal is forced before a prepare is answered and cleared only after
 * a commit's sends are durable and its acknowledgements flushed. A crash in between leaves the
 * branch prepared; the transaction manager commits it again, and the duplicate window (the sends'
 * message ids in the key index) keeps the second append from adding copies.
 */
final class XaOperations {

    /** The timeout of a branch whose client asked for none (what Narayana and Artemis default to). */
    static final int DEFAULT_TIMEOUT_SECONDS = 300;
    /** How long a rollback-only branch waits for its transaction manager before it is forgotten. */
    static final long ROLLBACK_ONLY_RETENTION_MS = 600_000L;

    private static final int TMNOFLAGS = 0;
    private static final int TMJOIN = 0x00200000;
    private static final int TMRESUME = 0x08000000;
    private static final int TMSUCCESS = 0x04000000;
    private static final int TMFAIL = 0x20000000;
    private static final int TMSUSPEND = 0x02000000;

    private final BrokerCore core;
    private final BranchJournal journal;
    private final Executor journalExecutor;
    final Map<XaXid, XaBranch> branches = new LinkedHashMap<>();

    XaOperations(BrokerCore core, BranchJournal journal, Executor journalExecutor) {
        this.core = core;
        this.journal = journal;
        this.journalExecutor = journalExecutor;
    }

    /** XA_START: a new branch, or a session joining or resuming one. */
    void start(ConnectionState connection, long sessionId, long txId, int flags, int timeoutSeconds, XaXid xid) {
        XaBranch branch = branches.get(xid);
        if (flags == TMNOFLAGS) {
            if (branch != null) {
                throw BrokerErrors.xa(ErrorCode.XA_DUPLICATE_XID, "branch " + xid + " already exists");
            }
            int seconds = timeoutSeconds > 0 ? timeoutSeconds : DEFAULT_TIMEOUT_SECONDS;
            branch = new XaBranch(xid, core.clock.millis() + seconds * 1000L);
            branches.put(xid, branch);
        } else if (flags == TMJOIN || flags == TMRESUME) {
            branch = branch(xid);
            if (branch.state == XaBranch.State.ROLLBACK_ONLY) {
                throw BrokerErrors.xa(branch.rollbackCode, "branch " + xid + " was rolled back");
            }
            requireState(branch, XaBranch.State.ACTIVE, XaBranch.State.IDLE);
        } else {
            throw BrokerErrors.xa(ErrorCode.XA_INVALID_ARGUMENTS, "XA_START flags " + Integer.toHexString(flags));
        }
        LocalTransaction association = new LocalTransaction(txId);
        association.sessionId = sessionId;
        association.branch = branch;
        connection.transactions.put(txId, association);
        branch.associations.put(new XaBranch.Association(connection.link.connectionId(), txId), association);
        branch.connections.add(connection.link.connectionId());
        branch.state = XaBranch.State.ACTIVE;
    }

    /** XA_END: the association's sends and acknowledgements move into the branch. */
    void end(ConnectionState connection, long txId, int flags, XaXid xid) {
        XaBranch branch = branch(xid);
        LocalTransaction association = branch.associations.remove(
                new XaBranch.Association(connection.link.connectionId(), txId));
        if (association == null) {
            throw BrokerErrors.xa(ErrorCode.XA_PROTOCOL_ERROR, "no session of this connection is associated with "
                    + xid + " under txId " + txId);
        }
        connection.transactions.remove(txId);
        absorb(connection, branch, association);
        if (branch.state == XaBranch.State.ROLLBACK_ONLY) {
            undo(branch);
            if (branch.forgetWhenEnded) {
                if (branch.associations.isEmpty()) {
                    branches.remove(xid);
                }
                return;
            }
            throw BrokerErrors.xa(branch.rollbackCode, "branch " + xid + " was rolled back");
        }
        if (flags == TMFAIL) {
            markRollbackOnly(branch, ErrorCode.XA_ROLLED_BACK);
        } else if (flags != TMSUCCESS && flags != TMSUSPEND) {
            throw BrokerErrors.xa(ErrorCode.XA_INVALID_ARGUMENTS, "XA_END flags " + Integer.toHexString(flags));
        } else if (branch.associations.isEmpty()) {
            branch.state = XaBranch.State.IDLE;
        }
    }

    private void absorb(ConnectionState connection, XaBranch branch, LocalTransaction association) {
        branch.sends.addAll(association.sends);
        for (LocalTransaction.HeldAck ack : association.acks) {
            SessionState session = connection.sessions.get(ack.sessionId());
            if (session != null) {
                branch.held.addAll(core.sessions.hold(session, ack.mode(), ack.deliveryIds()));
            }
        }
    }

    /** XA_PREPARE: forces the branch to the journal; a branch with no work is read-only and gone. */
    void prepare(XaXid xid, CompletableFuture<Integer> answer) {
        XaBranch branch = branch(xid);
        answerRollbackOnly(branch);
        requireState(branch, XaBranch.State.IDLE);
        if (branch.isEmpty()) {
            branches.remove(xid);
            answer.complete(XaCodec.VOTE_READ_ONLY);
            return;
        }
        branch.state = XaBranch.State.BUSY;
        byte[] key = XaBranchCodec.key(xid);
        byte[] payload = XaBranchCodec.prepared(branch);
        CompletableFuture.runAsync(() -> journal.put(key, payload), journalExecutor)
                .whenCompleteAsync((ignored, failure) -> {
                    if (failure != null) {
                        undo(branch);
                        branches.remove(xid);
                        answer.completeExceptionally(BrokerErrors.xa(ErrorCode.XA_ROLLED_BACK,
                                "branch " + xid + " could not be prepared: " + failure));
                        return;
                    }
                    branch.state = XaBranch.State.PREPARED;
                    answer.complete(XaCodec.VOTE_OK);
                }, core.executor);
    }

    /** XA_COMMIT: one-phase from IDLE, two-phase from PREPARED. */
    void commit(XaXid xid, boolean onePhase, CompletableFuture<Void> answer) {
        XaBranch branch = branch(xid);
        answerHeuristic(branch);
        answerRollbackOnly(branch);
        requireState(branch, onePhase ? XaBranch.State.IDLE : XaBranch.State.PREPARED);
        XaBranch.State before = branch.state;
        branch.state = XaBranch.State.BUSY;
        apply(branch).whenComplete((ignored, failure) -> {
            if (failure == null) {
                finish(branch, before == XaBranch.State.PREPARED, answer);
            } else if (onePhase) {
                undo(branch);
                branches.remove(xid);
                answer.completeExceptionally(BrokerErrors.xa(ErrorCode.XA_ROLLED_BACK, failure.getMessage()));
            } else {
                branch.state = before;
                answer.completeExceptionally(BrokerErrors.xa(ErrorCode.XA_RESOURCE_MANAGER_ERROR,
                        "branch " + xid + " stays prepared; commit again: " + failure.getMessage()));
            }
        });
    }

    /** Appends the sends, acknowledges the held messages and flushes; completes on the broker thread. */
    private CompletableFuture<Void> apply(XaBranch branch) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        core.sendPath.appendHeld(branch.sends).thenAccept(error -> {
            if (error != null) {
                done.completeExceptionally(new IllegalStateException(error));
                return;
            }
            branch.held.forEach(core.sessions::acknowledgeHeld);
            branch.held.clear();
            branch.sends.clear();
            core.flushOffsets().whenCompleteAsync((ignored, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                } else {
                    done.complete(null);
                }
            }, core.executor);
        });
        return done;
    }

    /** XA_ROLLBACK: discards the sends and returns the held messages, counted. */
    void rollback(XaXid xid, CompletableFuture<Void> answer) {
        XaBranch branch = branch(xid);
        answerHeuristic(branch);
        if (branch.state == XaBranch.State.ACTIVE || branch.state == XaBranch.State.ROLLBACK_ONLY
                && !branch.associations.isEmpty()) {
            // Some managers roll back before every joined association has ended (Payara's JTS ends
            // them afterwards): the work is undone now, and the branch lives until the last XA_END.
            markRollbackOnly(branch, ErrorCode.XA_ROLLED_BACK);
            branch.forgetWhenEnded = true;
            answer.complete(null);
            return;
        }
        if (branch.state == XaBranch.State.ROLLBACK_ONLY) {
            branches.remove(xid);
            answer.complete(null);
            return;
        }
        requireState(branch, XaBranch.State.IDLE, XaBranch.State.PREPARED);
        boolean prepared = branch.state == XaBranch.State.PREPARED;
        undo(branch);
        finish(branch, prepared, answer);
    }

    /** Removes a finished branch, clearing its journal entry first when it has one. */
    private void finish(XaBranch branch, boolean journaled, CompletableFuture<Void> answer) {
        branch.state = XaBranch.State.BUSY;
        CompletableFuture<Void> cleared = journaled
                ? CompletableFuture.runAsync(() -> journal.remove(XaBranchCodec.key(branch.xid)), journalExecutor)
                : CompletableFuture.completedFuture(null);
        cleared.whenCompleteAsync((ignored, failure) -> {
            branches.remove(branch.xid);
            branch.state = XaBranch.State.DONE;
            if (failure != null) {
                answer.completeExceptionally(BrokerErrors.xa(ErrorCode.XA_RESOURCE_MANAGER_ERROR,
                        "branch " + branch.xid + " finished but its journal entry stays: " + failure));
            } else {
                answer.complete(null);
            }
        }, core.executor);
    }

    /** XA_RECOVER: the prepared and heuristically completed branches. */
    List<XaXid> recover() {
        List<XaXid> inDoubt = new ArrayList<>();
        for (XaBranch branch : branches.values()) {
            if (branch.isInDoubt()) {
                inDoubt.add(branch.xid);
            }
        }
        return inDoubt;
    }

    /** XA_FORGET: drops a heuristically completed branch. */
    void forget(XaXid xid, CompletableFuture<Void> answer) {
        XaBranch branch = branch(xid);
        requireState(branch, XaBranch.State.HEURISTIC_COMMITTED, XaBranch.State.HEURISTIC_ROLLED_BACK);
        finish(branch, true, answer);
    }

    /**
     * An operator decides a prepared branch without its transaction manager: commits or rolls it
     * back and keeps it (journaled) as heuristically completed until the manager forgets it.
     */
    void completeHeuristically(XaXid xid, boolean commit, CompletableFuture<Void> answer) {
        XaBranch branch = branch(xid);
        requireState(branch, XaBranch.State.PREPARED);
        branch.state = XaBranch.State.BUSY;
        CompletableFuture<Void> work = commit ? apply(branch) : CompletableFuture.runAsync(() -> undo(branch),
                core.executor);
        byte outcome = commit ? XaBranchCodec.OUTCOME_HEURISTIC_COMMITTED : XaBranchCodec.OUTCOME_HEURISTIC_ROLLED_BACK;
        work.thenRunAsync(() -> journal.put(XaBranchCodec.key(xid), XaBranchCodec.outcome(outcome)), journalExecutor)
                .whenCompleteAsync((ignored, failure) -> {
                    if (failure != null) {
                        branch.state = XaBranch.State.PREPARED;
                        answer.completeExceptionally(failure);
                        return;
                    }
                    branch.state = commit ? XaBranch.State.HEURISTIC_COMMITTED : XaBranch.State.HEURISTIC_ROLLED_BACK;
                    answer.complete(null);
                }, core.executor);
    }

    /** Rolls back the branches whose timeout passed before they were prepared. */
    void expire(long nowMs) {
        for (Iterator<XaBranch> it = branches.values().iterator(); it.hasNext();) {
            XaBranch branch = it.next();
            boolean open = branch.state == XaBranch.State.ACTIVE || branch.state == XaBranch.State.IDLE;
            if (open && nowMs >= branch.deadlineMs) {
                markRollbackOnly(branch, ErrorCode.XA_ROLLED_BACK_TIMEOUT);
            } else if (branch.state == XaBranch.State.ROLLBACK_ONLY && branch.associations.isEmpty()
                    && nowMs - branch.rolledBackAtMs >= ROLLBACK_ONLY_RETENTION_MS) {
                it.remove();
            }
        }
    }

    /**
     * Sessions of a connection went away (the session closed, or the connection): their associations
     * end, and the branches they were feeding are rolled back. Their unabsorbed acknowledgements are
     * still the sessions' deliveries, which the caller returns.
     *
     * @param connection the connection
     * @param lostSession which sessions went away
     */
    void associationsLost(ConnectionState connection, LongPredicate lostSession) {
        for (XaBranch branch : List.copyOf(branches.values())) {
            boolean lost = branch.associations.entrySet().removeIf(entry ->
                    entry.getKey().connectionId() == connection.link.connectionId()
                            && lostSession.test(entry.getValue().sessionId));
            if (lost) {
                markRollbackOnly(branch, ErrorCode.XA_ROLLED_BACK_COMMUNICATION);
            }
        }
        connection.transactions.values().removeIf(tx -> tx.branch != null && lostSession.test(tx.sessionId));
    }

    /**
     * A connection closed: every branch not yet prepared that no open connection has worked on is
     * rolled back. Its transaction manager cannot complete it (recover lists prepared branches
     * only), so holding it would strand its messages until the timeout.
     *
     * @param connection the closed connection
     */
    void connectionLost(ConnectionState connection) {
        associationsLost(connection, lost -> true);
        for (XaBranch branch : List.copyOf(branches.values())) {
            if (branch.connections.remove(connection.link.connectionId()) && branch.connections.isEmpty()
                    && branch.state == XaBranch.State.IDLE) {
                markRollbackOnly(branch, ErrorCode.XA_ROLLED_BACK_COMMUNICATION);
            }
        }
    }

    private void markRollbackOnly(XaBranch branch, ErrorCode code) {
        if (branch.state == XaBranch.State.ROLLBACK_ONLY) {
            return;
        }
        undo(branch);
        branch.state = XaBranch.State.ROLLBACK_ONLY;
        branch.rollbackCode = code;
        branch.rolledBackAtMs = core.clock.millis();
    }

    /** Drops the branch's sends and returns its held messages to their queues, counted. */
    void undo(XaBranch branch) {
        branch.sends.clear();
        Set<DestinationState> touched = new LinkedHashSet<>();
        for (HeldMessage message : branch.held) {
            StoredRecord record = message.recordFrom(core.store);
            if (record == null) {
                message.queue().held.remove(message.queueOffset());
            } else {
                core.sessions.returnHeld(message, record);
            }
            touched.add(message.subscription().destination);
        }
        branch.held.clear();
        touched.forEach(core::dispatch);
    }

    private XaBranch branch(XaXid xid) {
        XaBranch branch = branches.get(xid);
        if (branch == null) {
            throw BrokerErrors.xa(ErrorCode.XA_UNKNOWN_XID, "unknown branch " + xid);
        }
        return branch;
    }

    private void answerRollbackOnly(XaBranch branch) {
        if (branch.state == XaBranch.State.ROLLBACK_ONLY && branch.associations.isEmpty()) {
            branches.remove(branch.xid);
            throw BrokerErrors.xa(branch.rollbackCode, "branch " + branch.xid + " was rolled back");
        }
    }

    private static void answerHeuristic(XaBranch branch) {
        if (branch.state == XaBranch.State.HEURISTIC_COMMITTED) {
            throw BrokerErrors.xa(ErrorCode.XA_HEURISTIC_COMMIT, "branch " + branch.xid + " was heuristically committed");
        }
        if (branch.state == XaBranch.State.HEURISTIC_ROLLED_BACK) {
            throw BrokerErrors.xa(ErrorCode.XA_HEURISTIC_ROLLBACK,
                    "branch " + branch.xid + " was heuristically rolled back");
        }
    }

    private static void requireState(XaBranch branch, XaBranch.State... allowed) {
        for (XaBranch.State state : allowed) {
            if (branch.state == state) {
                return;
            }
        }
        throw BrokerErrors.xa(ErrorCode.XA_PROTOCOL_ERROR, "branch " + branch.xid + " is " + branch.state);
    }
}
