package org.cairnmq.ra.support;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import javax.transaction.xa.Xid;

/** A branch id for the test transaction manager. */
public final class TestXid implements Xid {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime());

    private final byte[] global;

    private TestXid(final byte[] global) {
        this.global = global;
    }

    /** @return a fresh id */
    public static TestXid next() {
        return new TestXid(ByteBuffer.allocate(8).putLong(NEXT.incrementAndGet()).array());
    }

    @Override
    public int getFormatId() {
        return 4242;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return global.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return new byte[] {7};
    }

    /**
     * @param other any id
     * @return whether it names the same branch
     */
    public boolean sameAs(final Xid other) {
        return other.getFormatId() == getFormatId() && Arrays.equals(other.getGlobalTransactionId(), global)
            && Arrays.equals(other.getBranchQualifier(), getBranchQualifier());
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Xid xid && sameAs(xid);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(global);
    }
}
