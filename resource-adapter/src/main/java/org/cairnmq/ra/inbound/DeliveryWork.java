package org.cairnmq.ra.inbound;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.work.Work;

/**
 * One delivery of one session, run by the container's work manager: create an endpoint, receive at
 * most one message, hand it to {@code onMessage}, and settle its acknowledgement.
 *
 * <pre>
 * transacted:      createEndpoint(xaResource) → beforeDelivery → receive → onMessage → afterDelivery → release
 *                  (the container starts its transaction and enlists the session's XAResource in
 *                   beforeDelivery, so the receive's acknowledgement commits or rolls back with it)
 * not transacted:  createEndpoint(null) → receive → onMessage → acknowledge (recover on failure) → release
 * </pre>
 *
 * <p>Design note: a delivery first waits (up to {@value #POLL_TIMEOUT_MS} ms) until the consumer has
 * a message prefetched, without taking it, and only then creates the endpoint: an idle bean costs no
 * container transaction, and no message is taken from the broker while the bean cannot be created.
 * The receive itself happens inside the branch, so its acknowledgement belongs to the transaction.
 */
final class DeliveryWork implements Work {

    /** How long one delivery waits for a message, in milliseconds. */
    static final long POLL_TIMEOUT_MS = 1_000L;

    private static final System.Logger LOG = System.getLogger(DeliveryWork.class.getName());

    private final InboundSession session;
    private final int attempt;

    /**
     * Creates a delivery.
     *
     * @param session the session it receives on
     * @param attempt 1 for a first try, higher for retries after the endpoint was unavailable
     */
    DeliveryWork(final InboundSession session, final int attempt) {
        this.session = session;
        this.attempt = attempt;
    }

    @Override
    public void run() {
        DeliveryOutcome outcome = DeliveryOutcome.FAILED;
        try {
            outcome = deliver();
        } finally {
            session.deliveryEnded(outcome, attempt);
        }
    }

    /**
     * Nothing to do: a delivery ends on its own within the poll interval, and the session stops
     * scheduling more when the activation stops.
     */
    @Override
    public void release() {
        LOG.log(System.Logger.Level.DEBUG, "work manager asked {0} to release its delivery", session.target().name());
    }

    private DeliveryOutcome deliver() {
        if (session.stopped() || !session.awaitMessage(POLL_TIMEOUT_MS)) {
            return DeliveryOutcome.DONE;
        }
        final MessageEndpoint endpoint;
        try {
            endpoint = session.target().createEndpoint(session.xaResource());
        } catch (final UnavailableException notYet) {
            LOG.log(System.Logger.Level.DEBUG, "endpoint of {0} unavailable (attempt {1})", session.target().name(),
                attempt);
            return DeliveryOutcome.ENDPOINT_UNAVAILABLE;
        }
        try {
            return session.xaResource() != null ? deliverTransacted(endpoint) : deliverAcknowledged(endpoint);
        } finally {
            endpoint.release();
        }
    }

    private DeliveryOutcome deliverTransacted(final MessageEndpoint endpoint) {
        try {
            endpoint.beforeDelivery(EndpointActivation.ON_MESSAGE);
        } catch (final NoSuchMethodException | ResourceException failure) {
            LOG.log(System.Logger.Level.WARNING, "CAIRN-RA210 beforeDelivery of " + session.target().name()
                + " failed", failure);
            return DeliveryOutcome.FAILED;
        }
        DeliveryOutcome outcome = DeliveryOutcome.DONE;
        try {
            final Message message = session.consumer().receive(POLL_TIMEOUT_MS);
            if (message != null) {
                invoke(endpoint, message);
            }
        } catch (final JMSException failure) {
            LOG.log(System.Logger.Level.WARNING, "CAIRN-RA211 receiving for " + session.target().name()
                + " failed", failure);
            outcome = DeliveryOutcome.FAILED;
        } finally {
            outcome = afterDelivery(endpoint, outcome);
        }
        return outcome;
    }

    private DeliveryOutcome afterDelivery(final MessageEndpoint endpoint, final DeliveryOutcome outcome) {
        try {
            endpoint.afterDelivery();
            return outcome;
        } catch (final ResourceException failure) {
            LOG.log(System.Logger.Level.WARNING, "CAIRN-RA212 afterDelivery of " + session.target().name()
                + " failed", failure);
            return DeliveryOutcome.FAILED;
        }
    }

    private DeliveryOutcome deliverAcknowledged(final MessageEndpoint endpoint) {
        final MessageConsumer consumer = session.consumer();
        try {
            final Message message = consumer.receive(POLL_TIMEOUT_MS);
            if (message == null) {
                return DeliveryOutcome.DONE;
            }
            if (invoke(endpoint, message)) {
                message.acknowledge();
            } else {
                session.session().recover();
            }
            return DeliveryOutcome.DONE;
        } catch (final JMSException failure) {
            LOG.log(System.Logger.Level.WARNING, "CAIRN-RA211 receiving for " + session.target().name()
                + " failed", failure);
            return DeliveryOutcome.FAILED;
        }
    }

    /**
     * Calls {@code onMessage}. A runtime exception is the bean's failure: the container rolls its
     * transaction back (transacted), or the adapter recovers the session (not transacted), and the
     * broker redelivers the message under the destination's redelivery policy.
     *
     * @return whether {@code onMessage} returned normally
     */
    private boolean invoke(final MessageEndpoint endpoint, final Message message) {
        try {
            ((MessageListener) endpoint).onMessage(message);
            return true;
        } catch (final RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "CAIRN-RA213 onMessage of " + session.target().name()
                + " failed; the message goes back to the broker", failure);
            return false;
        }
    }
}
