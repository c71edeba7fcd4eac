package org.cairnmq.jms.destination;

import jakarta.jms.Topic;

import org.cairnmq.protocol.record.DestinationKind;

/** A JMS topic: every subscription is a consumer group of the broker's topic. */
public class CairnTopic extends CairnDestination implements Topic {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a topic.
     *
     * @param name the topic name, not null
     */
    public CairnTopic(String name) {
        super(name);
    }

    @Override
    public String getTopicName() {
        return name();
    }

    @Override
    public DestinationKind kind() {
        return DestinationKind.TOPIC;
    }
}
