package org.cairnmq.jms.connection;

import jakarta.jms.ConnectionConsumer;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.ServerSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connection consumer of the application server facilities: it consumes a destination (or a
 * subscription) on an internal AUTO_ACKNOWLEDGE session and hands each message to a
 * {@link ServerSession} of the application server's pool, loading it into that session and starting
 * it, so that the session's {@code run()} gives it to the session's message listener.
 *
 * <p>Design note: each message is acknowledged only after the server session's listener has processed
 * it, so a failure (a listener that throws, a pool that fails, a close in between) redelivers it; the
 * price is that one connection consumer hands off one message at a time. {@code maxMessages} is
 * therefore an upper bound that Cairn meets with one message per server session.
 *
 * <p>Thread safety: hand-off runs on the internal session's delivery thread; {@link #close()} may come
 * from any thread.
 */
public final class CairnConnectionConsumer implements ConnectionConsumer {

    /** How often a hand-off that waits for its server session checks whether the consumer closed. */
    private static final long CLOSE_CHECK_MS = 100;

    private final ServerSessionPool pool;
    private final CairnSession internal;
    private volatile boolean closed;

    private CairnConnectionConsumer(final ServerSessionPool pool, final CairnSession internal) {
        this.pool = pool;
        this.internal = internal;
    }

    static CairnConnectionConsumer open(final CairnConnection connection, final Destination destination,
                                        final String selector, final int flags, final String subscriptionName,
                                        final ServerSessionPool pool, final int maxMessages) throws JMSException {
        if (pool == null) {
            throw new JMSException("CAIRN-J090 A connection consumer needs a ServerSessionPool");
        }
        if (maxMessages < 1) {
            throw new JMSException("CAIRN-J091 maxMessages must be at least 1, not " + maxMessages);
        }
        final CairnSession internal = connection.createInternalSession();
        final CairnConnectionConsumer connectionConsumer = new CairnConnectionConsumer(pool, internal);
        try {
            internal.openConsumer(destination, selector, flags, subscriptionName)
                .setMessageListener(connectionConsumer::handOff);
        } catch (final JMSException refused) {
            internal.close();
            throw refused;
        }
        return connectionConsumer;
    }

    @Override
    public ServerSessionPool getServerSessionPool() throws JMSException {
        checkOpen();
        return pool;
    }

    @Override
    public void close() throws JMSException {
        closed = true;
        internal.close();
    }

    /**
     * Hands a message to a server session and waits until its listener has processed it; throws (so
     * that the internal session redelivers it) when it could not be processed.
     */
    private void handOff(final Message message) {
        final CompletableFuture<Boolean> processed = new CompletableFuture<>();
        try {
            final ServerSession serverSession = pool.getServerSession();
            final Session session = serverSession.getSession();
            if (!(session instanceof CairnSession target)) {
                throw new IllegalStateException("CAIRN-J092 The ServerSession's session is not a Cairn session: "
                    + session, "ILLEGAL_STATE");
            }
            target.asf().load(message, processed::complete);
            serverSession.start();
        } catch (final JMSException failure) {
            throw new IllegalArgumentException("CAIRN-J093 Could not hand a message to a server session: "
                + failure.getMessage(), failure);
        }
        if (!awaitProcessed(processed)) {
            throw new IllegalArgumentException("CAIRN-J094 The server session did not process the message; "
                + "it is redelivered");
        }
    }

    private boolean awaitProcessed(final CompletableFuture<Boolean> processed) {
        while (!closed) {
            try {
                return processed.get(CLOSE_CHECK_MS, TimeUnit.MILLISECONDS);
            } catch (final TimeoutException stillRunning) {
                continue;
            } catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            } catch (final ExecutionException impossible) {
                return false;
            }
        }
        return false;
    }

    private void checkOpen() throws JMSException {
        if (closed) {
            throw new IllegalStateException("CAIRN-J095 The connection consumer is closed", "ILLEGAL_STATE");
        }
    }
}
