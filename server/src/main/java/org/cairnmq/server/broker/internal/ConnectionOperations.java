package org.cairnmq.server.broker.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cairnmq.protocol.codec.AckMode;
import org.cairnmq.server.broker.BrokerErrors;
import org.cairnmq.server.broker.ClientLink;

/**
 * The lifecycle of connections and their sessions: client ids, transactional acks held until commit,
 * session recovery, transaction rollback, session close and the connection's end. Owning thread: the
 * broker thread.
 */
final class ConnectionOperations {

    private final BrokerCore core;
    private final Map<String, Long> clientIds = new HashMap<>();

    ConnectionOperations(BrokerCore core) {
        this.core = core;
    }

    /**
     * CLIENT_ID: registers the connection's client id, unique among live connections.
     *
     * @param link the connection
     * @param clientId the id
     */
    void clientId(ClientLink link, String clientId) {
        ConnectionState connection = core.connection(link);
        if (connection.clientId != null) {
            throw BrokerErrors.clientIdAlreadySet();
        }
        if (clientId == null || clientId.isEmpty() || clientIds.containsKey(clientId)) {
            throw BrokerErrors.clientIdInUse(clientId);
        }
        clientIds.put(clientId, link.connectionId());
        connection.clientId = clientId;
    }

    /**
     * ACK inside a transaction: held until commit.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param txId the transaction
     * @param mode the ack mode
     * @param deliveryIds the deliveries
     */
    void holdAck(long connectionId, long sessionId, long txId, AckMode mode, long[] deliveryIds) {
        LocalTransaction transaction = core.knownConnection(connectionId).transaction(txId);
        transaction.sessionId = sessionId;
        transaction.acks.add(new LocalTransaction.HeldAck(sessionId, mode, deliveryIds.clone()));
    }

    /**
     * RECOVER: every unacknowledged delivery of the session goes back; those the application consumed
     * count as a delivery attempt, the others go back as if never sent.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param consumedDeliveryIds the deliveries the application consumed
     * @return the highest delivery id taken back, or 0
     */
    long recover(long connectionId, long sessionId, long[] consumedDeliveryIds) {
        SessionState session = core.knownConnection(connectionId).sessions.get(sessionId);
        if (session == null) {
            return 0L;
        }
        long highest = session.deliveries.isEmpty() ? 0L : session.deliveries.lastKey();
        core.sessions.recover(session, consumedDeliveryIds).forEach(core::dispatch);
        return highest;
    }

    /**
     * TX_ROLLBACK: discards the transaction and recovers the session, counting only the deliveries the
     * application consumed.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param txId the transaction
     * @param consumedDeliveryIds the deliveries the application consumed, or {@code null} to count all
     * @return the highest delivery id taken back, or 0
     */
    long rollback(long connectionId, long sessionId, long txId, long[] consumedDeliveryIds) {
        ConnectionState connection = core.connections.get(connectionId);
        if (connection == null) {
            return 0L;
        }
        connection.transactions.remove(txId);
        SessionState session = connection.sessions.get(sessionId);
        if (session == null) {
            return 0L;
        }
        long highest = session.deliveries.isEmpty() ? 0L : session.deliveries.lastKey();
        core.sessions.recover(session, consumedDeliveryIds).forEach(core::dispatch);
        return highest;
    }

    /**
     * CLOSE_SESSION: rolls back its transactions, closes its consumers, returns its deliveries.
     *
     * @param connectionId the connection
     * @param sessionId the session
     */
    void closeSession(long connectionId, long sessionId) {
        ConnectionState connection = core.connections.get(connectionId);
        if (connection == null) {
            return;
        }
        for (ConsumerState consumer : List.copyOf(connection.consumers.values())) {
            if (consumer.session.sessionId == sessionId) {
                core.consumers.remove(connection, consumer);
            }
        }
        // After the consumers are gone: a rolled-back branch's messages go back to the queue and are
        // dispatched at once, and must not reach a consumer that is closing.
        core.xa.associationsLost(connection, lost -> lost == sessionId);
        connection.transactions.values().removeIf(tx -> tx.sessionId == sessionId);
        SessionState session = connection.sessions.remove(sessionId);
        if (session != null) {
            core.sessions.recover(session).forEach(core::dispatch);
        }
    }

    /**
     * The connection is gone: transactions roll back, consumers close, deliveries return (counted),
     * temporary destinations are deleted.
     *
     * @param connectionId the connection
     */
    void connectionClosed(long connectionId) {
        ConnectionState connection = core.connections.remove(connectionId);
        if (connection == null) {
            return;
        }
        if (connection.clientId != null) {
            clientIds.remove(connection.clientId);
        }
        for (ConsumerState consumer : List.copyOf(connection.consumers.values())) {
            core.consumers.remove(connection, consumer);
        }
        core.xa.connectionLost(connection);
        connection.transactions.clear();
        for (SessionState session : connection.sessions.values()) {
            core.sessions.recover(session).forEach(core::dispatch);
        }
        for (DestinationState temporary : connection.temporaryDestinations) {
            if (!temporary.deleted) {
                core.destinations.delete(temporary);
                core.subscriptions.onDestinationDeleted(temporary);
            }
        }
    }
}
