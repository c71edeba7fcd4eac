package org.cairnmq.ra.inbound;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.resource.spi.InvalidPropertyException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Finds the destination an activation consumes from: by name, or by a JNDI lookup. */
final class DestinationResolver {

    private DestinationResolver() {
    }

    /**
     * Resolves the destination.
     *
     * @param config the activation's configuration
     * @param session a session to make named destinations with
     * @return a queue or topic
     * @throws InvalidPropertyException if the lookup fails or finds the wrong type
     * @throws JMSException if the session cannot make the destination
     */
    static Destination resolve(final ActivationConfig config, final Session session)
        throws InvalidPropertyException, JMSException {
        if (config.destinationLookup() == null) {
            return config.destinationType() == DestinationType.TOPIC
                ? session.createTopic(config.destinationName())
                : session.createQueue(config.destinationName());
        }
        final Object found = lookup(config.destinationLookup(), "destinationLookup");
        final DestinationType foundType = found instanceof Queue ? DestinationType.QUEUE
            : found instanceof Topic ? DestinationType.TOPIC : null;
        if (foundType == null) {
            throw new InvalidPropertyException("CAIRN-RA121 destinationLookup '" + config.destinationLookup()
                + "' names a " + found.getClass().getName() + ", not a jakarta.jms.Queue or jakarta.jms.Topic");
        }
        if (config.destinationType() != null && config.destinationType() != foundType) {
            throw new InvalidPropertyException("CAIRN-RA122 destinationLookup '" + config.destinationLookup()
                + "' names a " + foundType.propertyValue() + " but destinationType is "
                + config.destinationType().propertyValue());
        }
        return (Destination) found;
    }

    /**
     * Returns the type of a resolved destination.
     *
     * @param destination a queue or topic
     * @return its type
     */
    static DestinationType typeOf(final Destination destination) {
        return destination instanceof Topic && !(destination instanceof Queue) ? DestinationType.TOPIC
            : DestinationType.QUEUE;
    }

    /**
     * Looks a name up in the container's default JNDI context.
     *
     * @param name the JNDI name
     * @param property the property that names it, for the message
     * @return the object bound there
     * @throws InvalidPropertyException if nothing is bound there
     */
    static Object lookup(final String name, final String property) throws InvalidPropertyException {
        try {
            final InitialContext context = new InitialContext();
            try {
                final Object found = context.lookup(name);
                if (found == null) {
                    throw new NamingException("nothing is bound there");
                }
                return found;
            } finally {
                context.close();
            }
        } catch (final NamingException notFound) {
            final InvalidPropertyException failure = new InvalidPropertyException("CAIRN-RA120 " + property + " '"
                + name + "' could not be looked up: " + notFound.getMessage());
            failure.initCause(notFound);
            throw failure;
        }
    }
}
