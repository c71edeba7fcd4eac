package org.cairnmq.ra.admin;

import jakarta.jms.Topic;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.destination.CairnTopic;

/**
 * A topic configured in the resource adapter (an admin object), bound by the container in JNDI for
 * applications and for {@code destinationLookup}. Config property: {@code name}, the broker's name of
 * the topic. The provider accepts it wherever a {@code Topic} is expected; its reference makes a
 * {@link CairnTopic}.
 *
 * <p>Thread safety: configured once by the container, then only read.
 */
public class CairnAdminTopic extends CairnAdminDestination implements Topic {

    private static final long serialVersionUID = 1L;

    /** Creates a topic without a name; the container sets it. */
    public CairnAdminTopic() {
        super(null);
    }

    /**
     * Creates a named topic.
     *
     * @param name the topic's name on the broker
     */
    public CairnAdminTopic(final String name) {
        super(name);
    }

    @Override
    public String getTopicName() {
        return getName();
    }

    @Override
    Class<? extends CairnDestination> providerClass() {
        return CairnTopic.class;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CairnAdminTopic topic && sameName(topic);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
