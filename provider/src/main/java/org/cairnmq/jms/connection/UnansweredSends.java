package org.cairnmq.jms.connection;

import jakarta.jms.JMSException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.jms.internal.JmsExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a connection does for its unanswered sends (non-persistent sends outside a transaction, sent
 * as SEND_UNANSWERED): it hands each failure the broker reports to the session that sent, and waits
 * for the brokers to have handled a session's before the session or a producer of it closes.
 */
final class UnansweredSends {

    private static final Logger LOG = LoggerFactory.getLogger(UnansweredSends.class);

    private UnansweredSends() {
    }

    /**
     * The listener of a connection's SEND_FAILED frames (on the I/O thread): the session that sent
     * throws the failure from its next send or close, and the connection's exception listener hears
     * of it.
     *
     * @param sessions the connection's sessions
     * @param connection the connection
     * @return the listener
     */
    static BrokerChannel.SendFailureListener failuresTo(final ConnectionSessions sessions,
                                                        final CairnConnection connection) {
        return (sessionId, errorCode, message) -> {
            final JMSException failure = JmsExceptions.toJmsException(errorCode, message);
            final CairnSession session = sessions.find(sessionId);
            if (session != null) {
                session.completions().onUnansweredFailure(failure, connection);
            } else {
                LOG.warn("A non-persistent send of a session closed since failed: {}", message);
            }
        };
    }

    /**
     * Waits until every broker has handled the unanswered sends a session made on its current
     * connection and reported their failures.
     *
     * @param channels the connection's broker channels
     * @param sessionId the session
     * @param timeoutMs how long to wait at most
     * @throws JMSException if they were not handled in time, or the thread was interrupted
     */
    static void await(final List<BrokerChannel> channels, final long sessionId, final long timeoutMs) throws JMSException {
        final long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        try {
            for (final BrokerChannel channel : channels) {
                final long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
                if (!channel.awaitUnansweredSends(sessionId, Math.max(0L, remainingMs))) {
                    throw new JMSException("CAIRN-J229 The broker " + channel.address() + " did not handle the "
                        + "non-persistent sends of session " + sessionId + " within " + timeoutMs + " ms");
                }
            }
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new JMSException("CAIRN-J002 Interrupted while waiting for the broker");
        }
    }
}
