package org.cairnmq.jms;

import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;

/**
 * Turns the {@link Reference} of {@link CairnConnectionFactory#getReference()} back into a factory (an
 * XA one for the reference of a {@link CairnXAConnectionFactory}),
 * for JNDI contexts that store references rather than serialized objects.
 */
public class CairnConnectionFactoryObjectFactory implements ObjectFactory {

    /** Creates the object factory; JNDI instantiates it by class name. */
    public CairnConnectionFactoryObjectFactory() {
    }

    /**
     * Rebuilds a connection factory.
     *
     * @return the factory, or null when {@code obj} is not a reference to a Cairn connection factory
     *     (the {@link ObjectFactory} contract lets another factory try)
     */
    @Override
    public Object getObjectInstance(final Object obj, final Name name, final Context nameCtx,
                                    final Hashtable<?, ?> environment) {
        if (!(obj instanceof Reference reference)) {
            return null;
        }
        final boolean xa = CairnXAConnectionFactory.class.getName().equals(reference.getClassName());
        if (!xa && !CairnConnectionFactory.class.getName().equals(reference.getClassName())) {
            return null;
        }
        final RefAddr address = reference.get(CairnConnectionFactory.URL_ADDRESS_TYPE);
        if (address == null || !(address.getContent() instanceof String url)) {
            return null;
        }
        return xa ? new CairnXAConnectionFactory(url) : new CairnConnectionFactory(url);
    }
}
