package org.cairnmq.server.broker.internal;

import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.server.broker.BrokerConfig;
import org.cairnmq.server.broker.BrokerErrors;
import org.cairnmq.server.broker.ClientLink;

/**
 * Destination lookup (with auto-creation), CREATE_DESTINATION and DELETE_DESTINATION: queues and
 * topics, temporary ones owned by their connection. Owning thread: the broker thread.
 */
final class DestinationOperations {

    private final BrokerCore core;

    DestinationOperations(BrokerCore core) {
        this.core = core;
    }

    /**
     * Finds a destination, creating a non-temporary one when auto-creation is on.
     *
     * @param kind the kind
     * @param name the name
     * @return the destination
     */
    DestinationState resolve(DestinationKind kind, String name) {
        DestinationState destination = core.destinations.find(kind, name);
        if (destination != null) {
            return destination;
        }
        if (kind == DestinationKind.TEMP_QUEUE || kind == DestinationKind.TEMP_TOPIC
                || !core.config.autoCreateDestinations()) {
            throw BrokerErrors.destinationNotFound(name);
        }
        return core.destinations.create(kind, name, core.config.defaultQueueCount(), DestinationState.NO_OWNER);
    }

    /**
     * The expiry or dead-letter queue, created when missing (whatever the auto-creation setting).
     *
     * @param name the queue's name
     * @return the queue
     */
    DestinationState sink(String name) {
        DestinationState destination = core.destinations.find(DestinationKind.QUEUE, name);
        return destination != null ? destination
                : core.destinations.create(DestinationKind.QUEUE, name, 1, DestinationState.NO_OWNER);
    }

    /**
     * CREATE_DESTINATION: idempotent for an existing destination of the same owner.
     *
     * @param link the connection
     * @param kind the kind
     * @param name the name
     * @param queueCount the queue count, 0 for the default
     */
    void create(ClientLink link, DestinationKind kind, String name, int queueCount) {
        boolean temporary = kind == DestinationKind.TEMP_QUEUE || kind == DestinationKind.TEMP_TOPIC;
        DestinationState existing = core.destinations.find(kind, name);
        if (existing != null) {
            if (temporary && existing.ownerConnectionId != link.connectionId()) {
                throw BrokerErrors.notOwner(name);
            }
            return;
        }
        int count = queueCount == 0 ? core.config.defaultQueueCount() : queueCount;
        if (count < 0 || count > BrokerConfig.MAX_QUEUE_COUNT) {
            throw BrokerErrors.invalidDestination("queue count " + queueCount);
        }
        DestinationState created = core.destinations.create(kind, name, count,
                temporary ? link.connectionId() : DestinationState.NO_OWNER);
        if (temporary) {
            core.connection(link).temporaryDestinations.add(created);
        }
    }

    /**
     * DELETE_DESTINATION: refused while it has consumers.
     *
     * @param link the connection
     * @param kind the kind
     * @param name the name
     */
    void delete(ClientLink link, DestinationKind kind, String name) {
        DestinationState destination = core.destinations.find(kind, name);
        if (destination == null) {
            throw BrokerErrors.destinationNotFound(name);
        }
        if (destination.isTemporary() && destination.ownerConnectionId != link.connectionId()) {
            throw BrokerErrors.notOwner(name);
        }
        if (destination.hasConsumers()) {
            throw BrokerErrors.destinationInUse(name);
        }
        core.destinations.delete(destination);
        core.subscriptions.onDestinationDeleted(destination);
        ConnectionState owner = core.connections.get(destination.ownerConnectionId);
        if (owner != null) {
            owner.temporaryDestinations.remove(destination);
        }
    }
}
