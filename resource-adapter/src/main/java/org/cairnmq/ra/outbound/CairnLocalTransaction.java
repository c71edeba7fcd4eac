package org.cairnmq.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/**
 * A resource-local transaction of a managed connection, for containers configured with
 * {@code LocalTransaction} support: a one-branch XA transaction that the adapter drives itself
 * (start, end, one-phase commit or rollback), so the one physical session serves both modes.
 *
 * <p>Thread safety: the container begins and completes a transaction from its thread; synchronized.
 */
final class CairnLocalTransaction implements LocalTransaction {

    private final XAResource resource;
    private LocalXid current;

    CairnLocalTransaction(final XAResource resource) {
        this.resource = resource;
    }

    @Override
    public synchronized void begin() throws ResourceException {
        if (current != null) {
            throw new LocalTransactionException("CAIRN-RA310 a local transaction is already active");
        }
        final LocalXid xid = LocalXid.next();
        try {
            resource.start(xid, XAResource.TMNOFLAGS);
        } catch (final XAException failure) {
            throw failed("begin", failure);
        }
        current = xid;
    }

    @Override
    public synchronized void commit() throws ResourceException {
        final LocalXid xid = take("commit");
        try {
            resource.end(xid, XAResource.TMSUCCESS);
            resource.commit(xid, true);
        } catch (final XAException failure) {
            throw failed("commit", failure);
        }
    }

    @Override
    public synchronized void rollback() throws ResourceException {
        final LocalXid xid = take("rollback");
        boolean rolledBackByEnd = false;
        try {
            resource.end(xid, XAResource.TMFAIL);
        } catch (final XAException endFailure) {
            rolledBackByEnd = endFailure.errorCode >= XAException.XA_RBBASE
                && endFailure.errorCode <= XAException.XA_RBEND;
            if (!rolledBackByEnd) {
                throw failed("rollback", endFailure);
            }
        }
        try {
            resource.rollback(xid);
        } catch (final XAException failure) {
            if (!(rolledBackByEnd && failure.errorCode == XAException.XAER_NOTA)) {
                throw failed("rollback", failure);
            }
        }
    }

    private LocalXid take(final String operation) throws LocalTransactionException {
        final LocalXid xid = current;
        if (xid == null) {
            throw new LocalTransactionException("CAIRN-RA311 " + operation + " without an active local transaction");
        }
        current = null;
        return xid;
    }

    private static LocalTransactionException failed(final String operation, final XAException failure) {
        final LocalTransactionException exception = new LocalTransactionException("CAIRN-RA312 local transaction "
            + operation + " failed (XA error " + failure.errorCode + ")", Integer.toString(failure.errorCode));
        exception.initCause(failure);
        return exception;
    }
}
