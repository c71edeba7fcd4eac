package org.cairnmq.protocol.command;

/**
 * The status of a response frame, and the category of a {@link ProtocolException}.
 *
 * <p>Codes are grouped in families with gaps between them:
 * <pre>
 *     0         OK
 *     1 -   99  framing and protocol
 *   100 -  199  security
 *   200 -  299  invalid requests (destination, selector, client id, state, message)
 *   300 -  399  resources
 *   400 -  449  local transactions
 *   450 -  499  XA transactions (mirroring the XAException error codes)
 *   900 -  999  the server itself
 * </pre>
 * A duplicate message is deliberately not an error: the broker acknowledges a resend of a stored
 * message id as if it had stored it again.
 */
public enum ErrorCode {
    /** Success. */
    OK(0),

    /** A frame or record whose layout is broken: bad length, truncated field, bad tag. */
    MALFORMED_FRAME(1),
    /** A frame longer than the receiver's configured maximum frame length. */
    FRAME_TOO_LARGE(2),
    /** A frame whose protocol version the receiver does not speak. */
    UNSUPPORTED_VERSION(3),
    /** A frame whose command code the receiver does not know. */
    UNKNOWN_COMMAND(4),

    /** The handshake's credentials were rejected. */
    AUTHENTICATION_FAILED(100),
    /** The authenticated user may not do this. */
    NOT_AUTHORIZED(101),

    /** The destination does not exist or its name is not valid. */
    INVALID_DESTINATION(200),
    /** The message selector does not parse. */
    INVALID_SELECTOR(201),
    /** The client id is malformed or already in use. */
    INVALID_CLIENT_ID(202),
    /** The request is not allowed in the current state (closed consumer, active subscription...). */
    ILLEGAL_STATE(203),
    /** A message or value has a type or content the operation does not accept. */
    MESSAGE_FORMAT(204),
    /** A message larger than the broker's maximum message size. */
    MESSAGE_TOO_LARGE(205),

    /** The broker cannot allocate what the request needs: disk full, a limit reached. */
    RESOURCE_ALLOCATION(300),

    /** A commit failed and the transaction was rolled back instead. */
    TRANSACTION_ROLLED_BACK(400),
    /** The request is not allowed while a transaction is in progress. */
    TRANSACTION_IN_PROGRESS(401),

    /** XA_RBROLLBACK: the branch was rolled back. */
    XA_ROLLED_BACK(450),
    /** XAER_NOTA: the xid is not known. */
    XA_UNKNOWN_XID(451),
    /** XAER_INVAL: invalid arguments. */
    XA_INVALID_ARGUMENTS(452),
    /** XAER_PROTO: the call is not allowed in the branch's state. */
    XA_PROTOCOL_ERROR(453),
    /** XAER_DUPID: the xid already exists. */
    XA_DUPLICATE_XID(454),
    /** XAER_RMERR: an error in the resource manager. */
    XA_RESOURCE_MANAGER_ERROR(455),
    /** XA_HEURCOM: the branch was heuristically committed. */
    XA_HEURISTIC_COMMIT(456),
    /** XA_HEURRB: the branch was heuristically rolled back. */
    XA_HEURISTIC_ROLLBACK(457),
    /** XA_HEURMIX: the branch was partly committed and partly rolled back. */
    XA_HEURISTIC_MIXED(458),
    /** XA_RBTIMEOUT: the branch was rolled back because its timeout passed. */
    XA_ROLLED_BACK_TIMEOUT(459),
    /** XA_HEURHAZ: the branch may have been heuristically completed. */
    XA_HEURISTIC_HAZARD(460),
    /** XA_RBCOMMFAIL: the branch was rolled back because its connection was lost while it was active. */
    XA_ROLLED_BACK_COMMUNICATION(461),

    /** An unexpected failure inside the server. */
    INTERNAL(900),

    /** A code this version does not know. Never written to the wire. */
    UNKNOWN(-1);

    private static final ErrorCode[] BY_CODE = indexByCode();

    private final int code;

    ErrorCode(final int code) {
        this.code = code;
    }

    /**
     * Returns the wire value.
     *
     * @return the 16-bit status written to a response frame header
     */
    public int code() {
        return code;
    }

    /**
     * Looks up a wire value without allocating.
     *
     * @param code the value read from a frame header
     * @return the error code, or {@link #UNKNOWN} when the code is not one of this version's
     */
    public static ErrorCode fromCode(final int code) {
        if (code < 0 || code >= BY_CODE.length) {
            return UNKNOWN;
        }
        final ErrorCode errorCode = BY_CODE[code];
        return errorCode == null ? UNKNOWN : errorCode;
    }

    private static ErrorCode[] indexByCode() {
        int max = 0;
        for (final ErrorCode errorCode : values()) {
            max = Math.max(max, errorCode.code);
        }
        final ErrorCode[] byCode = new ErrorCode[max + 1];
        for (final ErrorCode errorCode : values()) {
            if (errorCode.code >= 0) {
                if (byCode[errorCode.code] != null) {
                    throw new ExceptionInInitializerError("duplicate error code " + errorCode.code);
                }
                byCode[errorCode.code] = errorCode;
            }
        }
        return byCode;
    }
}
