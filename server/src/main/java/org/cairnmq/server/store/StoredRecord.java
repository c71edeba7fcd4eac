package org.cairnmq.server.store;

import static org.cairnmq.server.store.CommitLogRecordDescriptor.BORN_TIMESTAMP_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.FLAGS_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.QUEUE_ID_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.QUEUE_OFFSET_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.STORE_TIMESTAMP_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.TAGS_CODE_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.TOPIC_LENGTH_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.TOTAL_LENGTH_OFFSET;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A read-only view of one stored CommitLog record, laid out as in {@link CommitLogRecordDescriptor}.
 * It wraps a slice of the memory-mapped segment: nothing is copied until an accessor asks for it.
 *
 * <p>Design note: segments are never unmapped explicitly, so the slice stays readable even after
 * retention deletes its file; the mapping goes away when the last view is collected.
 */
public final class StoredRecord {

    private final long commitLogOffset;
    private final ByteBuffer record;

    /**
     * @param commitLogOffset the record's physical offset
     * @param record a buffer holding exactly the record at index 0; kept as is
     */
    public StoredRecord(long commitLogOffset, ByteBuffer record) {
        this.commitLogOffset = commitLogOffset;
        this.record = record;
    }

    /**
     * @return the record's physical offset in the CommitLog
     */
    public long commitLogOffset() {
        return commitLogOffset;
    }

    /**
     * @return the whole record's length in bytes
     */
    public int sizeBytes() {
        return record.getInt(TOTAL_LENGTH_OFFSET);
    }

    /**
     * @return the queue id
     */
    public int queueId() {
        return record.getInt(QUEUE_ID_OFFSET);
    }

    /**
     * @return the logical offset in the record's ConsumeQueue
     */
    public long queueOffset() {
        return record.getLong(QUEUE_OFFSET_OFFSET);
    }

    /**
     * @return the producer's timestamp, epoch milliseconds
     */
    public long bornTimestampMs() {
        return record.getLong(BORN_TIMESTAMP_OFFSET);
    }

    /**
     * @return the store's timestamp, epoch milliseconds
     */
    public long storeTimestampMs() {
        return record.getLong(STORE_TIMESTAMP_OFFSET);
    }

    /**
     * @return the flags, as appended
     */
    public int flags() {
        return record.getInt(FLAGS_OFFSET);
    }

    /**
     * @return the tags code, as appended
     */
    public long tagsCode() {
        return record.getLong(TAGS_CODE_OFFSET);
    }

    /**
     * @return the topic, decoded (allocates)
     */
    public String topic() {
        int length = topicBytes();
        byte[] bytes = new byte[length];
        record.get(TOPIC_LENGTH_OFFSET + 2, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * @return a copy of the key, empty when the record has none
     */
    public byte[] key() {
        int keyLengthOffset = CommitLogRecordDescriptor.keyLengthOffset(topicBytes());
        byte[] key = new byte[record.getShort(keyLengthOffset)];
        record.get(keyLengthOffset + 2, key);
        return key;
    }

    /**
     * @return the payload as a read-only slice of the mapped segment (zero copy)
     */
    public ByteBuffer payload() {
        int topicBytes = topicBytes();
        int keyBytes = record.getShort(CommitLogRecordDescriptor.keyLengthOffset(topicBytes));
        int payloadLengthOffset = CommitLogRecordDescriptor.payloadLengthOffset(topicBytes, keyBytes);
        return record.slice(payloadLengthOffset + 4, record.getInt(payloadLengthOffset)).asReadOnlyBuffer();
    }

    /**
     * @return the whole record as a read-only slice (zero copy), for sending it on unchanged
     */
    public ByteBuffer recordBuffer() {
        return record.duplicate().asReadOnlyBuffer();
    }

    private int topicBytes() {
        return record.getShort(TOPIC_LENGTH_OFFSET);
    }

    @Override
    public String toString() {
        return "StoredRecord{commitLogOffset=" + commitLogOffset + ", queueId=" + queueId() + ", queueOffset="
                + queueOffset() + ", sizeBytes=" + sizeBytes() + '}';
    }
}
