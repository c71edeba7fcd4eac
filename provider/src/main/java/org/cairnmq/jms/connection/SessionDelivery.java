package org.cairnmq.jms.connection;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import java.util.concurrent.locks.ReentrantLock;
import org.cairnmq.client.session.Delivery;
import org.cairnmq.jms.message.CairnMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a session gives messages to the application: turning a delivery into a message with the
 * acknowledge mode's bookkeeping ({@link SessionAcks}), and calling message listeners on the session's
 * one delivery thread ({@link SessionDispatcher}).
 *
 * <p>A listener that throws a {@link RuntimeException} in AUTO_ACKNOWLEDGE or DUPS_OK_ACKNOWLEDGE mode
 * has its message redelivered at once (the session recovers), as the specification requires; inside
 * an XA branch the message stays consumed in the branch, whose rollback redelivers it.
 *
 * <p>Thread safety: {@link #toApplication} and {@link #afterConsumed} run on the session's thread of
 * control; {@link #dispatch} on the session thread, under the delivery lock.
 */
final class SessionDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SessionDelivery.class);

    private final CairnSession session;
    private final int mode;
    private final SessionAcks acks;
    private final SessionDispatcher dispatcher;

    SessionDelivery(final CairnSession session, final int mode, final SessionAcks acks,
                    final SessionDispatcher dispatcher) {
        this.session = session;
        this.mode = mode;
        this.acks = acks;
        this.dispatcher = dispatcher;
    }

    /**
     * Turns a delivery into the message given to the application and does the mode's bookkeeping.
     *
     * @param consumer the consumer it was delivered to
     * @param delivery the delivery
     * @param decoded its message when already decoded, or {@code null}
     * @return the message
     * @throws JMSException if the record cannot be decoded or an acknowledgement fails
     */
    CairnMessage toApplication(final CairnMessageConsumer consumer, final Delivery delivery,
                               final CairnMessage decoded) throws JMSException {
        final CairnMessage message = decoded != null ? decoded : consumer.decode(delivery.record());
        message.setDeliveryCount(delivery.deliveryCount());
        message.setJMSRedelivered(delivery.deliveryCount() > 1);
        if (mode == Session.CLIENT_ACKNOWLEDGE) {
            message.setAcknowledger(received -> acknowledgeFromMessage());
        }
        consumer.onGivenToApplication();
        if (mode == Session.CLIENT_ACKNOWLEDGE || mode == Session.SESSION_TRANSACTED) {
            acks.onConsumed(consumer.channel(), delivery.deliveryId());
        }
        return message;
    }

    /** Completes a consumption: AUTO and DUPS_OK acknowledge here. */
    void afterConsumed(final CairnMessageConsumer consumer, final Delivery delivery) throws JMSException {
        if (mode == Session.AUTO_ACKNOWLEDGE || mode == Session.DUPS_OK_ACKNOWLEDGE) {
            acks.onConsumed(consumer.channel(), delivery.deliveryId());
        }
    }

    /** Sends the batched DUPS_OK acknowledgements, as the session is about to wait. */
    void beforeWaiting() throws JMSException {
        if (mode == Session.DUPS_OK_ACKNOWLEDGE) {
            acks.acknowledgeConsumed();
        }
    }

    private void acknowledgeFromMessage() throws JMSException {
        if (session.isClosed()) {
            throw new IllegalStateException("CAIRN-J030 The session of this message is closed", "ILLEGAL_STATE");
        }
        session.connection().checkNotFailed();
        acks.acknowledgeConsumed();
    }

    /** Asks the session thread to deliver a consumer's prefetched messages to its listener. */
    void scheduleDispatch(final CairnMessageConsumer consumer) {
        dispatcher.execute(() -> dispatch(consumer));
    }

    /** Delivers a consumer's prefetched messages to its listener; runs on the session thread. */
    private void dispatch(final CairnMessageConsumer consumer) {
        final ReentrantLock deliveryLock = dispatcher.deliveryLock();
        deliveryLock.lock();
        try {
            while (session.connection().isStarted() && !session.isClosed() && consumer.isListening()) {
                final Delivery delivery = consumer.takeForListener();
                if (delivery == null) {
                    beforeWaiting();
                    return;
                }
                deliverToListener(consumer, delivery);
            }
        } catch (final JMSException failure) {
            LOG.warn("Session {} could not complete a listener delivery: {}", session.sessionId(),
                failure.getMessage());
        } finally {
            deliveryLock.unlock();
        }
    }

    private void deliverToListener(final CairnMessageConsumer consumer, final Delivery delivery) throws JMSException {
        final CairnMessage message = toApplication(consumer, delivery, null);
        final MessageListener listener = consumer.listener();
        if (!callListener(listener, message) && redeliversOnListenerFailure()) {
            acks.onSeenNotAcknowledged(consumer.channel(), delivery.deliveryId());
            session.recovery().recover();
            return;
        }
        if (!session.isClosed()) {
            afterConsumed(consumer, delivery);
        }
    }

    /**
     * Calls a listener.
     *
     * @return false if it threw a {@link RuntimeException}
     */
    boolean callListener(final MessageListener listener, final CairnMessage message) {
        try {
            listener.onMessage(message);
            return true;
        } catch (final RuntimeException listenerFailure) {
            LOG.warn("The message listener of session {} threw; the message is redelivered", session.sessionId(),
                listenerFailure);
            return false;
        }
    }

    /** Whether a listener's failure makes the session redeliver the message now. */
    boolean redeliversOnListenerFailure() {
        return (mode == Session.AUTO_ACKNOWLEDGE || mode == Session.DUPS_OK_ACKNOWLEDGE) && !acks.inBranch();
    }
}
