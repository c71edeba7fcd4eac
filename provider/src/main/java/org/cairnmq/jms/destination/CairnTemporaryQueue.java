package org.cairnmq.jms.destination;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

import org.cairnmq.protocol.record.DestinationKind;

/**
 * A temporary queue, living as long as the connection that created it. Only that connection's
 * instance can delete it; a copy read from a message or deserialized has no deleter.
 */
public class CairnTemporaryQueue extends CairnQueue implements TemporaryQueue {

    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationDeleter deleter;

    /**
     * Creates a temporary queue.
     *
     * @param name the broker-generated name, not null
     * @param deleter the creating connection, or null for a copy that cannot delete
     */
    public CairnTemporaryQueue(String name, TemporaryDestinationDeleter deleter) {
        super(name);
        this.deleter = deleter;
    }

    @Override
    public void delete() throws JMSException {
        if (deleter == null) {
            throw new IllegalStateException(
                "CAIRN-D002: only the connection that created " + this + " can delete it");
        }
        deleter.deleteTemporaryDestination(this);
    }

    @Override
    public DestinationKind kind() {
        return DestinationKind.TEMP_QUEUE;
    }
}
