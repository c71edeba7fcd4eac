package org.cairnmq.server.broker.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cairnmq.protocol.codec.XaXid;
import org.cairnmq.protocol.command.ErrorCode;

/**
 * One XA transaction branch: its work (held sends, and acknowledgements taken over from sessions),
 * its state, and the session associations that feed it. Each association collects its SEND and ACK
 * frames in a {@link LocalTransaction} of its connection (under its txId); XA_END moves that work
 * into the branch, so the branch no longer depends on the session or the connection.
 * Owning thread: the broker thread.
 *
 * <pre>
 *   XA_START ─► ACTIVE ─XA_END(success)─► IDLE ─XA_PREPARE─► BUSY ─► PREPARED ─► (commit | rollback)
 *                 │  └─XA_END(suspend)─► IDLE (suspended)   └─ no work: read-only, gone
 *                 └─ XA_END(fail), timeout, lost connection ─► ROLLBACK_ONLY (answers its XA_RB* code)
 *   PREPARED ─admin─► HEURISTIC_COMMITTED | HEURISTIC_ROLLED_BACK ─XA_FORGET─► gone
 * </pre>
 */
final class XaBranch {

    /** Where the branch is in its life. */
    enum State {
        /** At least one session is associated. */
        ACTIVE,
        /** Ended (or suspended): may be joined, resumed, prepared, committed in one phase or rolled back. */
        IDLE,
        /** The prepare record is being forced, or a commit is being applied; no other call is allowed. */
        BUSY,
        /** Durable in the branch journal; waits for the transaction manager's decision. */
        PREPARED,
        /** Its work was rolled back; the next call answers {@link #rollbackCode}. */
        ROLLBACK_ONLY,
        /** An operator committed it; listed by recover until forgotten. */
        HEURISTIC_COMMITTED,
        /** An operator rolled it back; listed by recover until forgotten. */
        HEURISTIC_ROLLED_BACK,
        /** Finished; kept by no one. */
        DONE
    }

    /** A session association: the connection and the txId its SEND and ACK frames name. */
    record Association(long connectionId, long txId) {
    }

    final XaXid xid;
    final List<LocalTransaction.HeldSend> sends = new ArrayList<>();
    final List<HeldMessage> held = new ArrayList<>();
    final Map<Association, LocalTransaction> associations = new HashMap<>();
    /** The connections that associated sessions with the branch and are still open. */
    final Set<Long> connections = new HashSet<>();
    State state = State.ACTIVE;
    ErrorCode rollbackCode = ErrorCode.XA_ROLLED_BACK;
    final long deadlineMs;
    /** When the branch became rollback-only, for forgetting it if no one ever asks. */
    long rolledBackAtMs;
    /** The transaction manager rolled it back while sessions were still associated: gone when they end. */
    boolean forgetWhenEnded;

    XaBranch(XaXid xid, long deadlineMs) {
        this.xid = xid;
        this.deadlineMs = deadlineMs;
    }

    /** @return whether the branch has nothing to commit */
    boolean isEmpty() {
        return sends.isEmpty() && held.isEmpty();
    }

    /** @return whether recover lists it */
    boolean isInDoubt() {
        return state == State.PREPARED || state == State.HEURISTIC_COMMITTED || state == State.HEURISTIC_ROLLED_BACK;
    }
}
