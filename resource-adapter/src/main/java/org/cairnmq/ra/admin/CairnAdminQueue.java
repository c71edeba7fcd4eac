package org.cairnmq.ra.admin;

import jakarta.jms.Queue;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.destination.CairnQueue;

/**
 * A queue configured in the resource adapter (an admin object), bound by the container in JNDI for
 * applications and for {@code destinationLookup}. Config property: {@code name}, the broker's name of
 * the queue. The provider accepts it wherever a {@code Queue} is expected; its reference makes a
 * {@link CairnQueue}.
 *
 * <p>Thread safety: configured once by the container, then only read.
 */
public class CairnAdminQueue extends CairnAdminDestination implements Queue {

    private static final long serialVersionUID = 1L;

    /** Creates a queue without a name; the container sets it. */
    public CairnAdminQueue() {
        super(null);
    }

    /**
     * Creates a named queue.
     *
     * @param name the queue's name on the broker
     */
    public CairnAdminQueue(final String name) {
        super(name);
    }

    @Override
    public String getQueueName() {
        return getName();
    }

    @Override
    Class<? extends CairnDestination> providerClass() {
        return CairnQueue.class;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof CairnAdminQueue queue && sameName(queue);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
