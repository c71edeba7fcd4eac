package org.cairnmq.jms.connection;

import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;
import java.util.Map;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.protocol.command.CommandCode;

/**
 * Ends a session's unit of work: commit, and the rollback or recover that makes the broker redeliver
 * every unacknowledged message.
 *
 * <p>{@link #recover()} drops what the session's consumers prefetched, then sends RECOVER (or
 * TX_ROLLBACK) naming the deliveries the application consumed: the broker takes back every
 * unacknowledged delivery of the session, counts only those as a delivery attempt (so they come back
 * flagged redelivered) and returns the others as if never sent. It then gives the broker back the
 * credit of the dropped deliveries.
 *
 * <p>Design note: a delivery already on the wire when RECOVER is sent arrives after the prefetch was
 * dropped. The answer names the highest delivery id the broker took back; frames on a connection keep
 * their order, so by the time the answer arrives every such stale delivery is in the prefetch buffer,
 * and it is dropped there. Redeliveries carry new, higher delivery ids and are kept.
 *
 * <p>Thread safety: the session's thread of control.
 */
final class SessionRecovery {

    private final long sessionId;
    private final long requestTimeoutMs;
    private final SessionAcks acks;
    private final SessionChildren children;

    SessionRecovery(final long sessionId, final long requestTimeoutMs, final SessionAcks acks,
                    final SessionChildren children) {
        this.sessionId = sessionId;
        this.requestTimeoutMs = requestTimeoutMs;
        this.acks = acks;
        this.children = children;
    }

    /**
     * Commits the local transaction; when the broker rolled it back instead, drops what was prefetched
     * (the broker redelivers it) and rethrows.
     *
     * @throws TransactionRolledBackException if the transaction was rolled back
     * @throws JMSException if a broker cannot be reached
     */
    void commit() throws JMSException {
        try {
            acks.commit();
        } catch (final TransactionRolledBackException rolledBack) {
            children.dropPrefetched();
            children.regrantDropped();
            throw rolledBack;
        }
    }

    /**
     * Rolls back (a transacted session) or recovers (the others): the broker redelivers every
     * unacknowledged message of the session.
     *
     * @throws JMSException if a broker cannot be reached
     */
    void recover() throws JMSException {
        try {
            children.dropPrefetched();
            final SessionAcks.Recovery recovery = acks.endForRecovery(children.consumedFrom());
            for (final Map.Entry<BrokerChannel, CommandCode> entry : recovery.commands().entrySet()) {
                final BrokerChannel channel = entry.getKey();
                final CommandCode command = entry.getValue();
                final long txId = command == CommandCode.TX_ROLLBACK ? recovery.txId() : ClientCommands.NO_TRANSACTION;
                final long highestReturned = Await.result(channel.request(command,
                    ClientCommands.recover(sessionId, txId, recovery.consumedFrom(channel))), requestTimeoutMs,
                    ClientCommands::readRecovered);
                children.dropPrefetchedUpTo(channel, highestReturned);
            }
        } finally {
            children.regrantDropped();
        }
    }

    /**
     * Rolls back the sends of the open transaction as the session closes (CLOSE_SESSION rolls back
     * what the broker can attribute to the session, and a SEND names none).
     *
     * @throws JMSException if a broker cannot be reached
     */
    void rollbackSendsOnClose() throws JMSException {
        final SessionAcks.Recovery recovery = acks.endForClose();
        for (final BrokerChannel channel : recovery.commands().keySet()) {
            if (channel.isOpen()) {
                Await.result(channel.request(CommandCode.TX_ROLLBACK,
                    ClientCommands.recover(sessionId, recovery.txId(), recovery.consumedFrom(channel))),
                    requestTimeoutMs, ClientCommands::readRecovered);
            }
        }
    }
}
