package org.cairnmq.server.store.internal;

import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.DEFINE_RECORD_FIXED_LENGTH;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.GROUP_LENGTH_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.HEADER_LENGTH;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.MAX_RECORD_LENGTH;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.MIN_RECORD_LENGTH;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.OFFSET_RECORD_LENGTH;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.QUEUE_ID_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.QUEUE_OFFSET_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.RECORD_CRC_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.RECORD_KEY_ID_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.RECORD_LENGTH_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.RECORD_TYPE_OFFSET;
import static org.cairnmq.server.store.internal.OffsetJournalDescriptor.REMOVE_RECORD_LENGTH;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.cairnmq.server.store.ConsumerQueueKey;

/**
 * Replays the records of a consumer-offset journal (layout in {@link OffsetJournalDescriptor}) and
 * finds where its valid part ends.
 */
final class OffsetJournalReader {

    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private OffsetJournalReader() {
    }

    /**
     * Replays every valid record after the header, in order, stopping at the first torn, corrupt or
     * meaningless one.
     *
     * @param channel the journal, whose header was already validated
     * @param visitor receives each record
     * @return the position right after the last valid record
     * @throws IOException if reading fails
     */
    static long replay(FileChannel channel, OffsetJournalVisitor visitor) throws IOException {
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(HEADER_LENGTH)),
                READ_BUFFER_BYTES);
        byte[] record = new byte[MAX_RECORD_LENGTH];
        ByteBuffer view = ByteBuffer.wrap(record);
        CRC32C crc = new CRC32C();
        long position = HEADER_LENGTH;
        while (true) {
            int length = readRecord(in, record, view);
            if (length < 0 || !crcMatches(crc, record, view, length) || !apply(view, length, visitor)) {
                return position;
            }
            position += length;
        }
    }

    private static int readRecord(InputStream in, byte[] record, ByteBuffer view) throws IOException {
        if (in.readNBytes(record, 0, RECORD_TYPE_OFFSET) < RECORD_TYPE_OFFSET) {
            return -1;
        }
        int length = view.getInt(RECORD_LENGTH_OFFSET);
        if (length < MIN_RECORD_LENGTH || length > MAX_RECORD_LENGTH) {
            return -1;
        }
        int rest = length - RECORD_TYPE_OFFSET;
        return in.readNBytes(record, RECORD_TYPE_OFFSET, rest) < rest ? -1 : length;
    }

    private static boolean crcMatches(CRC32C crc, byte[] record, ByteBuffer view, int length) {
        crc.reset();
        crc.update(record, RECORD_TYPE_OFFSET, length - RECORD_TYPE_OFFSET);
        return view.getInt(RECORD_CRC_OFFSET) == (int) crc.getValue();
    }

    private static boolean apply(ByteBuffer view, int length, OffsetJournalVisitor visitor) {
        OffsetJournalRecordType type = OffsetJournalRecordType.fromCode(view.get(RECORD_TYPE_OFFSET));
        int keyId = view.getInt(RECORD_KEY_ID_OFFSET);
        return switch (type) {
            case DEFINE_KEY -> applyDefineKey(view, length, keyId, visitor);
            case ACK -> length == OFFSET_RECORD_LENGTH && visitor.onAck(keyId, queueOffset(view));
            case ACK_UP_TO -> length == OFFSET_RECORD_LENGTH && visitor.onAckUpTo(keyId, queueOffset(view));
            case RESET -> length == OFFSET_RECORD_LENGTH && visitor.onReset(keyId, queueOffset(view));
            case REMOVE_KEY -> length == REMOVE_RECORD_LENGTH && visitor.onRemoveKey(keyId);
            case UNKNOWN -> false;
        };
    }

    private static long queueOffset(ByteBuffer view) {
        return view.getLong(QUEUE_OFFSET_OFFSET);
    }

    private static boolean applyDefineKey(ByteBuffer view, int length, int keyId, OffsetJournalVisitor visitor) {
        if (length < DEFINE_RECORD_FIXED_LENGTH) {
            return false;
        }
        int groupLength = Short.toUnsignedInt(view.getShort(GROUP_LENGTH_OFFSET));
        int topicLengthOffset = GROUP_LENGTH_OFFSET + Short.BYTES + groupLength;
        if (topicLengthOffset + Short.BYTES > length) {
            return false;
        }
        int topicLength = Short.toUnsignedInt(view.getShort(topicLengthOffset));
        if (topicLengthOffset + Short.BYTES + topicLength != length) {
            return false;
        }
        String group = new String(view.array(), GROUP_LENGTH_OFFSET + Short.BYTES, groupLength,
                StandardCharsets.UTF_8);
        String topic = new String(view.array(), topicLengthOffset + Short.BYTES, topicLength,
                StandardCharsets.UTF_8);
        try {
            return visitor.onDefineKey(keyId, new ConsumerQueueKey(group, topic, view.getInt(QUEUE_ID_OFFSET)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
