package org.cairnmq.jms.destination;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

import org.cairnmq.protocol.record.DestinationKind;

/**
 * A temporary topic, living as long as the connection that created it. Only that connection's
 * instance can delete it; a copy read from a message or deserialized has no deleter.
 */
public class CairnTemporaryTopic extends CairnTopic implements TemporaryTopic {

    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationDeleter deleter;

    /**
     * Creates a temporary topic.
     *
     * @param name the broker-generated name, not null
     * @param deleter the creating connection, or null for a copy that cannot delete
     */
    public CairnTemporaryTopic(String name, TemporaryDestinationDeleter deleter) {
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
        return DestinationKind.TEMP_TOPIC;
    }
}
