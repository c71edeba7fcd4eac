package org.cairnmq.jms.destination;

import jakarta.jms.JMSException;

/**
 * What {@code delete()} of a temporary destination calls: the connection that created it, which
 * checks that no consumer still uses it and asks the broker to remove it.
 */
@FunctionalInterface
public interface TemporaryDestinationDeleter {

    /**
     * Deletes a temporary destination this connection created.
     *
     * @param destination the temporary queue or topic
     * @throws JMSException if it is still in use or the broker refuses
     */
    void deleteTemporaryDestination(CairnDestination destination) throws JMSException;
}
