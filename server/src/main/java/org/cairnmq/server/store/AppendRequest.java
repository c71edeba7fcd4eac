package org.cairnmq.server.store;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One record to append. The store copies {@code payload} from its position to its limit without
 * moving them; the caller must not change the buffer until the append's future completes.
 *
 * @param topic the topic, 1..{@value CommitLogRecordDescriptor#MAX_TOPIC_BYTES} UTF-8 bytes
 * @param queueId the queue of the topic, {@code 0..}{@value #MAX_QUEUE_ID}
 * @param tagsCode a 64-bit filter value copied into the ConsumeQueue entry
 * @param flags record flags, opaque to the store, copied into the ConsumeQueue entry
 * @param bornTimestampMs when the producer created the record, epoch milliseconds
 * @param key the lookup key (the message id), up to {@value CommitLogRecordDescriptor#MAX_KEY_BYTES}
 *     bytes; null is stored as empty
 * @param payload the opaque record body; null is stored as empty
 * @param durable whether the append must be forced before it completes in SYNC mode; a batch of
 *     records none of which is durable (JMS non-persistent messages) is readable once written, and is
 *     forced with the next durable batch or at close
 */
public record AppendRequest(String topic, int queueId, long tagsCode, int flags, long bornTimestampMs, byte[] key,
        ByteBuffer payload, boolean durable) {

    /** The highest queue id of a topic. */
    public static final int MAX_QUEUE_ID = 65_535;

    private static final byte[] NO_KEY = new byte[0];
    private static final ByteBuffer NO_PAYLOAD = ByteBuffer.allocate(0).asReadOnlyBuffer();

    /**
     * A durable record.
     *
     * @param topic the topic
     * @param queueId the queue of the topic
     * @param tagsCode a 64-bit filter value copied into the ConsumeQueue entry
     * @param flags record flags, opaque to the store
     * @param bornTimestampMs when the producer created the record
     * @param key the lookup key, or null
     * @param payload the record body, or null
     */
    public AppendRequest(String topic, int queueId, long tagsCode, int flags, long bornTimestampMs, byte[] key,
            ByteBuffer payload) {
        this(topic, queueId, tagsCode, flags, bornTimestampMs, key, payload, true);
    }

    /**
     * Validates the coordinates; these are programming errors, so they throw.
     */
    public AppendRequest {
        Objects.requireNonNull(topic, "topic");
        int topicBytes = utf8Length(topic);
        if (topicBytes < 1 || topicBytes > CommitLogRecordDescriptor.MAX_TOPIC_BYTES) {
            throw new IllegalArgumentException("topic must be 1.." + CommitLogRecordDescriptor.MAX_TOPIC_BYTES
                    + " UTF-8 bytes: " + topic);
        }
        if (queueId < 0 || queueId > MAX_QUEUE_ID) {
            throw new IllegalArgumentException("queueId out of range: " + queueId);
        }
        key = key == null ? NO_KEY : key;
        if (key.length > CommitLogRecordDescriptor.MAX_KEY_BYTES) {
            throw new IllegalArgumentException("key longer than " + CommitLogRecordDescriptor.MAX_KEY_BYTES);
        }
        payload = payload == null ? NO_PAYLOAD : payload;
    }

    /**
     * @param topic the topic
     * @param queueId the queue of the topic
     * @param payload the record body
     * @return a request with no key, flags or tags and a born timestamp of now
     */
    public static AppendRequest of(String topic, int queueId, byte[] payload) {
        return new AppendRequest(topic, queueId, 0L, 0, System.currentTimeMillis(), NO_KEY, ByteBuffer.wrap(payload));
    }

    /**
     * @param value a string
     * @return its length in UTF-8 bytes, counted without encoding it
     */
    static int utf8Length(String value) {
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
