package org.cairnmq.server.store.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The next logical offset of every (topic, queue id), plus each topic's encoded name.
 *
 * <p>Owning thread: the appender (recovery fills it before the appender starts).
 */
final class QueueOffsetTable {

    private final Map<String, TopicQueues> topics = new HashMap<>();

    /**
     * @param topic a topic
     * @return its entry, created on first use
     */
    TopicQueues topic(String topic) {
        TopicQueues queues = topics.get(topic);
        if (queues == null) {
            queues = new TopicQueues(topic.getBytes(StandardCharsets.UTF_8));
            topics.put(topic, queues);
        }
        return queues;
    }

    /** One topic's encoded name and its queues' next offsets. */
    static final class TopicQueues {
        private final byte[] topicUtf8;
        private long[] nextOffsets = new long[8];

        private TopicQueues(byte[] topicUtf8) {
            this.topicUtf8 = topicUtf8;
        }

        byte[] topicUtf8() {
            return topicUtf8;
        }

        long nextOffset(int queueId) {
            return queueId < nextOffsets.length ? nextOffsets[queueId] : 0L;
        }

        void nextOffset(int queueId, long offset) {
            if (queueId >= nextOffsets.length) {
                nextOffsets = Arrays.copyOf(nextOffsets, Math.max(queueId + 1, nextOffsets.length * 2));
            }
            nextOffsets[queueId] = offset;
        }
    }
}
