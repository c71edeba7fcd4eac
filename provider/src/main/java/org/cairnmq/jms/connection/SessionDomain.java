package org.cairnmq.jms.connection;

import jakarta.jms.IllegalStateException;

/**
 * Which API a session or connection was created through. A {@code QueueSession} or
 * {@code QueueConnection} refuses the topic-only methods and a {@code TopicSession} the queue-only
 * ones, as the specification requires of the domain interfaces.
 */
enum SessionDomain {
    /** {@code Connection.createSession}: everything is allowed. */
    UNIFIED,
    /** {@code QueueConnection.createQueueSession}. */
    QUEUE,
    /** {@code TopicConnection.createTopicSession}. */
    TOPIC;

    void requireTopics(final String method) throws IllegalStateException {
        if (this == QUEUE) {
            throw new IllegalStateException(
                "CAIRN-J021 " + method + " is not allowed on a QueueConnection or QueueSession", "ILLEGAL_STATE");
        }
    }

    void requireQueues(final String method) throws IllegalStateException {
        if (this == TOPIC) {
            throw new IllegalStateException("CAIRN-J022 " + method + " is not allowed on a TopicSession",
                "ILLEGAL_STATE");
        }
    }
}
