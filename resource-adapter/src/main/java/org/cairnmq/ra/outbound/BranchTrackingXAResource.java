package org.cairnmq.ra.outbound;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The {@link XAResource} of a managed connection: the physical session's resource, plus whether the
 * session is associated with a branch now, which the handles need to apply the container's rules
 * (inside a transaction the session is transacted; outside it acknowledges automatically).
 *
 * <p>Thread safety: the transaction manager's calls may come from any thread; the flag is volatile.
 */
final class BranchTrackingXAResource implements XAResource {

    private final XAResource physical;
    private volatile boolean inBranch;

    BranchTrackingXAResource(final XAResource physical) {
        this.physical = physical;
    }

    /**
     * Tells whether the session does work for a branch now.
     *
     * @return whether a branch is started and not ended or suspended
     */
    boolean inBranch() {
        return inBranch;
    }

    @Override
    public void start(final Xid xid, final int flags) throws XAException {
        physical.start(xid, flags);
        inBranch = true;
    }

    @Override
    public void end(final Xid xid, final int flags) throws XAException {
        inBranch = false;
        physical.end(xid, flags);
    }

    @Override
    public int prepare(final Xid xid) throws XAException {
        return physical.prepare(xid);
    }

    @Override
    public void commit(final Xid xid, final boolean onePhase) throws XAException {
        physical.commit(xid, onePhase);
    }

    @Override
    public void rollback(final Xid xid) throws XAException {
        physical.rollback(xid);
    }

    @Override
    public void forget(final Xid xid) throws XAException {
        physical.forget(xid);
    }

    @Override
    public Xid[] recover(final int flag) throws XAException {
        return physical.recover(flag);
    }

    @Override
    public boolean isSameRM(final XAResource other) throws XAException {
        return physical.isSameRM(other instanceof BranchTrackingXAResource tracking ? tracking.physical : other);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return physical.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(final int seconds) throws XAException {
        return physical.setTransactionTimeout(seconds);
    }

    @Override
    public String toString() {
        return "BranchTrackingXAResource[" + physical + "]";
    }
}
