package org.cairnmq.jms.xa;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.transaction.xa.XAException;
import org.cairnmq.client.ConnectionLostException;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.command.ProtocolException;

/**
 * The one place that turns an XA request's failure into an {@link XAException} with the code a
 * transaction manager acts on.
 *
 * <pre>
 *   ErrorCode / failure                         XAException code
 *   XA_ROLLED_BACK                              XA_RBROLLBACK
 *   XA_ROLLED_BACK_TIMEOUT                      XA_RBTIMEOUT
 *   XA_ROLLED_BACK_COMMUNICATION                XA_RBCOMMFAIL
 *   TRANSACTION_ROLLED_BACK                     XA_RBROLLBACK
 *   XA_UNKNOWN_XID                              XAER_NOTA
 *   XA_INVALID_ARGUMENTS                        XAER_INVAL
 *   XA_PROTOCOL_ERROR, ILLEGAL_STATE            XAER_PROTO
 *   XA_DUPLICATE_XID                            XAER_DUPID
 *   XA_HEURISTIC_COMMIT / _ROLLBACK / _MIXED    XA_HEURCOM / XA_HEURRB / XA_HEURMIX
 *   XA_HEURISTIC_HAZARD                         XA_HEURHAZ
 *   connection lost, request timed out          XAER_RMFAIL
 *   anything else (XA_RESOURCE_MANAGER_ERROR,   XAER_RMERR
 *     INTERNAL, store and protocol errors)
 * </pre>
 *
 * <p>Design note: a lost connection or a timeout is XAER_RMFAIL, not XAER_RMERR, because the outcome
 * is unknown and the transaction manager must retry (a commit) or recover later; XAER_RMERR tells it
 * the resource manager failed for good on this branch.
 */
public final class XaErrors {

    private XaErrors() {
    }

    /**
     * The XAException code for a protocol error code.
     *
     * @param errorCode the broker's answer
     * @return the XAException code
     */
    public static int xaCodeOf(final ErrorCode errorCode) {
        return switch (errorCode) {
            case XA_ROLLED_BACK, TRANSACTION_ROLLED_BACK -> XAException.XA_RBROLLBACK;
            case XA_ROLLED_BACK_TIMEOUT -> XAException.XA_RBTIMEOUT;
            case XA_ROLLED_BACK_COMMUNICATION -> XAException.XA_RBCOMMFAIL;
            case XA_UNKNOWN_XID -> XAException.XAER_NOTA;
            case XA_INVALID_ARGUMENTS -> XAException.XAER_INVAL;
            case XA_PROTOCOL_ERROR, ILLEGAL_STATE -> XAException.XAER_PROTO;
            case XA_DUPLICATE_XID -> XAException.XAER_DUPID;
            case XA_HEURISTIC_COMMIT -> XAException.XA_HEURCOM;
            case XA_HEURISTIC_ROLLBACK -> XAException.XA_HEURRB;
            case XA_HEURISTIC_MIXED -> XAException.XA_HEURMIX;
            case XA_HEURISTIC_HAZARD -> XAException.XA_HEURHAZ;
            default -> XAException.XAER_RMERR;
        };
    }

    /**
     * Converts the failure of an XA request.
     *
     * @param operation what was asked, for the message (for example {@code "XA_PREPARE"})
     * @param failure a {@link ProtocolException}, a lost connection, a timeout, or anything else
     * @return the exception to throw, with the failure as its cause
     */
    public static XAException toXaException(final String operation, final Throwable failure) {
        final Throwable cause = unwrap(failure);
        if (cause instanceof ProtocolException refused) {
            return xaException(xaCodeOf(refused.errorCode()), "CAIRN-J210 " + operation + " failed: "
                + refused.getMessage(), refused);
        }
        if (cause instanceof ConnectionLostException || cause instanceof TimeoutException) {
            return xaException(XAException.XAER_RMFAIL, "CAIRN-J211 " + operation
                + " did not reach the broker, the outcome is unknown: " + cause.getMessage(), cause);
        }
        return xaException(XAException.XAER_RMERR, "CAIRN-J212 " + operation + " failed: " + cause, cause);
    }

    /**
     * Creates an XAException with a code and a message.
     *
     * @param xaCode the XAException code
     * @param message what went wrong
     * @param cause the cause, or {@code null}
     * @return the exception
     */
    public static XAException xaException(final int xaCode, final String message, final Throwable cause) {
        final XAException exception = new XAException(message);
        exception.errorCode = xaCode;
        if (cause != null) {
            exception.initCause(cause);
        }
        return exception;
    }

    /** Whether an XAException code says the branch was rolled back (XA_RBBASE to XA_RBEND). */
    public static boolean isRollback(final int xaCode) {
        return xaCode >= XAException.XA_RBBASE && xaCode <= XAException.XA_RBEND;
    }

    private static Throwable unwrap(final Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
            && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
