package org.cairnmq.ra.support;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/**
 * The transaction manager's part in a test: one branch on one resource, started, then committed in
 * two phases or rolled back. The container and its transaction manager are not Cairn's, so tests play
 * them with this.
 */
public final class TestBranch {

    private final XAResource resource;
    private final TestXid xid = TestXid.next();

    private TestBranch(final XAResource resource) {
        this.resource = resource;
    }

    /**
     * Starts a branch.
     *
     * @param resource the resource to enlist
     * @return the started branch
     * @throws XAException if start fails
     */
    public static TestBranch start(final XAResource resource) throws XAException {
        final TestBranch branch = new TestBranch(resource);
        resource.start(branch.xid, XAResource.TMNOFLAGS);
        return branch;
    }

    /** @return the branch id */
    public TestXid xid() {
        return xid;
    }

    /**
     * Ends and prepares the branch, leaving it in doubt.
     *
     * @throws XAException if end or prepare fails
     */
    public void prepare() throws XAException {
        resource.end(xid, XAResource.TMSUCCESS);
        resource.prepare(xid);
    }

    /**
     * Ends, prepares and commits the branch.
     *
     * @throws XAException if a step fails
     */
    public void commit() throws XAException {
        resource.end(xid, XAResource.TMSUCCESS);
        if (resource.prepare(xid) == XAResource.XA_OK) {
            resource.commit(xid, false);
        }
    }

    /**
     * Ends the branch as failed and rolls it back.
     *
     * @throws XAException if rollback fails
     */
    public void rollback() throws XAException {
        try {
            resource.end(xid, XAResource.TMFAIL);
        } catch (final XAException rolledBackAlready) {
            if (rolledBackAlready.errorCode < XAException.XA_RBBASE
                || rolledBackAlready.errorCode > XAException.XA_RBEND) {
                throw rolledBackAlready;
            }
        }
        resource.rollback(xid);
    }
}
