package org.cairnmq.jms.connection;

import static org.cairnmq.jms.connection.SessionArguments.cairnDestination;
import static org.cairnmq.jms.connection.SessionArguments.isTemporary;
import static org.cairnmq.jms.connection.SessionArguments.requireDestinationName;
import static org.cairnmq.jms.connection.SessionArguments.requireName;
import static org.cairnmq.jms.connection.SessionArguments.validSelector;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import jakarta.jms.TransactionRolledBackException;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.cairnmq.client.session.BrokerChannel;
import org.cairnmq.client.session.ClientCommands;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.client.session.Delivery;
import org.cairnmq.jms.destination.CairnDestination;
import org.cairnmq.jms.destination.CairnQueue;
import org.cairnmq.jms.destination.CairnTopic;
import org.cairnmq.jms.internal.JmsExceptions;
import org.cairnmq.jms.message.CairnBytesMessage;
import org.cairnmq.jms.message.CairnMapMessage;
import org.cairnmq.jms.message.CairnMessage;
import org.cairnmq.jms.message.CairnObjectMessage;
import org.cairnmq.jms.message.CairnStreamMessage;
import org.cairnmq.jms.message.CairnTextMessage;
import org.cairnmq.jms.message.ForeignMessages;
import org.cairnmq.protocol.command.CommandCode;
import org.cairnmq.protocol.command.ErrorCode;
import org.cairnmq.protocol.selector.Selector;
import org.cairnmq.protocol.selector.SelectorSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JMS session: a single thread of control over producers, consumers and browsers, with one of the
 * four acknowledge modes ({@link SessionAcks}) and, for message listeners, one delivery thread
 * ({@link SessionDispatcher}).
 *
 * <p>{@link #recover()} and {@link #rollback()} drop what the session's consumers prefetched, then send
 * RECOVER (or TX_ROLLBACK) so the broker redelivers every unacknowledged message, flagged
 * redelivered, and give the broker back the credit of the dropped deliveries.
 *
 * <p>Design note: a delivery already on the wire when RECOVER is sent is kept, not dropped. The broker
 * redispatches right away within the consumer's remaining credit, so redeliveries can arrive before
 * the RECOVER answer and cannot be told from such a stale delivery; dropping in that window would
 * strand them. The cost is a rare duplicate of a message that was in flight at that instant.
 *
 * <p>Thread safety: the specification makes a session single-threaded; the state that the event loop
 * and the listener thread share is concurrent.
 */
public final class CairnSession implements QueueSession, TopicSession {

    private static final Logger LOG = LoggerFactory.getLogger(CairnSession.class);

    private final CairnConnection connection;
    private final long sessionId;
    private final int mode;
    private final SessionDomain domain;
    private final SessionAcks acks;
    private final SessionDispatcher dispatcher;
    private final List<CairnMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<CairnMessageProducer> producers = new CopyOnWriteArrayList<>();
    private final List<CairnQueueBrowser> browsers = new CopyOnWriteArrayList<>();
    private final Set<BrokerChannel> consumedFrom = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    CairnSession(final CairnConnection connection, final long sessionId, final int mode, final SessionDomain domain) {
        this.connection = connection;
        this.sessionId = sessionId;
        this.mode = mode;
        this.domain = domain;
        this.acks = new SessionAcks(connection, sessionId, mode);
        this.dispatcher = new SessionDispatcher(sessionId);
    }

    // ---- message factories

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return new CairnBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return new CairnMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return new CairnMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return new CairnObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(final Serializable object) throws JMSException {
        checkOpen();
        final CairnObjectMessage message = new CairnObjectMessage();
        message.setObject(object);
        return message;
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return new CairnStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return new CairnTextMessage();
    }

    @Override
    public TextMessage createTextMessage(final String text) throws JMSException {
        checkOpen();
        return new CairnTextMessage(text);
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
        if (mode != Session.SESSION_TRANSACTED) {
            throw new IllegalStateException("CAIRN-J023 commit() needs a transacted session", "ILLEGAL_STATE");
        }
        try {
            acks.commit();
        } catch (final TransactionRolledBackException rolledBack) {
            for (final CairnMessageConsumer consumer : consumers) {
                consumer.dropPrefetched();
                consumer.regrantDropped();
            }
            throw rolledBack;
        }
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        if (mode != Session.SESSION_TRANSACTED) {
            throw new IllegalStateException("CAIRN-J024 rollback() needs a transacted session", "ILLEGAL_STATE");
        }
        recoverDeliveries();
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (mode == Session.SESSION_TRANSACTED) {
            throw new IllegalStateException("CAIRN-J025 recover() is not allowed on a transacted session",
                "ILLEGAL_STATE");
        }
        recoverDeliveries();
    }

    private void recoverDeliveries() throws JMSException {
        try {
            for (final CairnMessageConsumer consumer : consumers) {
                consumer.dropPrefetched();
            }
            final SessionAcks.Recovery recovery = acks.endForRecovery(new LinkedHashSet<>(consumedFrom));
            for (final Map.Entry<BrokerChannel, CommandCode> entry : recovery.commands().entrySet()) {
                final BrokerChannel channel = entry.getKey();
                Await.done(entry.getValue() == CommandCode.TX_ROLLBACK
                    ? channel.request(CommandCode.TX_ROLLBACK, ClientCommands.transaction(sessionId, recovery.txId()))
                    : channel.request(CommandCode.RECOVER, ClientCommands.sessionOnly(sessionId)),
                    connection.config().requestTimeoutMs());
            }
        } finally {
            for (final CairnMessageConsumer consumer : consumers) {
                consumer.regrantDropped();
            }
        }
    }

    // ---- producers, consumers, browsers, destinations

    @Override
    public MessageProducer createProducer(final Destination destination) throws JMSException {
        return newProducer(destination);
    }

    @Override
    public QueueSender createSender(final Queue queue) throws JMSException {
        return newProducer(queue);
    }

    @Override
    public TopicPublisher createPublisher(final Topic topic) throws JMSException {
        domain.requireTopics("createPublisher");
        return newProducer(topic);
    }

    private CairnMessageProducer newProducer(final Destination destination) throws JMSException {
        checkOpen();
        final CairnDestination target = destination == null ? null : cairnDestination(destination);
        final CairnMessageProducer producer = new CairnMessageProducer(this, target);
        producers.add(producer);
        return producer;
    }

    @Override
    public MessageConsumer createConsumer(final Destination destination) throws JMSException {
        return newConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(final Destination destination, final String messageSelector)
        throws JMSException {
        return newConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(final Destination destination, final String messageSelector,
                                          final boolean noLocal) throws JMSException {
        return newConsumer(destination, messageSelector, noLocal);
    }

    @Override
    public QueueReceiver createReceiver(final Queue queue) throws JMSException {
        return newConsumer(queue, null, false);
    }

    @Override
    public QueueReceiver createReceiver(final Queue queue, final String messageSelector) throws JMSException {
        return newConsumer(queue, messageSelector, false);
    }

    @Override
    public TopicSubscriber createSubscriber(final Topic topic) throws JMSException {
        domain.requireTopics("createSubscriber");
        return newConsumer(topic, null, false);
    }

    @Override
    public TopicSubscriber createSubscriber(final Topic topic, final String messageSelector, final boolean noLocal)
        throws JMSException {
        domain.requireTopics("createSubscriber");
        return newConsumer(topic, messageSelector, noLocal);
    }

    private CairnMessageConsumer newConsumer(final Destination destination, final String messageSelector,
                                             final boolean noLocal) throws JMSException {
        return openConsumer(destination, messageSelector, noLocal ? CreateConsumerCodec.NO_LOCAL_FLAG : 0, null);
    }

    private CairnMessageConsumer openConsumer(final Destination destination, final String messageSelector,
                                              final int flags, final String subscriptionName) throws JMSException {
        checkOpen();
        final CairnDestination target = cairnDestination(destination);
        if (isTemporary(target) && !connection.ownsTemporary(target)) {
            throw new InvalidDestinationException("CAIRN-J026 Only the connection that created " + target
                + " may consume from it", "INVALID_DESTINATION");
        }
        final String selector = validSelector(messageSelector);
        final BrokerChannel channel = connection.channelFor(target);
        final CairnMessageConsumer consumer = CairnMessageConsumer.open(this, channel, target, selector, flags,
            subscriptionName);
        consumers.add(consumer);
        consumedFrom.add(channel);
        return consumer;
    }

    @Override
    public MessageConsumer createSharedConsumer(final Topic topic, final String sharedSubscriptionName)
        throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(final Topic topic, final String sharedSubscriptionName,
                                                final String messageSelector) throws JMSException {
        domain.requireTopics("createSharedConsumer");
        return openConsumer(topic, messageSelector, CreateConsumerCodec.SHARED_FLAG, requireName(sharedSubscriptionName));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(final Topic topic, final String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(final Topic topic, final String name, final String messageSelector,
                                                   final boolean noLocal) throws JMSException {
        domain.requireTopics("createDurableSubscriber");
        return openConsumer(topic, messageSelector,
            CreateConsumerCodec.DURABLE_FLAG | (noLocal ? CreateConsumerCodec.NO_LOCAL_FLAG : 0), requireName(name));
    }

    @Override
    public MessageConsumer createDurableConsumer(final Topic topic, final String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(final Topic topic, final String name, final String messageSelector,
                                                 final boolean noLocal) throws JMSException {
        return createDurableSubscriber(topic, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(final Topic topic, final String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(final Topic topic, final String name,
                                                       final String messageSelector) throws JMSException {
        domain.requireTopics("createSharedDurableConsumer");
        return openConsumer(topic, messageSelector, CreateConsumerCodec.DURABLE_FLAG | CreateConsumerCodec.SHARED_FLAG, requireName(name));
    }

    @Override
    public void unsubscribe(final String name) throws JMSException {
        checkOpen();
        domain.requireTopics("unsubscribe");
        throw new JMSException("CAIRN-J027 Durable subscriptions cannot be removed by this version of Cairn");
    }

    @Override
    public QueueBrowser createBrowser(final Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(final Queue queue, final String messageSelector) throws JMSException {
        checkOpen();
        domain.requireQueues("createBrowser");
        final CairnDestination target = cairnDestination(queue);
        final CairnQueueBrowser browser = new CairnQueueBrowser(this, (Queue) target, validSelector(messageSelector));
        browsers.add(browser);
        return browser;
    }

    @Override
    public Queue createQueue(final String queueName) throws JMSException {
        checkOpen();
        domain.requireQueues("createQueue");
        return new CairnQueue(requireDestinationName(queueName));
    }

    @Override
    public Topic createTopic(final String topicName) throws JMSException {
        checkOpen();
        domain.requireTopics("createTopic");
        return new CairnTopic(requireDestinationName(topicName));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        domain.requireQueues("createTemporaryQueue");
        return connection.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        domain.requireTopics("createTemporaryTopic");
        return connection.createTemporaryTopic();
    }

    // ---- listeners and close

    /** Not supported: the session-level listener belongs to the application server facilities. */
    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        return null;
    }

    /** Not supported: the session-level listener belongs to the application server facilities. */
    @Override
    public void setMessageListener(final MessageListener listener) throws JMSException {
        checkOpen();
        throw new JMSException("CAIRN-J028 Session.setMessageListener belongs to the application server "
            + "facilities, which Cairn does not provide; set a listener on a MessageConsumer");
    }

    /** Not supported: the session-level listener belongs to the application server facilities. */
    @Override
    public void run() {
        throw new JMSRuntimeException("CAIRN-J028 Session.run belongs to the application server facilities, "
            + "which Cairn does not provide");
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (dispatcher.isSessionThread()) {
            throw new IllegalStateException("CAIRN-J029 A message listener must not close its own session",
                "ILLEGAL_STATE");
        }
        final ReentrantLock deliveryLock = dispatcher.deliveryLock();
        deliveryLock.lock();
        try {
            closed = true;
        } finally {
            deliveryLock.unlock();
        }
        try {
            closeChildrenAndSession();
        } finally {
            dispatcher.shutdown();
            connection.removeSession(this);
        }
    }

    private void closeChildrenAndSession() throws JMSException {
        final boolean reachable = !connection.isClosed();
        JMSException first = null;
        if (mode == Session.DUPS_OK_ACKNOWLEDGE && reachable) {
            first = attempt(acks::acknowledgeConsumed, first);
        }
        for (final CairnMessageConsumer consumer : consumers) {
            first = attempt(() -> consumer.closeOnSessionClose(reachable), first);
        }
        for (final CairnMessageProducer producer : producers) {
            producer.markClosed();
        }
        for (final CairnQueueBrowser browser : browsers) {
            browser.markClosed();
        }
        final Set<BrokerChannel> channels = new LinkedHashSet<>(consumedFrom);
        channels.addAll(acks.channelsInUse());
        for (final BrokerChannel channel : channels) {
            if (reachable && channel.isOpen()) {
                first = attempt(() -> Await.done(channel.request(CommandCode.CLOSE_SESSION,
                    ClientCommands.sessionOnly(sessionId)), connection.config().requestTimeoutMs()), first);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static JMSException attempt(final JmsAction action, final JMSException first) {
        try {
            action.run();
            return first;
        } catch (final JMSException failure) {
            return first == null ? failure : first;
        }
    }

    @FunctionalInterface
    private interface JmsAction {
        void run() throws JMSException;
    }

    // ---- what consumers, producers and the connection call

    /** Turns a delivery into the message given to the application and does the mode's bookkeeping. */
    CairnMessage toApplication(final CairnMessageConsumer consumer, final Delivery delivery) throws JMSException {
        final CairnMessage message = consumer.decode(delivery.record());
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
        if (closed) {
            throw new IllegalStateException("CAIRN-J030 The session of this message is closed", "ILLEGAL_STATE");
        }
        connection.checkNotFailed();
        acks.acknowledgeConsumed();
    }

    /** Delivers a consumer's prefetched messages to its listener; runs on the session thread. */
    void dispatch(final CairnMessageConsumer consumer) {
        final ReentrantLock deliveryLock = dispatcher.deliveryLock();
        deliveryLock.lock();
        try {
            while (connection.isStarted() && !closed && consumer.isListening()) {
                final Delivery delivery = consumer.takeForListener();
                if (delivery == null) {
                    beforeWaiting();
                    return;
                }
                deliverToListener(consumer, delivery);
            }
        } catch (final JMSException failure) {
            LOG.warn("Session {} could not complete a listener delivery: {}", sessionId, failure.getMessage());
        } finally {
            deliveryLock.unlock();
        }
    }

    private void deliverToListener(final CairnMessageConsumer consumer, final Delivery delivery) throws JMSException {
        final CairnMessage message = toApplication(consumer, delivery);
        final MessageListener listener = consumer.listener();
        try {
            listener.onMessage(message);
        } catch (final RuntimeException listenerFailure) {
            LOG.warn("The message listener of session {} threw; the message is redelivered", sessionId,
                listenerFailure);
            if (mode == Session.AUTO_ACKNOWLEDGE || mode == Session.DUPS_OK_ACKNOWLEDGE) {
                recoverDeliveries();
                return;
            }
        }
        if (!closed) {
            afterConsumed(consumer, delivery);
        }
    }

    void scheduleDispatch(final CairnMessageConsumer consumer) {
        dispatcher.execute(() -> dispatch(consumer));
    }

    void onConnectionStarted() {
        for (final CairnMessageConsumer consumer : consumers) {
            if (consumer.isListening()) {
                scheduleDispatch(consumer);
            }
        }
    }

    void awaitListenersIdle() {
        dispatcher.awaitIdle();
        for (final CairnMessageConsumer consumer : consumers) {
            consumer.wakeUp();
        }
    }

    boolean isListenerThread() {
        return dispatcher.isSessionThread();
    }

    void onConnectionInterrupted(final BrokerChannel channel) {
        acks.onConnectionInterrupted(channel);
        for (final CairnMessageConsumer consumer : consumers) {
            if (consumer.channel() == channel) {
                consumer.onConnectionInterrupted();
            }
        }
    }

    void onReconnected(final BrokerChannel channel) throws JMSException {
        for (final CairnMessageConsumer consumer : consumers) {
            if (consumer.channel() == channel) {
                consumer.recreate();
            }
        }
    }

    void onConnectionFailed() {
        for (final CairnMessageConsumer consumer : consumers) {
            consumer.wakeUp();
        }
    }

    boolean hasConsumerOn(final CairnDestination destination) {
        for (final CairnMessageConsumer consumer : consumers) {
            if (consumer.destination().equals(destination)) {
                return true;
            }
        }
        return false;
    }

    long txIdForSend(final BrokerChannel channel) {
        return acks.txIdForSend(channel);
    }

    void removeConsumer(final CairnMessageConsumer consumer) {
        consumers.remove(consumer);
    }

    void removeProducer(final CairnMessageProducer producer) {
        producers.remove(producer);
    }

    void removeBrowser(final CairnQueueBrowser browser) {
        browsers.remove(browser);
    }

    CairnConnection connection() {
        return connection;
    }

    SessionDispatcher dispatcher() {
        return dispatcher;
    }

    long sessionId() {
        return sessionId;
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
    void checkOpen() throws JMSException {
        if (closed) {
            throw new IllegalStateException("CAIRN-J031 The session is closed", "ILLEGAL_STATE");
        }
        connection.checkUsable();
    }
}
