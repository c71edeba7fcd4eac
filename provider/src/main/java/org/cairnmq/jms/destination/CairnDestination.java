package org.cairnmq.jms.destination;

import jakarta.jms.Destination;

import java.io.Serializable;
import java.util.Objects;

import javax.naming.Reference;
import javax.naming.Referenceable;
import javax.naming.StringRefAddr;

import org.cairnmq.protocol.record.DestinationKind;

/**
 * A Cairn destination: a kind and a name, nothing else. Destinations are immutable administered
 * objects, safe to share between threads, {@link Serializable} and {@link Referenceable} so that any
 * JNDI context can bind them.
 *
 * <p>Two destinations are equal when their kinds and names are equal, so a queue and a topic of the
 * same name are different destinations.
 */
public abstract class CairnDestination implements Destination, Serializable, Referenceable {

    /** The reference address type under which {@link #getReference()} stores the name. */
    public static final String NAME_ADDRESS_TYPE = "name";

    private static final long serialVersionUID = 1L;

    private final String name;

    /**
     * Creates a destination.
     *
     * @param name the provider name of the queue or topic, not null
     */
    protected CairnDestination(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Returns the destination's name as the broker knows it.
     *
     * @return the name, never null
     */
    public final String name() {
        return name;
    }

    /**
     * Returns the kind written to the wire record beside the name.
     *
     * @return the destination kind
     */
    public abstract DestinationKind kind();

    /**
     * Returns a JNDI reference that {@link CairnDestinationObjectFactory} turns back into an equal
     * destination.
     *
     * @return a reference carrying this class's name and the destination name
     */
    @Override
    public Reference getReference() {
        return new Reference(getClass().getName(), new StringRefAddr(NAME_ADDRESS_TYPE, name),
            CairnDestinationObjectFactory.class.getName(), null);
    }

    /**
     * Builds the destination a wire record names. A temporary destination built here cannot be
     * deleted: only the connection that created it holds its deleter.
     *
     * @param kind the kind read from the record
     * @param name the name read from the record
     * @return the destination
     * @throws IllegalArgumentException if the kind is {@link DestinationKind#UNKNOWN}
     */
    public static CairnDestination of(DestinationKind kind, String name) {
        return switch (kind) {
            case QUEUE -> new CairnQueue(name);
            case TOPIC -> new CairnTopic(name);
            case TEMP_QUEUE -> new CairnTemporaryQueue(name, null);
            case TEMP_TOPIC -> new CairnTemporaryTopic(name, null);
            case UNKNOWN -> throw new IllegalArgumentException(
                "CAIRN-D001: unknown destination kind for '" + name + "'");
        };
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof CairnDestination destination
            && destination.kind() == kind() && destination.name.equals(name);
    }

    @Override
    public final int hashCode() {
        return 31 * kind().code() + name.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
