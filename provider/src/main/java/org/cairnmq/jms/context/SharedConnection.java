package org.cairnmq.jms.context;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;

/**
 * The connection under one or more {@link CairnJMSContext}s: the first context made by a connection
 * factory owns it, {@code JMSContext.createContext(int)} adds contexts that share it, and it is closed
 * when the last of them closes.
 *
 * <p>Thread safety: any thread; the count is guarded by this object's monitor.
 */
final class SharedConnection {

    private final Connection connection;
    private int contexts;
    private boolean shared;

    SharedConnection(final Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** Counts a new context on the connection. */
    synchronized void retain() {
        contexts++;
        if (contexts > 1) {
            shared = true;
        }
    }

    /**
     * Whether a second context was ever made on the connection: making it was an action on the first
     * one, after which the client id can no longer be set.
     */
    synchronized boolean wasShared() {
        return shared;
    }

    /**
     * Forgets a closed context; closes the connection with the last one.
     *
     * @throws JMSException if the connection fails to close
     */
    void release() throws JMSException {
        final boolean last;
        synchronized (this) {
            contexts--;
            last = contexts == 0;
        }
        if (last) {
            connection.close();
        }
    }
}
