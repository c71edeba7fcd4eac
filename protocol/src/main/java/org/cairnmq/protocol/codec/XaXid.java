package org.cairnmq.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;

/**
 * An XA transaction branch identifier as it travels on the wire: the format id, the global
 * transaction id and the branch qualifier (each at most 64 bytes, as the XA specification says).
 * Compares by value, so it can key a map of branches.
 *
 * <pre>
 *  int formatId | byte gtridLength | gtridLength bytes | byte bqualLength | bqualLength bytes
 * </pre>
 *
 * @param formatId the format id (-1 is the null xid, never sent)
 * @param globalTransactionId the global transaction id, 1 to 64 bytes
 * @param branchQualifier the branch qualifier, 0 to 64 bytes
 */
public record XaXid(int formatId, byte[] globalTransactionId, byte[] branchQualifier) {

    /** The longest global transaction id or branch qualifier, in bytes. */
    public static final int MAX_PART_BYTES = 64;

    /**
     * @param formatId the format id
     * @param globalTransactionId the global transaction id, 1 to 64 bytes (copied)
     * @param branchQualifier the branch qualifier, 0 to 64 bytes (copied)
     */
    public XaXid {
        requirePart("global transaction id", globalTransactionId, 1);
        requirePart("branch qualifier", branchQualifier, 0);
        globalTransactionId = globalTransactionId.clone();
        branchQualifier = branchQualifier.clone();
    }

    private static void requirePart(final String what, final byte[] part, final int minBytes) {
        if (part == null || part.length < minBytes || part.length > MAX_PART_BYTES) {
            throw new IllegalArgumentException("an xid's " + what + " must be " + minBytes + " to "
                    + MAX_PART_BYTES + " bytes, not " + (part == null ? "null" : part.length));
        }
    }

    @Override
    public byte[] globalTransactionId() {
        return globalTransactionId.clone();
    }

    @Override
    public byte[] branchQualifier() {
        return branchQualifier.clone();
    }

    /**
     * Writes the xid.
     *
     * @param out the body
     */
    public void write(final ByteBuf out) {
        out.writeInt(formatId);
        out.writeByte(globalTransactionId.length);
        out.writeBytes(globalTransactionId);
        out.writeByte(branchQualifier.length);
        out.writeBytes(branchQualifier);
    }

    /**
     * Reads an xid, failing with MALFORMED_FRAME when it is truncated or a part is too long.
     *
     * @param in the body
     * @return the xid
     */
    public static XaXid read(final ByteBuf in) {
        final int formatId = CodecSupport.readInt(in);
        final byte[] gtrid = readPart(in, 1);
        final byte[] bqual = readPart(in, 0);
        return new XaXid(formatId, gtrid, bqual);
    }

    private static byte[] readPart(final ByteBuf in, final int minBytes) {
        final int length = CodecSupport.readByte(in) & 0xFF;
        if (length < minBytes || length > MAX_PART_BYTES) {
            throw CodecSupport.malformed("an xid part of " + length + " bytes");
        }
        CodecSupport.requireReadable(in, length);
        final byte[] part = new byte[length];
        in.readBytes(part);
        return part;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof XaXid that && formatId == that.formatId
                && Arrays.equals(globalTransactionId, that.globalTransactionId)
                && Arrays.equals(branchQualifier, that.branchQualifier);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * formatId + Arrays.hashCode(globalTransactionId)) + Arrays.hashCode(branchQualifier);
    }

    @Override
    public String toString() {
        return formatId + ":" + ByteBufUtil.hexDump(globalTransactionId) + ":" + ByteBufUtil.hexDump(branchQualifier);
    }
}
