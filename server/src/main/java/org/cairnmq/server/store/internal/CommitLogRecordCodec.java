package org.cairnmq.server.store.internal;

import static org.cairnmq.server.store.CommitLogRecordDescriptor.BLANK_MAGIC;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.BLANK_MARKER_BYTES;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.BORN_TIMESTAMP_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.CRC_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.CRC_START_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.FLAGS_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.MAGIC_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.MAX_TOPIC_BYTES;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.MIN_RECORD_BYTES;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.PHYSICAL_OFFSET_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.QUEUE_ID_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.QUEUE_OFFSET_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.RECORD_MAGIC;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.STORE_TIMESTAMP_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.TAGS_CODE_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.TOPIC_LENGTH_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.TOTAL_LENGTH_OFFSET;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import org.cairnmq.server.store.AppendRequest;
import org.cairnmq.server.store.CommitLogRecordDescriptor;

/**
 * Writes and checks records laid out as in {@link CommitLogRecordDescriptor}.
 *
 * <p>Owning thread: an instance holds a reusable {@link CRC32C}, so each thread that encodes or
 * verifies (the appender, recovery) uses its own instance.
 */
public final class CommitLogRecordCodec {

    /** {@link #check} result: no data at this position (a zero length and magic). */
    public static final int END_OF_DATA = 0;
    /** {@link #check} result: the bytes at this position are not a valid record or marker. */
    public static final int CORRUPT = -1;
    /** {@link #check} result: a blank marker fills the rest of the segment. */
    public static final int BLANK = -2;

    private final CRC32C crc = new CRC32C();

    /**
     * Writes one record at {@code position} of {@code view}, CRC last.
     *
     * @param view the writer's own view of the segment; its position and limit are changed
     * @param position where the record starts in the segment
     * @param recordBytes the record's length, from {@link CommitLogRecordDescriptor#recordLength}
     * @param request what to write
     * @param topicUtf8 the request's topic, encoded
     * @param queueOffset the record's logical offset
     * @param physicalOffset the record's offset in the CommitLog
     * @param storeTimestampMs the store timestamp
     */
    public void encode(ByteBuffer view, int position, int recordBytes, AppendRequest request, byte[] topicUtf8,
            long queueOffset, long physicalOffset, long storeTimestampMs) {
        byte[] key = request.key();
        ByteBuffer payload = request.payload();
        view.putInt(position + TOTAL_LENGTH_OFFSET, recordBytes);
        view.putInt(position + MAGIC_OFFSET, RECORD_MAGIC);
        view.putInt(position + QUEUE_ID_OFFSET, request.queueId());
        view.putLong(position + QUEUE_OFFSET_OFFSET, queueOffset);
        view.putLong(position + PHYSICAL_OFFSET_OFFSET, physicalOffset);
        view.putLong(position + BORN_TIMESTAMP_OFFSET, request.bornTimestampMs());
        view.putLong(position + STORE_TIMESTAMP_OFFSET, storeTimestampMs);
        view.putInt(position + FLAGS_OFFSET, request.flags());
        view.putLong(position + TAGS_CODE_OFFSET, request.tagsCode());
        view.putShort(position + TOPIC_LENGTH_OFFSET, (short) topicUtf8.length);
        view.put(position + TOPIC_LENGTH_OFFSET + 2, topicUtf8);
        int keyLengthOffset = position + CommitLogRecordDescriptor.keyLengthOffset(topicUtf8.length);
        view.putShort(keyLengthOffset, (short) key.length);
        view.put(keyLengthOffset + 2, key);
        int payloadLengthOffset = keyLengthOffset + 2 + key.length;
        view.putInt(payloadLengthOffset, payload.remaining());
        view.put(payloadLengthOffset + 4, payload, payload.position(), payload.remaining());
        view.putInt(position + CRC_OFFSET, crcOf(view, position, recordBytes));
    }

    /**
     * Writes a blank marker that fills {@code [position, segmentBytes)}.
     *
     * @param view the writer's view of the segment
     * @param position where the marker starts
     * @param segmentBytes the segment's size
     */
    public static void encodeBlank(ByteBuffer view, int position, int segmentBytes) {
        encodeBlankAt(view, position, segmentBytes - position);
    }

    /**
     * Writes a blank marker at {@code index} of a buffer that is not the segment itself (the
     * appender's staging buffer).
     *
     * @param buffer where to write the marker's {@value CommitLogRecordDescriptor#BLANK_MARKER_BYTES} bytes
     * @param index where the marker starts in {@code buffer}
     * @param lengthBytes how much of the segment the marker covers: from its start to the segment end
     */
    public static void encodeBlankAt(ByteBuffer buffer, int index, int lengthBytes) {
        buffer.putInt(index + TOTAL_LENGTH_OFFSET, lengthBytes);
        buffer.putInt(index + MAGIC_OFFSET, BLANK_MAGIC);
    }

    /**
     * Checks the bytes at {@code position}.
     *
     * @param view a view of the segment whose position and limit this method may change
     * @param position where a record or marker should start
     * @param limit the end of the readable bytes in the segment
     * @param segmentBytes the segment's size
     * @param physicalOffset the CommitLog offset of {@code position}
     * @param verifyCrc whether to recompute the CRC (recovery) or trust the writer (dispatch)
     * @return the record's length (positive), or {@link #END_OF_DATA}, {@link #BLANK}, {@link #CORRUPT}
     */
    public int check(ByteBuffer view, int position, int limit, int segmentBytes, long physicalOffset,
            boolean verifyCrc) {
        if (position + BLANK_MARKER_BYTES > limit) {
            return END_OF_DATA;
        }
        int totalLength = view.getInt(position + TOTAL_LENGTH_OFFSET);
        int magic = view.getInt(position + MAGIC_OFFSET);
        if (totalLength == 0 && magic == 0) {
            return END_OF_DATA;
        }
        if (magic == BLANK_MAGIC) {
            return totalLength == segmentBytes - position ? BLANK : CORRUPT;
        }
        if (magic != RECORD_MAGIC || totalLength < MIN_RECORD_BYTES || totalLength > limit - position
                || view.getLong(position + PHYSICAL_OFFSET_OFFSET) != physicalOffset
                || !lengthsConsistent(view, position, totalLength)) {
            return CORRUPT;
        }
        if (verifyCrc && view.getInt(position + CRC_OFFSET) != crcOf(view, position, totalLength)) {
            return CORRUPT;
        }
        return totalLength;
    }

    private static boolean lengthsConsistent(ByteBuffer view, int position, int totalLength) {
        int topicBytes = view.getShort(position + TOPIC_LENGTH_OFFSET);
        if (topicBytes < 1 || topicBytes > MAX_TOPIC_BYTES) {
            return false;
        }
        int keyBytes = view.getShort(position + CommitLogRecordDescriptor.keyLengthOffset(topicBytes));
        if (keyBytes < 0) {
            return false;
        }
        int payloadLengthOffset = CommitLogRecordDescriptor.payloadLengthOffset(topicBytes, keyBytes);
        if (payloadLengthOffset + 4 > totalLength) {
            return false;
        }
        int payloadBytes = view.getInt(position + payloadLengthOffset);
        return payloadBytes >= 0
                && CommitLogRecordDescriptor.recordLength(topicBytes, keyBytes, payloadBytes) == totalLength;
    }

    private int crcOf(ByteBuffer view, int position, int recordBytes) {
        view.limit(position + recordBytes).position(position + CRC_START_OFFSET);
        crc.reset();
        crc.update(view);
        view.clear();
        return (int) crc.getValue();
    }
}
