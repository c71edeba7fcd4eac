package org.cairnmq.jms.connection;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.Set;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.protocol.command.CommandCode;

/**
 * The last steps of closing a session, once it is marked closed: acknowledging what AUTO_ACKNOWLEDGE
 * and DUPS_OK_ACKNOWLEDGE consumed, closing its consumers, producers and browsers, and telling every
 * broker it used (CLOSE_SESSION). Every step runs even when an earlier one failed; the first failure is
 * the one kept.
 *
 * <p>Thread safety: stateless; called by the thread closing the session.
 */
final class SessionTeardown {

    private SessionTeardown() {
    }

    /**
     * Closes a session's children and the session on its brokers.
     *
     * @param earlier the failure of an earlier close step, or {@code null}
     * @return the first failure, {@code earlier} if there was one, or {@code null}
     */
    static JMSException closeChildrenAndSession(final CairnConnection connection, final long sessionId,
                                                final int mode, final SessionAcks acks,
                                                final SessionChildren children, final JMSException earlier) {
        final boolean reachable = !connection.isClosed();
        JMSException first = earlier;
        if ((mode == Session.DUPS_OK_ACKNOWLEDGE || mode == Session.AUTO_ACKNOWLEDGE) && reachable) {
            first = attempt(acks::acknowledgeConsumed, first);
        }
        final JMSException childFailure = children.closeAll(reachable);
        first = first == null ? childFailure : first;
        final Set<BrokerChannel> channels = children.consumedFrom();
        channels.addAll(acks.channelsInUse());
        for (final BrokerChannel channel : channels) {
            if (reachable && channel.isOpen()) {
                first = attempt(() -> Await.done(channel.request(CommandCode.CLOSE_SESSION,
                    ClientCommands.sessionOnly(sessionId)), connection.config().requestTimeoutMs()), first);
            }
        }
        return first;
    }

    /** Runs a close step and returns the first failure: {@code first} if set, else the step's own. */
    static JMSException attempt(final JmsAction action, final JMSException first) {
        try {
            action.run();
            return first;
        } catch (final JMSException failure) {
            return first == null ? failure : first;
        }
    }

    /** A close step that may fail with a {@link JMSException}. */
    @FunctionalInterface
    interface JmsAction {
        void run() throws JMSException;
    }
}
