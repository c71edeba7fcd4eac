package org.cairnmq.ra.admin;

import jakarta.jms.Topic;
import jakarta.resource.Referenceable;
import java.io.Serializable;
import java.util.Objects;
import javax.naming.Reference;
import javax.naming.StringRefAddr;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.destination.CairnDestinationObjectFactory;
import org.cairnmq.jms.destination.CairnTopic;

/**
 * A topic configured in the resource adapter (an admin object), bound by the container in JNDI for
 * applications and for {@code destinationLookup}. Config property: {@code name}, the broker's name of
 * the topic. The provider accepts it wherever a {@code Topic} is expected.
 *
 * <p>Thread safety: configured once by the container, then only read; the name is volatile.
 */
public class CairnAdminTopic implements Topic, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private volatile String name;
    private Reference reference;

    /** Creates a topic without a name; the container sets it. */
    public CairnAdminTopic() {
    }

    /**
     * Creates a named topic.
     *
     * @param name the topic's name on the broker
     */
    public CairnAdminTopic(final String name) {
        this.name = name;
    }

    /** @return the topic's name on the broker */
    public String getName() {
        return name;
    }

    /** @param value the topic's name on the broker */
    public void setName(final String value) {
        this.name = value;
    }

    @Override
    public String getTopicName() {
        return name;
    }

    @Override
    public void setReference(final Reference value) {
        this.reference = value;
    }

    /**
     * Returns the container's reference, or else one that the provider's object factory turns into a
     * {@link CairnTopic}.
     *
     * @return the reference
     */
    @Override
    public Reference getReference() {
        if (reference != null) {
            return reference;
        }
        return new Reference(CairnTopic.class.getName(), new StringRefAddr(CairnDestination.NAME_ADDRESS_TYPE, name),
            CairnDestinationObjectFactory.class.getName(), null);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CairnAdminTopic topic && Objects.equals(topic.name, name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
