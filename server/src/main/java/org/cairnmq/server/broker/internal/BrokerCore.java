package org.cairnmq.server.broker.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cairnmq.protocol.codec.AckMode;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.selector.Selector;
import org.cairnmq.protocol.selector.SelectorSyntaxException;
import org.cairnmq.server.broker.BrokerConfig;
import org.cairnmq.server.broker.BrokerErrors;
import org.cairnmq.server.broker.ClientLink;
import org.cairnmq.server.broker.DestinationInfo;
import org.cairnmq.server.broker.BrowsePage;
import org.cairnmq.server.store.ConsumerOffsetStore;
import org.cairnmq.server.store.MessageKeyIndex;
import io.netty.buffer.ByteBuf;
import java.time.Clock;
import java.util.function.DoubleSupplier;
import org.cairnmq.server.store.MessageStore;

/**
 * The broker's state and its consumer-side operations: destinations, connections, sessions,
 * consumers, acknowledgements, redelivery, and the periodic tick (pull timeouts, dispatch).
 *
 * <p>Owning thread: every method runs on the broker thread ({@link #executor}); the facade hops
 * there. Offset flushes run on a separate flush thread, so a force never stalls dispatch.
 */
public final class BrokerCore {

    private static final long PUMP_RETRY_MS = 1L;

    final BrokerConfig config;
    final MessageStore store;
    final ConsumerOffsetStore offsets;
    final ScheduledExecutorService executor;
    private final Executor flushExecutor;
    private final Map<Long, ConnectionState> connections = new HashMap<>();
    private final DeliveredMarks marks;
    final DestinationTable destinations;
    private final Dispatcher dispatcher;
    final SessionOperations sessions;
    private final SendPath sendPath;
    private final Browser browser;

    /**
     * Loads the destinations; call on the broker thread or before it runs anything.
     *
     * @param config the settings
     * @param store the started store
     * @param keyIndex the key index the store feeds
     * @param offsets the open offset store
     * @param clock the clock of the duplicate window and flow control
     * @param diskUsedRatio the used fraction of the store's volume
     * @param executor the broker thread
     * @param flushExecutor the thread that forces the offset store
     */
    public BrokerCore(BrokerConfig config, MessageStore store, MessageKeyIndex keyIndex, ConsumerOffsetStore offsets,
            Clock clock, DoubleSupplier diskUsedRatio, ScheduledExecutorService executor, Executor flushExecutor) {
        this.config = config;
        this.store = store;
        this.offsets = offsets;
        this.executor = executor;
        this.flushExecutor = flushExecutor;
        this.marks = new DeliveredMarks(config.dataDirectory());
        this.destinations = new DestinationTable(config.dataDirectory(), store, offsets, marks);
        this.dispatcher = new Dispatcher(store, () -> executor.execute(this::dispatchAll));
        this.sessions = new SessionOperations(offsets);
        this.sendPath = new SendPath(this, keyIndex, clock, diskUsedRatio);
        this.browser = new Browser(store, this);
        destinations.load();
    }

    /** Writes the delivered marks as clean; the last call before the store closes. */
    public void close() {
        List<QueueState> queues = new ArrayList<>();
        destinations.all().forEach(d -> queues.addAll(d.queues));
        marks.writeClean(queues);
    }

    /** @return the non-temporary destinations, for the name-server registrar */
    public List<DestinationInfo> destinationInfos() {
        List<DestinationInfo> infos = new ArrayList<>();
        for (DestinationState destination : destinations.all()) {
            if (!destination.isTemporary()) {
                infos.add(new DestinationInfo(destination.kind, destination.name, destination.queues.size()));
            }
        }
        return infos;
    }

    ConnectionState connection(ClientLink link) {
        return connections.computeIfAbsent(link.connectionId(), id -> new ConnectionState(link));
    }

    private ConnectionState knownConnection(long connectionId) {
        ConnectionState connection = connections.get(connectionId);
        if (connection == null) {
            throw BrokerErrors.unknown("connection " + connectionId);
        }
        return connection;
    }

    /**
     * Finds a destination, creating a non-temporary one when auto-creation is on.
     *
     * @param kind the kind
     * @param name the name
     * @return the destination
     */
    DestinationState resolve(DestinationKind kind, String name) {
        DestinationState destination = destinations.find(kind, name);
        if (destination != null) {
            return destination;
        }
        if (kind == DestinationKind.TEMP_QUEUE || kind == DestinationKind.TEMP_TOPIC || !config.autoCreateDestinations()) {
            throw BrokerErrors.destinationNotFound(name);
        }
        return destinations.create(kind, name, config.defaultQueueCount(), DestinationState.NO_OWNER);
    }

    /**
     * CREATE_DESTINATION: idempotent for an existing destination of the same owner.
     *
     * @param link the connection
     * @param kind the kind
     * @param name the name
     * @param queueCount the queue count, 0 for the default
     */
    public void createDestination(ClientLink link, DestinationKind kind, String name, int queueCount) {
        boolean temporary = kind == DestinationKind.TEMP_QUEUE || kind == DestinationKind.TEMP_TOPIC;
        DestinationState existing = destinations.find(kind, name);
        if (existing != null) {
            if (temporary && existing.ownerConnectionId != link.connectionId()) {
                throw BrokerErrors.notOwner(name);
            }
            return;
        }
        int count = queueCount == 0 ? config.defaultQueueCount() : queueCount;
        if (count < 0 || count > BrokerConfig.MAX_QUEUE_COUNT) {
            throw BrokerErrors.invalidDestination("queue count " + queueCount);
        }
        DestinationState created = destinations.create(kind, name, count,
                temporary ? link.connectionId() : DestinationState.NO_OWNER);
        if (temporary) {
            connection(link).temporaryDestinations.add(created);
        }
    }

    /**
     * DELETE_DESTINATION: refused while it has consumers.
     *
     * @param link the connection
     * @param kind the kind
     * @param name the name
     */
    public void deleteDestination(ClientLink link, DestinationKind kind, String name) {
        DestinationState destination = destinations.find(kind, name);
        if (destination == null) {
            throw BrokerErrors.destinationNotFound(name);
        }
        if (destination.isTemporary() && destination.ownerConnectionId != link.connectionId()) {
            throw BrokerErrors.notOwner(name);
        }
        if (!destination.consumers.isEmpty()) {
            throw BrokerErrors.destinationInUse(name);
        }
        destinations.delete(destination);
        ConnectionState owner = connections.get(destination.ownerConnectionId);
        if (owner != null) {
            owner.temporaryDestinations.remove(destination);
        }
    }

    /**
     * CREATE_CONSUMER on a queue.
     *
     * @param link the connection
     * @param request the decoded request
     */
    public void createConsumer(ClientLink link, CreateConsumerCodec.Request request) {
        DestinationKind kind = request.destination().kind();
        if (kind.isTopic() || request.hasFlag(CreateConsumerCodec.DURABLE_FLAG)
                || request.hasFlag(CreateConsumerCodec.SHARED_FLAG)) {
            throw BrokerErrors.unsupported("topic subscriptions");
        }
        Selector selector = compile(request.selector());
        ConnectionState connection = connection(link);
        if (connection.consumers.containsKey(request.consumerId())) {
            throw BrokerErrors.alreadyExists("consumer " + request.consumerId());
        }
        DestinationState destination = resolve(kind, request.destination().name());
        if (destination.isTemporary() && destination.ownerConnectionId != link.connectionId()) {
            throw BrokerErrors.notOwner(destination.name);
        }
        ConsumerState consumer = new ConsumerState(request.consumerId(), connection.session(request.sessionId()),
                destination, selector, request.initialCredit());
        connection.consumers.put(consumer.consumerId, consumer);
        destination.consumers.add(consumer);
        dispatcher.dispatch(destination);
    }

    private static Selector compile(String text) {
        if (text == null || text.isBlank()) {
            return Selector.matchAll();
        }
        try {
            return Selector.compile(text);
        } catch (SelectorSyntaxException e) {
            throw BrokerErrors.invalidSelector(e.getMessage());
        }
    }

    /**
     * CLOSE_CONSUMER: the listed deliveries go back uncounted; the others stay with the session.
     *
     * @param connectionId the connection
     * @param consumerId the consumer
     * @param unconsumedDeliveryIds deliveries the application never saw
     */
    public void closeConsumer(long connectionId, long consumerId, long[] unconsumedDeliveryIds) {
        ConnectionState connection = knownConnection(connectionId);
        ConsumerState consumer = connection.consumers.get(consumerId);
        if (consumer == null) {
            return;
        }
        sessions.returnUnconsumed(consumer, unconsumedDeliveryIds);
        removeConsumer(connection, consumer);
        dispatcher.dispatch(consumer.destination);
    }

    private void removeConsumer(ConnectionState connection, ConsumerState consumer) {
        consumer.closed = true;
        connection.consumers.remove(consumer.consumerId);
        consumer.destination.consumers.remove(consumer);
        if (consumer.pull != null) {
            consumer.pull.complete(Boolean.FALSE);
            consumer.pull = null;
        }
    }

    /**
     * CREDIT: widens a consumer's window.
     *
     * @param connectionId the connection
     * @param consumerId the consumer
     * @param credit messages added to the window
     */
    public void credit(long connectionId, long consumerId, int credit) {
        ConnectionState connection = connections.get(connectionId);
        ConsumerState consumer = connection == null ? null : connection.consumers.get(consumerId);
        if (consumer != null) {
            consumer.credit = (int) Math.min(Integer.MAX_VALUE, (long) consumer.credit + credit);
            dispatcher.dispatch(consumer.destination);
        }
    }

    /**
     * PULL: one message now, or within the timeout.
     *
     * @param connectionId the connection
     * @param consumerId the consumer
     * @param timeoutMs how long to wait, 0 for not at all
     * @param answer completed with whether a DELIVER was pushed first
     */
    public void pull(long connectionId, long consumerId, long timeoutMs, CompletableFuture<Boolean> answer) {
        ConsumerState consumer = knownConnection(connectionId).consumers.get(consumerId);
        if (consumer == null) {
            throw BrokerErrors.unknown("consumer " + consumerId);
        }
        if (consumer.pull != null) {
            consumer.pull.complete(Boolean.FALSE);
        }
        consumer.pull = answer;
        consumer.pullDeadlineMs = System.currentTimeMillis() + timeoutMs;
        dispatcher.dispatch(consumer.destination);
        if (consumer.pull == answer && timeoutMs == 0) {
            consumer.pull = null;
            answer.complete(Boolean.FALSE);
        }
    }

    /**
     * ACK outside a transaction: applied now, answered once flushed.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param mode the ack mode
     * @param deliveryIds the deliveries
     * @return completes when the acknowledgement is durable
     */
    public CompletableFuture<Void> ack(long connectionId, long sessionId, AckMode mode, long[] deliveryIds) {
        SessionState session = knownConnection(connectionId).sessions.get(sessionId);
        if (session != null) {
            sessions.ack(session, mode, deliveryIds);
        }
        return flushOffsets();
    }

    /**
     * ACK inside a transaction: held until commit.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param txId the transaction
     * @param mode the ack mode
     * @param deliveryIds the deliveries
     */
    public void holdAck(long connectionId, long sessionId, long txId, AckMode mode, long[] deliveryIds) {
        LocalTransaction transaction = knownConnection(connectionId).transaction(txId);
        transaction.sessionId = sessionId;
        transaction.acks.add(new LocalTransaction.HeldAck(sessionId, mode, deliveryIds.clone()));
    }

    /** @return completes on the flush thread once every ack applied so far is durable */
    CompletableFuture<Void> flushOffsets() {
        return CompletableFuture.runAsync(offsets::flush, flushExecutor);
    }

    /**
     * RECOVER: every unacknowledged delivery of the session goes back, counted.
     *
     * @param connectionId the connection
     * @param sessionId the session
     */
    public void recover(long connectionId, long sessionId) {
        SessionState session = knownConnection(connectionId).sessions.get(sessionId);
        if (session != null) {
            dispatchAll(sessions.recover(session));
        }
    }

    /**
     * CLOSE_SESSION: rolls back its transactions, closes its consumers, returns its deliveries.
     *
     * @param connectionId the connection
     * @param sessionId the session
     */
    public void closeSession(long connectionId, long sessionId) {
        ConnectionState connection = connections.get(connectionId);
        if (connection == null) {
            return;
        }
        connection.transactions.values().removeIf(tx -> tx.sessionId == sessionId);
        for (ConsumerState consumer : List.copyOf(connection.consumers.values())) {
            if (consumer.session.sessionId == sessionId) {
                removeConsumer(connection, consumer);
            }
        }
        SessionState session = connection.sessions.remove(sessionId);
        if (session != null) {
            dispatchAll(sessions.recover(session));
        }
    }

    /**
     * The connection is gone: transactions roll back, consumers close, deliveries return (counted),
     * temporary destinations are deleted.
     *
     * @param connectionId the connection
     */
    public void connectionClosed(long connectionId) {
        ConnectionState connection = connections.remove(connectionId);
        if (connection == null) {
            return;
        }
        connection.transactions.clear();
        for (ConsumerState consumer : List.copyOf(connection.consumers.values())) {
            removeConsumer(connection, consumer);
        }
        for (SessionState session : connection.sessions.values()) {
            dispatchAll(sessions.recover(session));
        }
        for (DestinationState temporary : connection.temporaryDestinations) {
            if (!temporary.deleted) {
                destinations.delete(temporary);
            }
        }
    }

    /**
     * Dispatches a destination once the store has made the record ending at {@code endCommitLogOffset}
     * readable; polls the store's dispatch position every millisecond until then.
     *
     * @param destination the destination
     * @param endCommitLogOffset the end of the appended record
     */
    void dispatchWhenReadable(DestinationState destination, long endCommitLogOffset) {
        destination.awaitedCommitLogOffset = Math.max(destination.awaitedCommitLogOffset, endCommitLogOffset);
        if (!destination.pumpScheduled) {
            destination.pumpScheduled = true;
            pump(destination);
        }
    }

    private void pump(DestinationState destination) {
        if (store.dispatchedCommitLogOffset() < destination.awaitedCommitLogOffset) {
            executor.schedule(() -> pump(destination), PUMP_RETRY_MS, TimeUnit.MILLISECONDS);
            return;
        }
        destination.pumpScheduled = false;
        dispatcher.dispatch(destination);
    }

    /**
     * SEND: takes over one reference of {@code record}.
     *
     * @param link the connection
     * @param txId the transaction, 0 for none
     * @param queueId the queue, -1 to let the broker pick
     * @param record the message record
     * @param answer completed when the send may be answered
     */
    public void send(ClientLink link, long txId, int queueId, ByteBuf record, CompletableFuture<Void> answer) {
        sendPath.send(link, txId, queueId, record, answer);
    }

    /**
     * TX_COMMIT.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param txId the transaction
     * @param answer completed when durable, or with TRANSACTION_ROLLED_BACK
     */
    public void commit(long connectionId, long sessionId, long txId, CompletableFuture<Void> answer) {
        sendPath.commit(knownConnection(connectionId), sessionId, txId, answer);
    }

    /**
     * TX_ROLLBACK (also a failed commit): discards the transaction and recovers the session.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param txId the transaction
     */
    public void rollback(long connectionId, long sessionId, long txId) {
        ConnectionState connection = connections.get(connectionId);
        if (connection == null) {
            return;
        }
        connection.transactions.remove(txId);
        SessionState session = connection.sessions.get(sessionId);
        if (session != null) {
            dispatchAll(sessions.recover(session));
        }
    }

    /**
     * BROWSE one page.
     *
     * @param link the connection
     * @param kind the destination's kind
     * @param name the destination's name
     * @param selectorText the selector, or null
     * @param cursor the cursor, 0 for the start
     * @param maxCount the most records
     * @return the page
     */
    public BrowsePage browse(ClientLink link, DestinationKind kind, String name, String selectorText, long cursor,
            int maxCount) {
        Selector selector = compile(selectorText);
        DestinationState destination = resolve(kind, name);
        if (destination.isTemporary() && destination.ownerConnectionId != link.connectionId()) {
            throw BrokerErrors.notOwner(name);
        }
        return browser.page(destination, selector, cursor, maxCount);
    }

    /** Periodic work: answers timed-out pulls and dispatches every destination with consumers. */
    public void tick() {
        long nowMs = System.currentTimeMillis();
        for (ConnectionState connection : connections.values()) {
            for (ConsumerState consumer : connection.consumers.values()) {
                if (consumer.pull != null && consumer.pullDeadlineMs <= nowMs) {
                    consumer.pull.complete(Boolean.FALSE);
                    consumer.pull = null;
                }
            }
        }
        sendPath.prune();
        dispatchAll();
    }

    void dispatchAll() {
        for (DestinationState destination : destinations.all()) {
            dispatcher.dispatch(destination);
        }
    }

    private void dispatchAll(Set<DestinationState> touched) {
        touched.forEach(dispatcher::dispatch);
    }

    void dispatch(DestinationState destination) {
        dispatcher.dispatch(destination);
    }
}
