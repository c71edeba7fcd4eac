package org.cairnmq.server.store;

/**
 * The coordinates of one ConsumeQueue.
 *
 * @param topic the topic name
 * @param queueId the queue of the topic, {@code 0..}{@link AppendRequest#MAX_QUEUE_ID}
 */
public record TopicQueue(String topic, int queueId) {
}
