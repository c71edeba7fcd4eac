package org.cairnmq.ra.inbound;

import jakarta.resource.spi.InvalidPropertyException;
import org.cairnmq.jms.CairnConnectionFactory;
import org.cairnmq.ra.ConnectionSettings;
import org.cairnmq.ra.outbound.CairnConnectionFactoryHandle;

/**
 * Applies {@code connectionFactoryLookup}: the looked-up Cairn connection factory decides the server
 * URL, and its credentials unless the activation names its own user.
 */
final class ConnectionFactoryResolver {

    private ConnectionFactoryResolver() {
    }

    /**
     * Returns the settings the activation connects with.
     *
     * @param config the activation's configuration
     * @param ownUser whether the activation spec sets its own user
     * @return the settings, the configured ones when no lookup is set
     * @throws InvalidPropertyException if the lookup fails or finds no Cairn connection factory
     */
    static ConnectionSettings resolve(final ActivationConfig config, final boolean ownUser)
        throws InvalidPropertyException {
        final String lookup = config.connectionFactoryLookup();
        if (lookup == null) {
            return config.consumerConnection();
        }
        final Object found = DestinationResolver.lookup(lookup, "connectionFactoryLookup");
        final ConnectionSettings named;
        if (found instanceof CairnConnectionFactoryHandle handle) {
            named = handle.connectionSettings();
        } else if (found instanceof CairnConnectionFactory factory) {
            named = new ConnectionSettings(factory.getUrl(), null, null);
        } else {
            throw new InvalidPropertyException("CAIRN-RA123 connectionFactoryLookup '" + lookup + "' names a "
                + found.getClass().getName() + ", not a Cairn connection factory");
        }
        final ConnectionSettings own = config.connection();
        final ConnectionSettings merged = ownUser ? new ConnectionSettings(named.serverUrl(), own.user(), own.password())
            : named;
        return config.prefetch() == null ? merged : merged.withUrlOption("prefetch", config.prefetch().toString());
    }
}
