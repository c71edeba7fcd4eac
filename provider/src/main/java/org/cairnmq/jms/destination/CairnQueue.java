package org.cairnmq.jms.destination;

import jakarta.jms.Queue;

import org.cairnmq.protocol.record.DestinationKind;

/** A JMS queue: a topic of the broker with one implicit consumer group. */
public class CairnQueue extends CairnDestination implements Queue {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a queue.
     *
     * @param name the queue name, not null
     */
    public CairnQueue(String name) {
        super(name);
    }

    @Override
    public String getQueueName() {
        return name();
    }

    @Override
    public DestinationKind kind() {
        return DestinationKind.QUEUE;
    }
}
