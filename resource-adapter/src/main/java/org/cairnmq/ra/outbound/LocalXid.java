package org.cairnmq.ra.outbound;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import javax.transaction.xa.Xid;

/** The branch id of a resource-local transaction, which the adapter drives through the XA resource. */
final class LocalXid implements Xid {

    /** "CRLT": Cairn resource-local transaction. */
    static final int FORMAT_ID = 0x43524C54;

    private final byte[] globalTransactionId;

    private LocalXid(final byte[] globalTransactionId) {
        this.globalTransactionId = globalTransactionId;
    }

    /**
     * Makes a fresh id.
     *
     * @return an id no other transaction has
     */
    static LocalXid next() {
        final UUID uuid = UUID.randomUUID();
        return new LocalXid(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
            .putLong(uuid.getLeastSignificantBits()).array());
    }

    @Override
    public int getFormatId() {
        return FORMAT_ID;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return globalTransactionId.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return new byte[] {1};
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof LocalXid xid && Arrays.equals(xid.globalTransactionId, globalTransactionId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(globalTransactionId);
    }
}
