package org.cairnmq.server.broker.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.cairnmq.protocol.codec.CodecSupport;
import org.cairnmq.protocol.codec.XaXid;
import org.cairnmq.protocol.record.DestinationKind;

/**
 * The bytes the branch journal keeps for a branch: the key is the xid as the wire writes it, the
 * payload the branch's outcome and, for a prepared branch, its work.
 *
 * <pre>
 *  payload:  byte outcome (1 PREPARED, 2 HEURISTIC_COMMITTED, 3 HEURISTIC_ROLLED_BACK)
 *            PREPARED only:
 *              int sendCount, per send: destination (byte kind, string name) | int queueId
 *                 | nullable string dedupKey | byte persistent | long bornTimestampMs
 *                 | long publisherTag | bytes record
 *              int heldCount, per held message: destination | string group | int queueId
 *                 | long queueOffset | int deliveryCount | int priority
 * </pre>
 */
final class XaBranchCodec {

    static final byte OUTCOME_PREPARED = 1;
    static final byte OUTCOME_HEURISTIC_COMMITTED = 2;
    static final byte OUTCOME_HEURISTIC_ROLLED_BACK = 3;

    private XaBranchCodec() {
    }

    /** A send of a recovered branch, its destination still by name. */
    record SendEntry(DestinationKind kind, String name, int queueId, String dedupKey, boolean persistent,
            long bornTimestampMs, long publisherTag, byte[] record) {
    }

    /** A held message of a recovered branch, by position. */
    record HeldEntry(DestinationKind kind, String name, String group, int queueId, long queueOffset,
            int deliveryCount, int priority) {
    }

    /** A decoded journal entry. */
    record Decoded(XaXid xid, byte outcome, List<SendEntry> sends, List<HeldEntry> held) {
    }

    static byte[] key(XaXid xid) {
        ByteBuf out = Unpooled.buffer();
        try {
            xid.write(out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    static byte[] outcome(byte outcome) {
        return new byte[] {outcome};
    }

    static byte[] prepared(XaBranch branch) {
        ByteBuf out = Unpooled.buffer();
        try {
            out.writeByte(OUTCOME_PREPARED);
            out.writeInt(branch.sends.size());
            for (LocalTransaction.HeldSend send : branch.sends) {
                CodecSupport.writeDestination(out, send.destination().kind, send.destination().name);
                out.writeInt(send.queueId());
                CodecSupport.writeNullableString(out, send.dedupKey());
                out.writeBoolean(send.persistent());
                out.writeLong(send.bornTimestampMs());
                out.writeLong(send.publisherTag());
                CodecSupport.writeNullableBytes(out, send.record());
            }
            out.writeInt(branch.held.size());
            for (HeldMessage held : branch.held) {
                DestinationState destination = held.subscription().destination;
                CodecSupport.writeDestination(out, destination.kind, destination.name);
                CodecSupport.writeString(out, held.subscription().group);
                out.writeInt(held.queue().queueId);
                out.writeLong(held.queueOffset());
                out.writeInt(held.deliveryCount());
                out.writeInt(held.priority());
            }
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    static Decoded decode(byte[] key, byte[] payload) {
        ByteBuf in = Unpooled.wrappedBuffer(payload);
        XaXid xid = XaXid.read(Unpooled.wrappedBuffer(key));
        byte outcome = in.readByte();
        List<SendEntry> sends = new ArrayList<>();
        List<HeldEntry> held = new ArrayList<>();
        if (outcome == OUTCOME_PREPARED) {
            for (int i = in.readInt(); i > 0; i--) {
                DestinationKind kind = CodecSupport.readDestinationKind(in);
                sends.add(new SendEntry(kind, CodecSupport.readString(in), in.readInt(),
                        CodecSupport.readNullableString(in), in.readBoolean(), in.readLong(), in.readLong(),
                        CodecSupport.readNullableBytes(in)));
            }
            for (int i = in.readInt(); i > 0; i--) {
                DestinationKind kind = CodecSupport.readDestinationKind(in);
                held.add(new HeldEntry(kind, CodecSupport.readString(in), CodecSupport.readString(in), in.readInt(),
                        in.readLong(), in.readInt(), in.readInt()));
            }
        }
        return new Decoded(xid, outcome, sends, held);
    }
}
