package org.cairnmq.ra.admin;

import jakarta.jms.Queue;
import jakarta.resource.Referenceable;
import java.io.Serializable;
import java.util.Objects;
import javax.naming.Reference;
import javax.naming.StringRefAddr;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.destination.CairnDestinationObjectFactory;
import org.cairnmq.jms.destination.CairnQueue;

/**
 * A queue configured in the resource adapter (an admin object), bound by the container in JNDI for
 * applications and for {@code destinationLookup}. Config property: {@code name}, the broker's name of
 * the queue. The provider accepts it wherever a {@code Queue} is expected.
 *
 * <p>Thread safety: configured once by the container, then only read; the name is volatile.
 */
public class CairnAdminQueue implements Queue, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private volatile String name;
    private Reference reference;

    /** Creates a queue without a name; the container sets it. */
    public CairnAdminQueue() {
    }

    /**
     * Creates a named queue.
     *
     * @param name the queue's name on the broker
     */
    public CairnAdminQueue(final String name) {
        this.name = name;
    }

    /** @return the queue's name on the broker */
    public String getName() {
        return name;
    }

    /** @param value the queue's name on the broker */
    public void setName(final String value) {
        this.name = value;
    }

    @Override
    public String getQueueName() {
        return name;
    }

    @Override
    public void setReference(final Reference value) {
        this.reference = value;
    }

    /**
     * Returns the container's reference, or else one that the provider's object factory turns into a
     * {@link CairnQueue}.
     *
     * @return the reference
     */
    @Override
    public Reference getReference() {
        if (reference != null) {
            return reference;
        }
        return new Reference(CairnQueue.class.getName(), new StringRefAddr(CairnDestination.NAME_ADDRESS_TYPE, name),
            CairnDestinationObjectFactory.class.getName(), null);
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CairnAdminQueue queue && Objects.equals(queue.name, name);
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
