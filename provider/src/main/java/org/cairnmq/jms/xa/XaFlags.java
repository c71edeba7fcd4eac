package org.cairnmq.jms.xa;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The client-side argument checks of the XA calls: a null xid or a flag a call does not take is
 * XAER_INVAL before anything is sent.
 */
public final class XaFlags {

    private XaFlags() {
    }

    /**
     * Checks the flags of {@code start}: TMNOFLAGS, TMJOIN or TMRESUME.
     *
     * @param flags the flags
     * @throws XAException XAER_INVAL otherwise
     */
    public static void checkStart(final int flags) throws XAException {
        if (flags != XAResource.TMNOFLAGS && flags != XAResource.TMJOIN && flags != XAResource.TMRESUME) {
            throw invalid("start does not take the flags " + Integer.toHexString(flags));
        }
    }

    /**
     * Checks the flags of {@code end}: TMSUCCESS, TMFAIL or TMSUSPEND.
     *
     * @param flags the flags
     * @throws XAException XAER_INVAL otherwise
     */
    public static void checkEnd(final int flags) throws XAException {
        if (flags != XAResource.TMSUCCESS && flags != XAResource.TMFAIL && flags != XAResource.TMSUSPEND) {
            throw invalid("end does not take the flags " + Integer.toHexString(flags));
        }
    }

    /**
     * Checks an xid and copies it into the value class.
     *
     * @param xid the xid a transaction manager passed
     * @return the equal value xid
     * @throws XAException XAER_INVAL if it is null or its parts are not valid
     */
    public static CairnXid checkXid(final Xid xid) throws XAException {
        if (xid == null) {
            throw invalid("the xid must not be null");
        }
        try {
            return CairnXid.of(xid);
        } catch (final IllegalArgumentException | NullPointerException badXid) {
            throw invalid("the xid is not valid: " + badXid.getMessage());
        }
    }

    private static XAException invalid(final String reason) {
        return XaErrors.xaException(XAException.XAER_INVAL, "CAIRN-J213 Invalid XA argument: " + reason, null);
    }
}
