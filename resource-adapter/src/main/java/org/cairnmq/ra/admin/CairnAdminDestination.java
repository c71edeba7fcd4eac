package org.cairnmq.ra.admin;

import jakarta.resource.Referenceable;
import java.io.Serializable;
import java.util.Objects;
import javax.naming.Reference;
import javax.naming.StringRefAddr;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.destination.CairnDestinationObjectFactory;

/**
 * What the admin destinations ({@link CairnAdminQueue}, {@link CairnAdminTopic}) share: the config
 * property {@code name}, the broker's name of the destination, and the JNDI reference the container
 * binds them under.
 *
 * <p>Thread safety: configured once by the container, then only read; the name is volatile.
 */
public abstract class CairnAdminDestination implements Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private volatile String name;
    private Reference reference;

    /**
     * Creates a destination.
     *
     * @param name the destination's name on the broker, or {@code null} for the container to set
     */
    CairnAdminDestination(final String name) {
        this.name = name;
    }

    /** @return the destination's name on the broker */
    public String getName() {
        return name;
    }

    /** @param value the destination's name on the broker */
    public void setName(final String value) {
        this.name = value;
    }

    @Override
    public void setReference(final Reference value) {
        this.reference = value;
    }

    /**
     * Returns the container's reference, or else one that the provider's object factory turns into the
     * provider's destination of the same kind.
     *
     * @return the reference
     */
    @Override
    public Reference getReference() {
        if (reference != null) {
            return reference;
        }
        return new Reference(providerClass().getName(),
            new StringRefAddr(CairnDestination.NAME_ADDRESS_TYPE, name),
            CairnDestinationObjectFactory.class.getName(), null);
    }

    /** @return the provider's destination class the reference makes, {@code CairnQueue} or {@code CairnTopic} */
    abstract Class<? extends CairnDestination> providerClass();

    /**
     * Tells whether another destination has the same name, for the subclasses' {@code equals}.
     *
     * @param other the other destination
     * @return whether the names are equal
     */
    final boolean sameName(final CairnAdminDestination other) {
        return Objects.equals(other.name, name);
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
