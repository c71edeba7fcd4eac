package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The XA_* request and response bodies (docs/PROTOCOL.md, "XA transactions"). Flags carry the
 * values of {@code javax.transaction.xa.XAResource}'s TM* constants; failures travel as the XA_*
 * error codes of {@link org.cairnmq.protocol.command.ErrorCode}.
 *
 * <pre>
 *  XA_START    request:  long sessionId | long txId | int flags | int timeoutSeconds | xid
 *  XA_END      request:  long sessionId | long txId | int flags | xid
 *  XA_PREPARE  request:  xid                         response: int vote (0 XA_OK, 3 XA_RDONLY)
 *  XA_COMMIT   request:  xid | byte onePhase (0/1)
 *  XA_ROLLBACK request:  xid
 *  XA_FORGET   request:  xid
 *  XA_RECOVER  request:  (empty)                     response: int count | count x xid
 * </pre>
 */
public final class XaCodec {

    /** The prepare vote: the branch did work and is prepared. */
    public static final int VOTE_OK = 0;
    /** The prepare vote: the branch did no work and is already finished. */
    public static final int VOTE_READ_ONLY = 3;

    private static final int MIN_XID_BYTES = Integer.BYTES + 2 + 1;

    private XaCodec() {
    }

    /**
     * A decoded XA_START.
     *
     * @param sessionId the session whose sends and acks the branch takes
     * @param txId the id the session's SEND and ACK frames name while the branch is associated
     * @param flags TMNOFLAGS, TMJOIN or TMRESUME
     * @param timeoutSeconds the branch's timeout, 0 for the broker's default
     * @param xid the branch
     */
    public record StartRequest(long sessionId, long txId, int flags, int timeoutSeconds, XaXid xid) {
    }

    /**
     * A decoded XA_END.
     *
     * @param sessionId the session
     * @param txId the id the association used
     * @param flags TMSUCCESS, TMFAIL or TMSUSPEND
     * @param xid the branch
     */
    public record EndRequest(long sessionId, long txId, int flags, XaXid xid) {
    }

    /**
     * A decoded XA_COMMIT.
     *
     * @param xid the branch
     * @param onePhase whether this is a one-phase commit (no prepare before it)
     */
    public record CommitRequest(XaXid xid, boolean onePhase) {
    }

    /** Encodes an XA_START body. */
    public static BodyWriter start(final long sessionId, final long txId, final int flags, final int timeoutSeconds,
            final XaXid xid) {
        return out -> {
            out.writeLong(sessionId);
            out.writeLong(txId);
            out.writeInt(flags);
            out.writeInt(timeoutSeconds);
            xid.write(out);
        };
    }

    /** Decodes an XA_START body. */
    public static StartRequest decodeStart(final ByteBuf in) {
        final long sessionId = CodecSupport.readLong(in);
        final long txId = CodecSupport.readLong(in);
        final int flags = CodecSupport.readInt(in);
        final int timeoutSeconds = CodecSupport.readInt(in);
        return new StartRequest(sessionId, txId, flags, timeoutSeconds, XaXid.read(in));
    }

    /** Encodes an XA_END body. */
    public static BodyWriter end(final long sessionId, final long txId, final int flags, final XaXid xid) {
        return out -> {
            out.writeLong(sessionId);
            out.writeLong(txId);
            out.writeInt(flags);
            xid.write(out);
        };
    }

    /** Decodes an XA_END body. */
    public static EndRequest decodeEnd(final ByteBuf in) {
        final long sessionId = CodecSupport.readLong(in);
        final long txId = CodecSupport.readLong(in);
        final int flags = CodecSupport.readInt(in);
        return new EndRequest(sessionId, txId, flags, XaXid.read(in));
    }

    /** Encodes the body of XA_PREPARE, XA_ROLLBACK and XA_FORGET: the xid alone. */
    public static BodyWriter xid(final XaXid xid) {
        return xid::write;
    }

    /** Decodes the body of XA_PREPARE, XA_ROLLBACK and XA_FORGET. */
    public static XaXid decodeXid(final ByteBuf in) {
        return XaXid.read(in);
    }

    /** Encodes an XA_COMMIT body. */
    public static BodyWriter commit(final XaXid xid, final boolean onePhase) {
        return out -> {
            xid.write(out);
            out.writeByte(onePhase ? 1 : 0);
        };
    }

    /** Decodes an XA_COMMIT body. */
    public static CommitRequest decodeCommit(final ByteBuf in) {
        final XaXid xid = XaXid.read(in);
        final byte onePhase = CodecSupport.readByte(in);
        if (onePhase != 0 && onePhase != 1) {
            throw CodecSupport.malformed("onePhase must be 0 or 1, not " + onePhase);
        }
        return new CommitRequest(xid, onePhase == 1);
    }

    /** Encodes the XA_PREPARE response: {@link #VOTE_OK} or {@link #VOTE_READ_ONLY}. */
    public static BodyWriter prepareResponse(final int vote) {
        return out -> out.writeInt(vote);
    }

    /** Decodes the XA_PREPARE response. */
    public static int decodePrepareResponse(final ByteBuf in) {
        final int vote = CodecSupport.readInt(in);
        if (vote != VOTE_OK && vote != VOTE_READ_ONLY) {
            throw CodecSupport.malformed("prepare vote " + vote);
        }
        return vote;
    }

    /** Encodes the XA_RECOVER response: the branches the broker holds prepared or heuristically completed. */
    public static BodyWriter recoverResponse(final List<XaXid> xids) {
        return out -> {
            out.writeInt(xids.size());
            for (XaXid xid : xids) {
                xid.write(out);
            }
        };
    }

    /** Decodes the XA_RECOVER response. */
    public static List<XaXid> decodeRecoverResponse(final ByteBuf in) {
        final int count = CodecSupport.readCount(in, MIN_XID_BYTES);
        final List<XaXid> xids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            xids.add(XaXid.read(in));
        }
        return xids;
    }
}
