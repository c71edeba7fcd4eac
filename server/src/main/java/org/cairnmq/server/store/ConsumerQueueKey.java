package org.cairnmq.server.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The key of one consumer group's progress on one queue of a topic.
 *
 * @param group the consumer group name, at most {@value #MAX_NAME_BYTES} bytes in UTF-8
 * @param topic the topic name, at most {@value #MAX_NAME_BYTES} bytes in UTF-8
 * @param queueId the queue of the topic, not negative
 */
public record ConsumerQueueKey(String group, String topic, int queueId) {

    /** The longest group or topic name accepted, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 4_096;

    /**
     * Validates the key.
     *
     * @throws IllegalArgumentException if a name is empty or too long, or the queue id negative
     */
    public ConsumerQueueKey {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(topic, "topic");
        requireName("group", group);
        requireName("topic", topic);
        if (queueId < 0) {
            throw new IllegalArgumentException("queueId must not be negative: " + queueId);
        }
    }

    private static void requireName(String what, String name) {
        int lengthBytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (lengthBytes == 0 || lengthBytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException(
                    what + " must be 1.." + MAX_NAME_BYTES + " UTF-8 bytes, was " + lengthBytes);
        }
    }
}
