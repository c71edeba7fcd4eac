package org.cairnmq.jms.xa;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import javax.transaction.xa.Xid;
import org.cairnmq.protocol.codec.XaXid;

/**
 * An immutable {@link Xid} that compares by value (format id, global transaction id and branch
 * qualifier), as {@code XAResource.recover} returns them, so that a transaction manager may match
 * them against its own xids with {@code equals} or by their parts.
 */
public final class CairnXid implements Xid, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int formatId;
    private final byte[] globalTransactionId;
    private final byte[] branchQualifier;

    /**
     * Creates an xid; the arrays are copied.
     *
     * @param formatId the format id
     * @param globalTransactionId the global transaction id, 1 to {@link Xid#MAXGTRIDSIZE} bytes
     * @param branchQualifier the branch qualifier, 0 to {@link Xid#MAXBQUALSIZE} bytes
     * @throws IllegalArgumentException if a part is null or too long, or the global transaction id is empty
     */
    public CairnXid(final int formatId, final byte[] globalTransactionId, final byte[] branchQualifier) {
        if (globalTransactionId == null || globalTransactionId.length < 1
            || globalTransactionId.length > MAXGTRIDSIZE) {
            throw new IllegalArgumentException("CAIRN-J200 An xid's global transaction id must be 1 to "
                + MAXGTRIDSIZE + " bytes");
        }
        if (branchQualifier == null || branchQualifier.length > MAXBQUALSIZE) {
            throw new IllegalArgumentException("CAIRN-J201 An xid's branch qualifier must be 0 to "
                + MAXBQUALSIZE + " bytes");
        }
        this.formatId = formatId;
        this.globalTransactionId = globalTransactionId.clone();
        this.branchQualifier = branchQualifier.clone();
    }

    /**
     * Copies any xid into this value class.
     *
     * @param xid the xid
     * @return an equal {@code CairnXid}
     * @throws IllegalArgumentException if its parts are not valid
     */
    public static CairnXid of(final Xid xid) {
        return xid instanceof CairnXid cairnXid ? cairnXid
            : new CairnXid(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
    }

    /**
     * Reads the wire form.
     *
     * @param xid the xid as the protocol carries it
     * @return the equal {@code CairnXid}
     */
    public static CairnXid fromWire(final XaXid xid) {
        return new CairnXid(xid.formatId(), xid.globalTransactionId(), xid.branchQualifier());
    }

    /**
     * Returns the wire form.
     *
     * @return the xid as the protocol carries it
     */
    public XaXid toWire() {
        return new XaXid(formatId, globalTransactionId, branchQualifier);
    }

    @Override
    public int getFormatId() {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return globalTransactionId.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return branchQualifier.clone();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CairnXid that && formatId == that.formatId
            && Arrays.equals(globalTransactionId, that.globalTransactionId)
            && Arrays.equals(branchQualifier, that.branchQualifier);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * formatId + Arrays.hashCode(globalTransactionId)) + Arrays.hashCode(branchQualifier);
    }

    @Override
    public String toString() {
        return "CairnXid[" + toWire() + "]";
    }
}
