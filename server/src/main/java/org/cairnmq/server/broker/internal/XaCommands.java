package org.cairnmq.server.broker.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cairnmq.protocol.codec.XaCodec;
import org.cairnmq.protocol.codec.XaXid;
import org.cairnmq.server.broker.ClientLink;

/**
 * The XA entry points of the broker core, as the facade calls them. Owning thread: the broker
 * thread; the work is done by {@link XaOperations}.
 */
public final class XaCommands {

    private final BrokerCore core;
    private final XaOperations xa;

    XaCommands(BrokerCore core, XaOperations xa) {
        this.core = core;
        this.xa = xa;
    }

    /**
     * XA_START.
     *
     * @param link the connection
     * @param request the decoded request
     */
    public void start(ClientLink link, XaCodec.StartRequest request) {
        xa.start(core.connection(link), request.sessionId(), request.txId(), request.flags(), request.timeoutSeconds(),
                request.xid());
    }

    /**
     * XA_END.
     *
     * @param link the connection
     * @param request the decoded request
     */
    public void end(ClientLink link, XaCodec.EndRequest request) {
        xa.end(core.connection(link), request.txId(), request.flags(), request.xid());
    }

    /**
     * XA_PREPARE.
     *
     * @param xid the branch
     * @param answer completed with the vote once the branch is durable
     */
    public void prepare(XaXid xid, CompletableFuture<Integer> answer) {
        xa.prepare(xid, answer);
    }

    /**
     * XA_COMMIT.
     *
     * @param xid the branch
     * @param onePhase whether no prepare came first
     * @param answer completed once the sends are durable and the acknowledgements flushed
     */
    public void commit(XaXid xid, boolean onePhase, CompletableFuture<Void> answer) {
        xa.commit(xid, onePhase, answer);
    }

    /**
     * XA_ROLLBACK.
     *
     * @param xid the branch
     * @param answer completed once done
     */
    public void rollback(XaXid xid, CompletableFuture<Void> answer) {
        xa.rollback(xid, answer);
    }

    /** @return XA_RECOVER: the prepared and heuristically completed branches */
    public List<XaXid> recover() {
        return xa.recover();
    }

    /**
     * XA_FORGET.
     *
     * @param xid a heuristically completed branch
     * @param answer completed once forgotten durably
     */
    public void forget(XaXid xid, CompletableFuture<Void> answer) {
        xa.forget(xid, answer);
    }

    /**
     * An operator's heuristic decision on a prepared branch.
     *
     * @param xid the branch
     * @param commit commit, or roll back
     * @param answer completed once the decision is applied and journaled
     */
    public void completeHeuristically(XaXid xid, boolean commit, CompletableFuture<Void> answer) {
        xa.completeHeuristically(xid, commit, answer);
    }
}
