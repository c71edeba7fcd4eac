package org.cairnmq.jms.destination;

import java.util.Hashtable;

import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;

/**
 * Turns the {@link Reference} of {@link CairnDestination#getReference()} back into a destination,
 * for JNDI contexts that store references rather than serialized objects.
 */
public class CairnDestinationObjectFactory implements ObjectFactory {

    /** Creates the factory; JNDI instantiates it by class name. */
    public CairnDestinationObjectFactory() {
    }

    /**
     * Rebuilds a destination.
     *
     * @return the destination, or null when {@code obj} is not a reference to a Cairn destination
     *     (the {@link ObjectFactory} contract lets another factory try)
     */
    @Override
    public Object getObjectInstance(Object obj, Name name, Context nameCtx,
                                    Hashtable<?, ?> environment) {
        if (!(obj instanceof Reference reference)) {
            return null;
        }
        RefAddr address = reference.get(CairnDestination.NAME_ADDRESS_TYPE);
        if (address == null || !(address.getContent() instanceof String destinationName)) {
            return null;
        }
        String className = reference.getClassName();
        if (CairnQueue.class.getName().equals(className)) {
            return new CairnQueue(destinationName);
        }
        if (CairnTopic.class.getName().equals(className)) {
            return new CairnTopic(destinationName);
        }
        if (CairnTemporaryQueue.class.getName().equals(className)) {
            return new CairnTemporaryQueue(destinationName, null);
        }
        if (CairnTemporaryTopic.class.getName().equals(className)) {
            return new CairnTemporaryTopic(destinationName, null);
        }
        return null;
    }
}
