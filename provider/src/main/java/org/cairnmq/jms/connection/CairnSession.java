package org.cairnmq.jms.connection;

import static org.cairnmq.jms.connection.SessionArguments.cairnDestination;
import static org.cairnmq.jms.connection.SessionArguments.isTemporary;
import static org.cairnmq.jms.connection.SessionArguments.requireName;
import static org.cairnmq.jms.connection.SessionArguments.validSelector;

import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.concurrent.locks.ReentrantLock;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.Delivery;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.message.CairnMessage;
import org.cairnmq.protocol.codec.CreateConsumerCodec;

/**
 * A JMS session: a single thread of control over producers, consumers and browsers, with one of the
 * four acknowledge modes ({@link SessionAcks}). Its parts each have a class: what it created
 * ({@link SessionChildren}), how messages reach the application and its listeners
 * ({@link SessionDelivery} on the {@link SessionDispatcher} thread), commit, rollback and recover
 * ({@link SessionRecovery}), asynchronous sends ({@link SendCompletions}), the application server
 * facilities ({@link AsfDelivery}), the last steps of close ({@link SessionTeardown}), and the thin
 * factory methods ({@link SessionFactoryMethods}).
 *
 * <p>{@link CairnXASession} extends it with the transaction boundaries of an XA resource.
 *
 * <p>Thread safety: the specification makes a session single-threaded; the state that the event loop
 * and the listener thread share is concurrent.
 */
public class CairnSession extends SessionFactoryMethods {

    private final CairnConnection connection;
    private final long sessionId;
    private final int mode;
    private final SessionDomain domain;
    private final SessionAcks acks;
    private final SessionDispatcher dispatcher;
    private final SessionChildren children = new SessionChildren();
    private final SessionDelivery delivery;
    private final SessionRecovery recovery;
    private final SendCompletions completions;
    private final AsfDelivery asf = new AsfDelivery();
    private volatile boolean closed;

    CairnSession(final CairnConnection connection, final long sessionId, final int mode, final SessionDomain domain) {
        this.connection = connection;
        this.sessionId = sessionId;
        this.mode = mode;
        this.domain = domain;
        this.acks = new SessionAcks(connection, sessionId, mode);
        this.dispatcher = new SessionDispatcher(sessionId);
        this.delivery = new SessionDelivery(this, mode, acks, dispatcher);
        this.recovery = new SessionRecovery(sessionId, connection.config().requestTimeoutMs(), acks, children);
        this.completions = new SendCompletions(sessionId);
    }

    // ---- mode, transactions, recovery

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return mode == Session.SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return mode;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        completions.checkNotInCallback("commit");
        if (mode != Session.SESSION_TRANSACTED) {
            throw new IllegalStateException("CAIRN-J023 commit() needs a transacted session", "ILLEGAL_STATE");
        }
        completions.awaitAll(connection.config().requestTimeoutMs());
        recovery.commit();
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        completions.checkNotInCallback("rollback");
        if (mode != Session.SESSION_TRANSACTED) {
            throw new IllegalStateException("CAIRN-J024 rollback() needs a transacted session", "ILLEGAL_STATE");
        }
        completions.awaitAll(connection.config().requestTimeoutMs());
        recovery.recover();
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (mode == Session.SESSION_TRANSACTED) {
            throw new IllegalStateException("CAIRN-J025 recover() is not allowed on a transacted session",
                "ILLEGAL_STATE");
        }
        recovery.recover();
    }

    /**
     * Acknowledges every message the session consumed and has not acknowledged, as
     * {@code JMSContext.acknowledge()} asks; outside CLIENT_ACKNOWLEDGE mode it does nothing.
     *
     * @throws IllegalStateException if the session is closed
     * @throws JMSException if a broker cannot be reached
     */
    public void acknowledge() throws JMSException {
        checkOpen();
        if (mode == Session.CLIENT_ACKNOWLEDGE) {
            acks.acknowledgeConsumed();
        }
    }

    // ---- producers, consumers, browsers, destinations

    @Override
    CairnMessageProducer newProducer(final Destination destination) throws JMSException {
        checkOpen();
        final CairnDestination target = destination == null ? null : cairnDestination(destination);
        final CairnMessageProducer producer = new CairnMessageProducer(this, target);
        children.addProducer(producer);
        return producer;
    }

    @Override
    CairnMessageConsumer openConsumer(final Destination destination, final String messageSelector,
                                      final int flags, final String subscriptionName) throws JMSException {
        checkOpen();
        final CairnDestination target = cairnDestination(destination);
        if (isTemporary(target) && !connection.ownsTemporary(target)) {
            throw new InvalidDestinationException("CAIRN-J026 Only the connection that created " + target
                + " may consume from it", "INVALID_DESTINATION");
        }
        if (isTemporary(target) && (flags & CreateConsumerCodec.DURABLE_FLAG) != 0) {
            throw new InvalidDestinationException("CAIRN-J064 A durable subscription cannot be made on the "
                + "temporary " + target, "INVALID_DESTINATION");
        }
        final String selector = validSelector(messageSelector);
        if (subscriptionName != null) {
            connection.subscriptions().checkCanSubscribe(subscriptionName, flags);
        }
        final BrokerChannel channel = connection.channelFor(target);
        final CairnMessageConsumer consumer = CairnMessageConsumer.open(this, channel, target, selector, flags,
            subscriptionName);
        children.addConsumer(consumer);
        return consumer;
    }

    /**
     * Removes a durable subscription of this connection's client id.
     *
     * @throws IllegalStateException if a consumer of this connection still uses it
     * @throws InvalidDestinationException if there is no such subscription
     * @throws JMSException if a consumer elsewhere still uses it, or the broker cannot be reached
     */
    @Override
    public void unsubscribe(final String name) throws JMSException {
        checkOpen();
        domain.requireTopics("unsubscribe");
        connection.subscriptions().unsubscribe(requireName(name));
    }

    @Override
    CairnQueueBrowser newBrowser(final Queue queue, final String messageSelector) throws JMSException {
        checkOpen();
        final CairnDestination target = cairnDestination(queue);
        final CairnQueueBrowser browser = new CairnQueueBrowser(this, (Queue) target, validSelector(messageSelector));
        children.addBrowser(browser);
        return browser;
    }

    // ---- listeners and close

    /** Returns the session-level listener of the application server facilities, or {@code null}. */
    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return asf.listener();
    }

    /**
     * Sets the session-level listener of the application server facilities: it receives the messages a
     * {@link CairnConnectionConsumer} loads into this session, when the application server calls
     * {@link #run()}.
     */
    @Override
    public void setMessageListener(final MessageListener listener) throws JMSException {
        checkOpen();
        asf.setListener(listener);
    }

    /** Gives the messages a connection consumer loaded into this session to its session-level listener. */
    @Override
    public void run() {
        asf.run();
    }

    /**
     * Closes the session: waits for a listener running on another thread and for outstanding
     * asynchronous sends, closes its consumers, producers and browsers, and tells the brokers, which
     * roll back an open transaction and redeliver what was not acknowledged.
     *
     * @throws IllegalStateException if called from the session's own message or completion listener
     */
    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        completions.checkNotInCallback("close");
        if (dispatcher.isSessionThread()) {
            throw new IllegalStateException("CAIRN-J029 A message listener must not close its own session",
                "ILLEGAL_STATE");
        }
        JMSException first = SessionTeardown.attempt(() -> {
            completions.awaitAll(connection.config().requestTimeoutMs());
            connection.awaitUnansweredSends(sessionId);
            completions.throwUnansweredFailure();
        }, null);
        final ReentrantLock deliveryLock = dispatcher.deliveryLock();
        deliveryLock.lock();
        try {
            closed = true;
        } finally {
            deliveryLock.unlock();
        }
        try {
            first = SessionTeardown.closeChildrenAndSession(connection, sessionId, mode, acks, children, first);
        } finally {
            dispatcher.shutdown();
            completions.shutdown();
            connection.removeSession(this);
        }
        if (first != null) {
            throw first;
        }
    }

    // ---- what consumers, producers and the connection call

    /** Turns a delivery into the message given to the application and does the mode's bookkeeping. */
    CairnMessage toApplication(final CairnMessageConsumer consumer, final Delivery received,
                               final CairnMessage decoded) throws JMSException {
        return delivery.toApplication(consumer, received, decoded);
    }

    /** Completes a consumption: AUTO and DUPS_OK acknowledge here. */
    void afterConsumed(final CairnMessageConsumer consumer, final Delivery received) throws JMSException {
        delivery.afterConsumed(consumer, received);
    }

    /** Sends the batched DUPS_OK acknowledgements, as the session is about to wait. */
    void beforeWaiting() throws JMSException {
        delivery.beforeWaiting();
    }

    void scheduleDispatch(final CairnMessageConsumer consumer) {
        delivery.scheduleDispatch(consumer);
    }

    void onConnectionStarted() {
        for (final CairnMessageConsumer consumer : children.consumers()) {
            if (consumer.isListening()) {
                scheduleDispatch(consumer);
            }
        }
    }

    void awaitListenersIdle() {
        dispatcher.awaitIdle();
        children.wakeUpConsumers();
    }

    boolean isListenerThread() {
        return dispatcher.isSessionThread();
    }

    void onConnectionInterrupted(final BrokerChannel channel) {
        acks.onConnectionInterrupted(channel);
        for (final CairnMessageConsumer consumer : children.consumers()) {
            if (consumer.channel() == channel) {
                consumer.onConnectionInterrupted();
            }
        }
    }

    void onReconnected(final BrokerChannel channel) throws JMSException {
        for (final CairnMessageConsumer consumer : children.consumers()) {
            if (consumer.channel() == channel) {
                consumer.recreate();
            }
        }
    }

    void onConnectionFailed() {
        children.wakeUpConsumers();
    }

    boolean hasConsumerOn(final CairnDestination destination) {
        return children.hasConsumerOn(destination);
    }

    boolean hasDurableSubscriber(final String subscriptionName) {
        return children.hasDurableSubscriber(subscriptionName);
    }

    long txIdForSend(final BrokerChannel channel) throws JMSException {
        return acks.txIdForSend(channel);
    }

    void removeConsumer(final CairnMessageConsumer consumer) {
        children.removeConsumer(consumer);
    }

    void removeProducer(final CairnMessageProducer producer) {
        children.removeProducer(producer);
    }

    void removeBrowser(final CairnQueueBrowser browser) {
        children.removeBrowser(browser);
    }

    @Override
    CairnConnection connection() {
        return connection;
    }

    SessionAcks acks() {
        return acks;
    }

    SessionDispatcher dispatcher() {
        return dispatcher;
    }

    SessionRecovery recovery() {
        return recovery;
    }

    AsfDelivery asf() {
        return asf;
    }

    SendCompletions completions() {
        return completions;
    }

    long sessionId() {
        return sessionId;
    }

    @Override
    SessionDomain domain() {
        return domain;
    }

    int mode() {
        return mode;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Fails when the session cannot be used.
     *
     * @throws IllegalStateException if the session or its connection is closed
     * @throws JMSException if the connection failed for good
     */
    @Override
    void checkOpen() throws JMSException {
        if (closed) {
            throw new IllegalStateException("CAIRN-J031 The session is closed", "ILLEGAL_STATE");
        }
        connection.checkUsable();
    }
}
