package org.cairnmq.jms.connection;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cairnmq.jms.destination.CairnDestination;

/**
 * A connection's open sessions, and what the connection asks of all of them at once: start, wait for
 * their listeners, close, fail, and whether one of them consumes a destination or subscription.
 *
 * <p>Thread safety: any thread; the list is copy-on-write, since sessions come and go rarely and are
 * walked often.
 */
final class ConnectionSessions {

    private final List<CairnSession> sessions = new CopyOnWriteArrayList<>();

    /** @param session a new session of the connection */
    void add(final CairnSession session) {
        sessions.add(session);
    }

    /** @param session a session that closed */
    void remove(final CairnSession session) {
        sessions.remove(session);
    }

    /**
     * @param sessionId a session id
     * @return the open session of that id, or {@code null}
     */
    CairnSession find(final long sessionId) {
        for (final CairnSession session : sessions) {
            if (session.sessionId() == sessionId) {
                return session;
            }
        }
        return null;
    }

    /** The open sessions, a live view for the {@link Reconnector}. */
    List<CairnSession> list() {
        return sessions;
    }

    /** Tells every session that the connection started. */
    void onConnectionStarted() {
        for (final CairnSession session : sessions) {
            session.onConnectionStarted();
        }
    }

    /** Waits until no message listener of any session runs. */
    void awaitListenersIdle() {
        for (final CairnSession session : sessions) {
            session.awaitListenersIdle();
        }
    }

    /**
     * Closes every session, going on past failures.
     *
     * @return the first failure, or {@code null}
     */
    JMSException closeAll() {
        JMSException first = null;
        for (final CairnSession session : sessions) {
            try {
                session.close();
            } catch (final JMSException sessionFailure) {
                first = first == null ? sessionFailure : first;
            }
        }
        return first;
    }

    /** Tells every session that the connection failed for good. */
    void onConnectionFailed() {
        for (final CairnSession session : sessions) {
            session.onConnectionFailed();
        }
    }

    /**
     * Fails when called from a message listener of one of the sessions.
     *
     * @param operation what the listener tried on its own connection, {@code stop} or {@code close}
     * @throws IllegalStateException if called from a listener
     */
    void checkNotFromListener(final String operation) throws IllegalStateException {
        for (final CairnSession session : sessions) {
            if (session.isListenerThread()) {
                throw new IllegalStateException("CAIRN-J017 A message listener must not " + operation
                    + " its own connection", "ILLEGAL_STATE");
            }
        }
    }

    /** Whether a session has a consumer on a destination. */
    boolean hasConsumerOn(final CairnDestination destination) {
        for (final CairnSession session : sessions) {
            if (session.hasConsumerOn(destination)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a session has a consumer on the durable subscription of that name. */
    boolean hasDurableSubscriber(final String subscriptionName) {
        for (final CairnSession session : sessions) {
            if (session.hasDurableSubscriber(subscriptionName)) {
                return true;
            }
        }
        return false;
    }
}
