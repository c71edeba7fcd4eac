package org.cairnmq.server.broker.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cairnmq.server.broker.ClientLink;

/**
 * A client connection's sessions, consumers, open transactions and temporary destinations. Owning
 * thread: the broker thread.
 */
final class ConnectionState {

    final ClientLink link;
    final Map<Long, SessionState> sessions = new HashMap<>();
    final Map<Long, ConsumerState> consumers = new HashMap<>();
    final Map<Long, LocalTransaction> transactions = new HashMap<>();
    final List<DestinationState> temporaryDestinations = new ArrayList<>();
    boolean writableListenerSet;
    private long lastDeliveryId;

    ConnectionState(ClientLink link) {
        this.link = link;
    }

    long nextDeliveryId() {
        return ++lastDeliveryId;
    }

    SessionState session(long sessionId) {
        return sessions.computeIfAbsent(sessionId, id -> new SessionState(id, this));
    }

    LocalTransaction transaction(long txId) {
        return transactions.computeIfAbsent(txId, LocalTransaction::new);
    }
}
