package org.cairnmq.jms.connection;

import jakarta.jms.JMSException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cairnmq.client.session.BrokerChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconnects a connection to a broker whose protocol connection was lost: {@code reconnectAttempts}
 * tries, {@code reconnectIntervalMs} apart, on a thread of its own; the sessions re-create their
 * consumers on the new connection. When every attempt fails the connection is failed for good.
 *
 * <p>Thread safety: the transport's event loop reports the loss; the attempts run on a daemon thread
 * per loss; {@link #wakeUp()} (on close) ends a pause at once.
 */
final class Reconnector {

    private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);

    private final ConnectionConfig config;
    private final BooleanSupplier closed;
    private final Supplier<List<CairnSession>> sessions;
    private final Consumer<JMSException> fail;
    private final Object pauseLock = new Object();
    private BrokerLinks links;

    /**
     * @param config the reconnect settings
     * @param closed whether the connection is closed (then nothing is reconnected)
     * @param sessions the connection's open sessions
     * @param fail fails the connection for good with the exception every later call reports
     */
    Reconnector(final ConnectionConfig config, final BooleanSupplier closed,
                final Supplier<List<CairnSession>> sessions, final Consumer<JMSException> fail) {
        this.config = config;
        this.closed = closed;
        this.sessions = sessions;
        this.fail = fail;
    }

    /** Sets the links to reconnect, once, before any loss can be reported. */
    void attach(final BrokerLinks brokerLinks) {
        this.links = brokerLinks;
    }

    /** Called when the connection to a broker is lost. */
    void onBrokerLost(final BrokerChannel channel, final Throwable cause) {
        if (closed.getAsBoolean()) {
            return;
        }
        LOG.warn("Lost the connection to broker {}: {}", channel.address(), cause.toString());
        for (final CairnSession session : sessions.get()) {
            session.onConnectionInterrupted(channel);
        }
        final Thread thread = new Thread(() -> reconnect(channel, cause), "cairn-reconnect-" + channel.address());
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends a pause between attempts, as the connection closes. */
    void wakeUp() {
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
    }

    private void reconnect(final BrokerChannel channel, final Throwable cause) {
        JMSException last = null;
        for (int attempt = 1; attempt <= config.reconnectAttempts(); attempt++) {
            if (!pauseBeforeReconnect()) {
                return;
            }
            try {
                links.reconnect(channel);
                for (final CairnSession session : sessions.get()) {
                    session.onReconnected(channel);
                }
                LOG.info("Reconnected to broker {} at attempt {}", channel.address(), attempt);
                return;
            } catch (final JMSException attemptFailure) {
                last = attemptFailure;
            }
        }
        final JMSException lost = new JMSException("CAIRN-J018 Lost the connection to broker " + channel.address()
            + " and could not reconnect after " + config.reconnectAttempts() + " attempt(s): " + cause);
        lost.setLinkedException(last != null ? last : (cause instanceof Exception e ? e : null));
        fail.accept(lost);
    }

    private boolean pauseBeforeReconnect() {
        final long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.reconnectIntervalMs());
        synchronized (pauseLock) {
            long remainingNanos;
            while (!closed.getAsBoolean() && (remainingNanos = deadlineNanos - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(pauseLock, remainingNanos);
                } catch (final InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !closed.getAsBoolean();
        }
    }
}
