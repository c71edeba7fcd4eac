package org.cairnmq.ra.inbound;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.spi.work.WorkException;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAResource;
import org.cairnmq.jms.connection.CairnMessageConsumer;

/**
 * One consumer session of an activation and the chain of deliveries on it: each
 * {@link DeliveryWork} schedules the next when it ends, so a session has at most one delivery
 * running or waiting at a time, and the work manager's threads are lent per delivery.
 *
 * <p>Thread safety: the session and consumer are used by one delivery at a time (the chain), and
 * closed by the connection after {@link #awaitIdle()}; the scheduling state is guarded by this
 * object's monitor.
 */
final class InboundSession {

    /** How long stopping waits for a delivery in progress, in milliseconds. */
    static final long STOP_WAIT_MS = 30_000L;

    private static final System.Logger LOG = System.getLogger(InboundSession.class.getName());

    private final Session session;
    private final MessageConsumer consumer;
    private final XAResource xaResource;
    private final DeliveryTarget target;
    private boolean stopped;
    private boolean deliveryPending;

    private InboundSession(final Session session, final MessageConsumer consumer, final DeliveryTarget target) {
        this.session = session;
        this.consumer = consumer;
        this.xaResource = session instanceof XASession xa ? xa.getXAResource() : null;
        this.target = target;
    }

    /**
     * Creates a session: an XA session on an XA connection, else a client-acknowledged one (the
     * adapter acknowledges after {@code onMessage} returns).
     *
     * @param connection the activation's connection
     * @param transacted whether deliveries join the container's transactions
     * @return the session
     * @throws JMSException if the connection cannot make one
     */
    static Session createSession(final Connection connection, final boolean transacted) throws JMSException {
        return transacted ? ((XAConnection) connection).createXASession()
            : connection.createSession(Session.CLIENT_ACKNOWLEDGE);
    }

    /**
     * Creates the consumer the configuration asks for on a session.
     *
     * @param session the session
     * @param destination the resolved destination
     * @param target the activation's endpoint factory and configuration
     * @return the inbound session
     * @throws JMSException if the consumer cannot be created (for example an invalid selector)
     */
    static InboundSession open(final Session session, final Destination destination, final DeliveryTarget target)
        throws JMSException {
        return new InboundSession(session, createConsumer(session, destination, target.config()), target);
    }

    private static MessageConsumer createConsumer(final Session session, final Destination destination,
                                                  final ActivationConfig config) throws JMSException {
        final String selector = config.messageSelector();
        if (!(destination instanceof Topic topic) || DestinationResolver.typeOf(destination) == DestinationType.QUEUE) {
            return session.createConsumer(destination, selector);
        }
        final boolean durable = config.durability() == SubscriptionDurability.DURABLE;
        if (config.shared()) {
            return durable ? session.createSharedDurableConsumer(topic, config.subscriptionName(), selector)
                : session.createSharedConsumer(topic, config.subscriptionName(), selector);
        }
        return durable ? session.createDurableConsumer(topic, config.subscriptionName(), selector, false)
            : session.createConsumer(topic, selector);
    }

    /** Schedules the first delivery. */
    void scheduleFirst() {
        submit(1);
    }

    /**
     * Called by a delivery when it ends: schedules the next one, at once or after a back-off.
     *
     * @param outcome how the delivery ended
     * @param attempt the delivery's attempt number
     */
    void deliveryEnded(final DeliveryOutcome outcome, final int attempt) {
        synchronized (this) {
            deliveryPending = false;
            notifyAll();
        }
        switch (outcome) {
            case DONE -> submit(1);
            case ENDPOINT_UNAVAILABLE -> retryEndpoint(attempt + 1);
            case FAILED -> later(1);
        }
    }

    private void retryEndpoint(final int nextAttempt) {
        if (nextAttempt > target.config().endpointCreateAttempts()) {
            LOG.log(System.Logger.Level.ERROR, "CAIRN-RA220 the endpoint of {0} could not be created in {1} "
                + "attempts; this session stops delivering until the bean is activated again", target.name(),
                target.config().endpointCreateAttempts());
            stop();
            return;
        }
        later(nextAttempt);
    }

    private void later(final int attempt) {
        target.context().later(() -> submit(attempt), target.retryDelayMs(Math.max(2, attempt)));
    }

    private void submit(final int attempt) {
        synchronized (this) {
            if (stopped || deliveryPending) {
                return;
            }
            deliveryPending = true;
        }
        try {
            target.context().schedule(new DeliveryWork(this, attempt));
        } catch (final WorkException refused) {
            LOG.log(System.Logger.Level.WARNING, "CAIRN-RA221 the work manager refused a delivery of "
                + target.name() + "; retrying", refused);
            synchronized (this) {
                deliveryPending = false;
            }
            later(attempt);
        }
    }

    /** Stops scheduling deliveries; the one in progress, if any, finishes. */
    synchronized void stop() {
        stopped = true;
    }

    synchronized boolean stopped() {
        return stopped;
    }

    /** Waits, bounded by {@value #STOP_WAIT_MS} ms, until no delivery is running or waiting to run. */
    synchronized void awaitIdle() {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MS);
        try {
            long leftNanos = deadline - System.nanoTime();
            while (deliveryPending && leftNanos > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, leftNanos);
                leftNanos = deadline - System.nanoTime();
            }
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    Session session() {
        return session;
    }

    MessageConsumer consumer() {
        return consumer;
    }

    /**
     * Waits until a message is waiting for this session's consumer, without taking it.
     *
     * @param timeoutMs how long to wait
     * @return whether a delivery should be attempted now
     */
    boolean awaitMessage(final long timeoutMs) {
        return !(consumer instanceof CairnMessageConsumer cairn) || cairn.awaitMessage(timeoutMs);
    }

    XAResource xaResource() {
        return xaResource;
    }

    DeliveryTarget target() {
        return target;
    }
}
