package org.cairnmq.server.broker.internal;

import java.util.TreeMap;

/**
 * A client session: the deliveries made to it and not yet acknowledged, in delivery order. Owning
 * thread: the broker thread.
 */
final class SessionState {

    final long sessionId;
    final ConnectionState connection;
    final TreeMap<Long, Delivery> deliveries = new TreeMap<>();

    SessionState(long sessionId, ConnectionState connection) {
        this.sessionId = sessionId;
        this.connection = connection;
    }
}
