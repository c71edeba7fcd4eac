package org.cairnmq.server.broker.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cairnmq.server.broker.ClientLink;

/**
 * A client connection's client id, sessions, consumers, open transactions and temporary
 * destinations. Owning thread: the broker thread.
 */
final class ConnectionState {

    final ClientLink link;
    final Map<Long, SessionState> sessions = new HashMap<>();
    final Map<Long, ConsumerState> consumers = new HashMap<>();
    final Map<Long, LocalTransaction> transactions = new HashMap<>();
    final List<DestinationState> temporaryDestinations = new ArrayList<>();
    /** The JMS client id registered with CLIENT_ID, or null. */
    String clientId;
    boolean writableListenerSet;
    private long lastDeliveryId;

    ConnectionState(ClientLink link) {
        this.link = link;
    }

    long nextDeliveryId() {
        return ++lastDeliveryId;
    }

    /** @return the tag of the messages this connection publishes (see {@link PublisherTags}) */
    long publisherTag() {
        return PublisherTags.of(clientId, link.connectionId());
    }

    SessionState session(long sessionId) {
        return sessions.computeIfAbsent(sessionId, id -> new SessionState(id, this));
    }

    LocalTransaction transaction(long txId) {
        return transactions.computeIfAbsent(txId, LocalTransaction::new);
    }
}
