package org.cairnmq.server.broker;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cairnmq.protocol.codec.XaCodec;
import org.cairnmq.protocol.codec.XaXid;

/**
 * The broker's XA transaction branches (docs/PROTOCOL.md, "XA transactions"), part of the
 * {@link Broker} facade: like it, every method may be called from any thread, never blocks, and
 * answers through a future that fails with a {@link BrokerException} carrying an XA_* error code.
 */
public final class XaTransactions {

    private final Broker broker;

    XaTransactions(Broker broker) {
        this.broker = broker;
    }

    /**
     * XA_START: a new branch, or a session joining or resuming one.
     *
     * @param link the connection
     * @param request the decoded request
     * @return completes once the session is associated
     */
    public CompletableFuture<Void> start(ClientLink link, XaCodec.StartRequest request) {
        return broker.run(() -> broker.core().xa().start(link, request));
    }

    /**
     * XA_END: the association's work moves into the branch.
     *
     * @param link the connection
     * @param request the decoded request
     * @return completes once ended
     */
    public CompletableFuture<Void> end(ClientLink link, XaCodec.EndRequest request) {
        return broker.run(() -> broker.core().xa().end(link, request));
    }

    /**
     * XA_PREPARE.
     *
     * @param xid the branch
     * @return completes with {@link XaCodec#VOTE_OK} once the branch is durable, or
     *     {@link XaCodec#VOTE_READ_ONLY} for a branch with no work
     */
    public CompletableFuture<Integer> prepare(XaXid xid) {
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        broker.submit(() -> broker.core().xa().prepare(xid, answer), answer);
        return answer;
    }

    /**
     * XA_COMMIT.
     *
     * @param xid the branch
     * @param onePhase whether no prepare came first
     * @return completes once the sends are durable and the acknowledgements flushed
     */
    public CompletableFuture<Void> commit(XaXid xid, boolean onePhase) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        broker.submit(() -> broker.core().xa().commit(xid, onePhase, answer), answer);
        return answer;
    }

    /**
     * XA_ROLLBACK.
     *
     * @param xid the branch
     * @return completes once rolled back
     */
    public CompletableFuture<Void> rollback(XaXid xid) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        broker.submit(() -> broker.core().xa().rollback(xid, answer), answer);
        return answer;
    }

    /**
     * XA_RECOVER; also the admin view of the branches in doubt.
     *
     * @return the prepared and heuristically completed branches
     */
    public CompletableFuture<List<XaXid>> recover() {
        return broker.call(() -> broker.core().xa().recover());
    }

    /**
     * XA_FORGET.
     *
     * @param xid a heuristically completed branch
     * @return completes once forgotten
     */
    public CompletableFuture<Void> forget(XaXid xid) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        broker.submit(() -> broker.core().xa().forget(xid, answer), answer);
        return answer;
    }

    /**
     * Admin: an operator commits or rolls back a prepared branch without its transaction manager. The
     * branch is then reported to the manager as heuristically completed (XA_HEURCOM / XA_HEURRB)
     * and listed by recover until forgotten.
     *
     * @param xid the prepared branch
     * @param commit commit, or roll back
     * @return completes once applied and journaled
     */
    public CompletableFuture<Void> completeHeuristically(XaXid xid, boolean commit) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        broker.submit(() -> broker.core().xa().completeHeuristically(xid, commit, answer), answer);
        return answer;
    }
}
