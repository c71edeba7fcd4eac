package org.cairnmq.ra.inbound;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import javax.transaction.xa.XAResource;

/**
 * What the sessions of one activation deliver to, and the rules they share: the endpoint factory,
 * the work manager, and how long to wait before the next attempt to create an endpoint.
 *
 * @param factory the container's endpoint factory
 * @param config the activation properties
 * @param context the container's work manager and timer
 */
record DeliveryTarget(MessageEndpointFactory factory, ActivationConfig config, InboundContext context) {

    /**
     * Asks the container for an endpoint (a bean instance's proxy).
     *
     * @param xaResource the session's resource for a transacted delivery, {@code null} otherwise
     * @return the endpoint
     * @throws UnavailableException while the bean cannot be created, typically while it is starting
     */
    MessageEndpoint createEndpoint(final XAResource xaResource) throws UnavailableException {
        return factory.createEndpoint(xaResource);
    }

    /**
     * Returns the wait before an attempt: the first interval, doubled for each attempt after the
     * second, capped.
     *
     * @param attempt the attempt about to be made, 2 for the first retry
     * @return the wait in milliseconds
     */
    long retryDelayMs(final int attempt) {
        final int doublings = Math.min(Math.max(0, attempt - 2), 20);
        return Math.min(config.endpointCreateRetryIntervalMs() << doublings,
            Math.max(config.endpointCreateRetryIntervalMs(), ActivationConfig.MAX_ENDPOINT_CREATE_RETRY_INTERVAL_MS));
    }

    /**
     * Returns a name for messages.
     *
     * @return the activation's name
     */
    String name() {
        return factory.getActivationName();
    }
}
