package org.cairnmq.server.broker.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.cairnmq.protocol.codec.AckMode;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.protocol.selector.Selector;
import org.cairnmq.server.broker.BrokerConfig;
import org.cairnmq.server.broker.BrokerErrors;
import org.cairnmq.server.broker.ClientLink;
import org.cairnmq.server.broker.DestinationInfo;
import org.cairnmq.server.broker.BrowsePage;
import org.cairnmq.server.store.BranchJournal;
import org.cairnmq.server.store.ConsumerOffsetStore;
import org.cairnmq.server.store.MessageKeyIndex;
import io.netty.buffer.ByteBuf;
import java.time.Clock;
import java.util.function.DoubleSupplier;
import org.cairnmq.server.store.MessageStore;

/**
 * The broker's state and the entry point of its operations: destinations, connections, sessions,
 * consumers, acknowledgements, redelivery, and the periodic tick (pull timeouts, dispatch). The work
 * itself is done by the {@code *Operations} classes, {@link SendPath}, {@link Browser} and
 * {@link Dispatcher}.
 *
 * <p>Owning thread: every method runs on the broker thread ({@link #executor}); the facade hops
 * there. Offset flushes run on a separate flush thread, so a force never stalls dispatch.
 */
public final class BrokerCore {

    final BrokerConfig config;
    final MessageStore store;
    final ConsumerOffsetStore offsets;
    final ScheduledExecutorService executor;
    final Clock clock;
    private final OffsetFlushes offsetFlushes;
    final Map<Long, ConnectionState> connections = new HashMap<>();
    private final DeliveredMarks marks;
    final DestinationTable destinations;
    final SubscriptionManager subscriptions;
    private final Dispatcher dispatcher;
    final SessionOperations sessions;
    final ConsumerOperations consumers;
    private final ConnectionOperations connectionOperations;
    final DestinationOperations destinationOperations;
    final SendPath sendPath;
    final XaOperations xa;
    private final XaCommands xaCommands;
    private final Browser browser;
    private final RetentionFloor retentionFloor;

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
     * @param flushExecutor the thread that forces the offset store and the branch journal
     * @param branchJournal the open XA branch journal
     */
    public BrokerCore(BrokerConfig config, MessageStore store, MessageKeyIndex keyIndex, ConsumerOffsetStore offsets,
            Clock clock, DoubleSupplier diskUsedRatio, ScheduledExecutorService executor, Executor flushExecutor,
            BranchJournal branchJournal) {
        this.config = config;
        this.store = store;
        this.offsets = offsets;
        this.executor = executor;
        this.clock = clock;
        this.offsetFlushes = new OffsetFlushes(offsets, flushExecutor);
        this.marks = new DeliveredMarks(config.dataDirectory());
        this.destinations = new DestinationTable(config.dataDirectory(), store, offsets, marks);
        this.subscriptions = new SubscriptionManager(config.dataDirectory(), destinations, offsets);
        MessageMover mover = new MessageMover(this);
        this.dispatcher = new Dispatcher(store, offsets, clock, mover, () -> executor.execute(this::dispatchAll),
                executor);
        this.sessions = new SessionOperations(offsets, config.delivery(), clock, mover);
        this.consumers = new ConsumerOperations(this);
        this.connectionOperations = new ConnectionOperations(this);
        this.destinationOperations = new DestinationOperations(this);
        this.sendPath = new SendPath(this, keyIndex, clock, diskUsedRatio);
        this.browser = new Browser(store, this);
        this.retentionFloor = new RetentionFloor(store, offsets);
        this.xa = new XaOperations(this, branchJournal, flushExecutor);
        this.xaCommands = new XaCommands(this, xa);
        destinations.load();
        subscriptions.load();
        new XaJournalRecovery(this).recover(branchJournal, xa.branches);
        store.setMinUnconsumedCommitLogOffset(retentionFloor);
        retentionFloor.update(destinations.all());
    }

    /** Writes the delivered marks as clean; the last call before the store closes. */
    public void close() {
        List<QueueState> queues = new ArrayList<>();
        for (DestinationState destination : destinations.all()) {
            for (Subscription subscription : destination.subscriptions) {
                if (subscription.kind.persistent()) {
                    queues.addAll(subscription.queues);
                }
            }
        }
        marks.writeClean(queues);
    }

    /** @return the non-temporary destinations, for the name-server registrar */
    public List<DestinationInfo> destinationInfos() {
        List<DestinationInfo> infos = new ArrayList<>();
        for (DestinationState destination : destinations.all()) {
            if (!destination.isTemporary()) {
                infos.add(new DestinationInfo(destination.kind, destination.name, destination.queueCount));
            }
        }
        return infos;
    }

    ConnectionState connection(ClientLink link) {
        return connections.computeIfAbsent(link.connectionId(), id -> new ConnectionState(link));
    }

    ConnectionState knownConnection(long connectionId) {
        ConnectionState connection = connections.get(connectionId);
        if (connection == null) {
            throw BrokerErrors.unknown("connection " + connectionId);
        }
        return connection;
    }

    /**
     * CLIENT_ID: registers the connection's client id, unique among live connections.
     *
     * @param link the connection
     * @param clientId the id
     */
    public void clientId(ClientLink link, String clientId) {
        connectionOperations.clientId(link, clientId);
    }

    /**
     * UNSUBSCRIBE.
     *
     * @param link the connection
     * @param name the durable subscription's name
     */
    public void unsubscribe(ClientLink link, String name) {
        subscriptions.unsubscribe(connection(link), name);
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
        destinationOperations.create(link, kind, name, queueCount);
    }

    /**
     * DELETE_DESTINATION: refused while it has consumers.
     *
     * @param link the connection
     * @param kind the kind
     * @param name the name
     */
    public void deleteDestination(ClientLink link, DestinationKind kind, String name) {
        destinationOperations.delete(link, kind, name);
    }

    /**
     * CREATE_CONSUMER on a queue or a topic subscription.
     *
     * @param link the connection
     * @param request the decoded request
     */
    public void createConsumer(ClientLink link, CreateConsumerCodec.Request request) {
        consumers.create(connection(link), request);
    }


    /**
     * CLOSE_CONSUMER: the listed deliveries and those above the highest one received go back uncounted.
     *
     * @param connectionId the connection
     * @param consumerId the consumer
     * @param unconsumedDeliveryIds deliveries the application never saw
     * @param highestReceivedDeliveryId the highest delivery id the client received for the consumer
     */
    public void closeConsumer(long connectionId, long consumerId, long[] unconsumedDeliveryIds,
            long highestReceivedDeliveryId) {
        consumers.close(knownConnection(connectionId), consumerId, unconsumedDeliveryIds, highestReceivedDeliveryId);
    }

    /**
     * CREDIT: widens a consumer's window.
     *
     * @param connectionId the connection
     * @param consumerId the consumer
     * @param credit messages added to the window
     */
    public void credit(long connectionId, long consumerId, int credit) {
        consumers.credit(connections.get(connectionId), consumerId, credit);
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
        consumers.pull(knownConnection(connectionId), consumerId, timeoutMs, answer);
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
        connectionOperations.holdAck(connectionId, sessionId, txId, mode, deliveryIds);
    }

    /** @return completes on the flush thread once every ack applied so far is durable */
    CompletableFuture<Void> flushOffsets() {
        return offsetFlushes.request();
    }

    /**
     * RECOVER: every unacknowledged delivery of the session goes back; those the application consumed
     * count as a delivery attempt, the others go back as if never sent.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param consumedDeliveryIds the deliveries the application consumed
     * @return the highest delivery id taken back, or 0
     */
    public long recover(long connectionId, long sessionId, long[] consumedDeliveryIds) {
        return connectionOperations.recover(connectionId, sessionId, consumedDeliveryIds);
    }

    /**
     * CLOSE_SESSION: rolls back its transactions, closes its consumers, returns its deliveries.
     *
     * @param connectionId the connection
     * @param sessionId the session
     */
    public void closeSession(long connectionId, long sessionId) {
        connectionOperations.closeSession(connectionId, sessionId);
    }

    /**
     * The connection is gone: transactions roll back, consumers close, deliveries return (counted),
     * temporary destinations are deleted.
     *
     * @param connectionId the connection
     */
    public void connectionClosed(long connectionId) {
        connectionOperations.connectionClosed(connectionId);
    }

    /**
     * Dispatches a destination once the store has made the record ending at {@code endCommitLogOffset}
     * readable (see {@link Dispatcher#dispatchWhenReadable}).
     *
     * @param destination the destination
     * @param endCommitLogOffset the end of the appended record
     */
    void dispatchWhenReadable(DestinationState destination, long endCommitLogOffset) {
        dispatcher.dispatchWhenReadable(destination, endCommitLogOffset);
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
     * TX_ROLLBACK from the client: discards the transaction and recovers the session, counting only
     * the deliveries the application consumed.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param txId the transaction
     * @param consumedDeliveryIds the deliveries the application consumed, or {@code null} to count all
     * @return the highest delivery id taken back, or 0
     */
    public long rollback(long connectionId, long sessionId, long txId, long[] consumedDeliveryIds) {
        return connectionOperations.rollback(connectionId, sessionId, txId, consumedDeliveryIds);
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
        Selector selector = SelectorTexts.compile(selectorText);
        DestinationState destination = destinationOperations.resolve(kind, name);
        if (destination.isTemporary() && destination.ownerConnectionId != link.connectionId()) {
            throw BrokerErrors.notOwner(name);
        }
        return browser.page(destination, selector, cursor, maxCount, clock.millis());
    }

    /** Periodic work: answers timed-out pulls and dispatches every destination with consumers. */
    public void tick() {
        consumers.expirePulls(connections.values(), System.currentTimeMillis());
        sendPath.prune();
        xa.expire(clock.millis());
        dispatchAll();
        retentionFloor.maybeUpdate(destinations.all());
    }

    void dispatchAll() {
        for (DestinationState destination : destinations.all()) {
            dispatcher.dispatch(destination);
        }
    }

    void dispatch(DestinationState destination) {
        dispatcher.dispatch(destination);
    }

    /** @return the XA commands (only on the broker thread) */
    public XaCommands xa() {
        return xaCommands;
    }
}
