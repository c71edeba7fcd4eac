package org.cairnmq.jms.xa;

import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The state of one XA resource's recovery scan, as {@code XAResource.recover(flags)} defines it.
 *
 * <pre>
 *   flags                       scan open?   result
 *   TMSTARTRSCAN                any          every branch the broker reports; the scan is open
 *   TMSTARTRSCAN | TMENDRSCAN   any          every branch the broker reports; the scan is closed
 *   TMNOFLAGS                   yes          what is left of the scan: nothing, the first call returned all
 *   TMENDRSCAN                  yes          nothing; the scan is closed
 *   TMNOFLAGS or TMENDRSCAN     no           XAER_PROTO
 *   anything else               -            XAER_INVAL
 * </pre>
 *
 * <p>Thread safety: the caller's; a transaction manager drives one scan at a time per resource.
 */
public final class RecoverScan {

    /** Asks the broker for the branches it holds prepared or heuristically completed. */
    @FunctionalInterface
    public interface Fetch {

        /**
         * Lists the branches.
         *
         * @return the branches
         * @throws XAException if the broker cannot be asked
         */
        List<CairnXid> fetch() throws XAException;
    }

    private boolean open;

    /**
     * Takes the next step of the scan.
     *
     * @param flags the flags {@code recover} was called with
     * @param fetch asks the broker, called only when the flags start a scan
     * @return the xids to return
     * @throws XAException XAER_INVAL for invalid flags, XAER_PROTO for a scan step without an open scan,
     *     or the failure of {@code fetch}
     */
    public Xid[] next(final int flags, final Fetch fetch) throws XAException {
        if ((flags & ~(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) != 0) {
            throw XaErrors.xaException(XAException.XAER_INVAL, "CAIRN-J214 recover does not take the flags "
                + Integer.toHexString(flags), null);
        }
        if ((flags & XAResource.TMSTARTRSCAN) != 0) {
            open = false;
            final List<CairnXid> xids = fetch.fetch();
            open = (flags & XAResource.TMENDRSCAN) == 0;
            return xids.toArray(new Xid[0]);
        }
        if (!open) {
            throw XaErrors.xaException(XAException.XAER_PROTO, "CAIRN-J215 recover(" + Integer.toHexString(flags)
                + ") continues a scan, but none was started with TMSTARTRSCAN", null);
        }
        if ((flags & XAResource.TMENDRSCAN) != 0) {
            open = false;
        }
        return new Xid[0];
    }

    /** Whether a scan is open (started with TMSTARTRSCAN and not ended). */
    public boolean isOpen() {
        return open;
    }
}
