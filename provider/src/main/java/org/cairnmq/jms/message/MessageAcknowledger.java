package org.cairnmq.jms.message;

import jakarta.jms.JMSException;

/**
 * What {@link jakarta.jms.Message#acknowledge()} calls on a received message: the consuming session
 * installs one so that a client-acknowledged message acknowledges through its session.
 */
@FunctionalInterface
public interface MessageAcknowledger {

    /** The acknowledger of a message that was not received: acknowledging does nothing. */
    MessageAcknowledger NONE = message -> { };

    /**
     * Acknowledges a received message (and, per the specification, every message its session has
     * consumed so far).
     *
     * @param message the message whose {@code acknowledge()} was called
     * @throws JMSException if the session cannot acknowledge, for example because it is closed
     */
    void acknowledge(CairnMessage message) throws JMSException;
}
