package org.cairnmq.jms.connection;

import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;

/**
 * A connection's client id: configured on the factory, or set once by {@code setClientID} right after
 * the connection is created. Any other use of the connection fixes it, after which it can no longer be
 * set. A new client id is registered with the brokers before it takes effect.
 *
 * <p>Thread safety: any thread; guarded by the connection's state lock, which it is given.
 */
final class ConnectionClientId {

    private final BrokerLinks links;
    private final Object stateLock;
    private String clientId;
    private boolean fixed;

    ConnectionClientId(final BrokerLinks links, final Object stateLock, final String configuredClientId) {
        this.links = links;
        this.stateLock = stateLock;
        this.clientId = configuredClientId;
        this.fixed = configuredClientId != null;
    }

    /** The client id; {@code null} when unset. */
    String get() {
        synchronized (stateLock) {
            return clientId;
        }
    }

    /**
     * Sets the client id, registering it with the brokers.
     *
     * @throws InvalidClientIDException if it is null or empty
     * @throws IllegalStateException if the client id is already fixed
     * @throws JMSException if a broker refuses it
     */
    void set(final String newClientId) throws JMSException {
        if (newClientId == null || newClientId.isEmpty()) {
            throw new InvalidClientIDException("CAIRN-J012 A client id must not be null or empty", "INVALID_CLIENT_ID");
        }
        synchronized (stateLock) {
            if (fixed) {
                throw new IllegalStateException("CAIRN-J013 The client id can only be set right after the "
                    + "connection is created, before any other use, and only once", "ILLEGAL_STATE");
            }
            links.registerClientId(newClientId);
            clientId = newClientId;
            fixed = true;
        }
    }

    /** Fixes the client id, as a use of the connection other than {@code setClientID} does. */
    void fix() {
        synchronized (stateLock) {
            fixed = true;
        }
    }
}
