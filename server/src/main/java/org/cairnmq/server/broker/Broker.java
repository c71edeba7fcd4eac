package org.cairnmq.server.broker;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutorGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.cairnmq.protocol.codec.AckMode;
import org.cairnmq.protocol.codec.CreateConsumerCodec;
import org.cairnmq.protocol.record.DestinationKind;
import org.cairnmq.server.broker.internal.BrokerCore;
import org.cairnmq.server.broker.internal.BrokerThreads;
import org.cairnmq.server.broker.internal.DiskUsage;
import org.cairnmq.server.store.BranchJournal;
import org.cairnmq.server.store.ConsumerOffsetStore;
import org.cairnmq.server.store.MessageKeyIndex;
import org.cairnmq.server.store.MessageStore;

/**
 * The broker core's facade: point-to-point and publish/subscribe messaging (JMS queues and topic
 * subscriptions) over the store. Every method may
 * be called from any thread (a Netty event loop included) and never blocks: it hands the work to
 * the broker thread and returns a future that completes there (or on the offset-flush thread). A
 * refused request completes exceptionally with a {@link BrokerException}.
 *
 * <pre>
 *  event loops ──► broker thread (all destination, consumer, session, transaction state)
 *                     ├─► store appender (appends; futures hop back to the broker thread)
 *                     ├─► offset flush thread (ConsumerOffsetStore.flush before answering ACK)
 *                     └─► ClientLink.deliver (pushes handed to the connection's event loop)
 * </pre>
 *
 * <p>Lifecycle: the composition root opens the {@link MessageKeyIndex}, adds it to the store with
 * {@link MessageStore#addDispatcher}, starts the store, opens the {@link ConsumerOffsetStore}, then
 * constructs and {@link #start()}s the broker; it closes the broker before those three.
 *
 * <p>Design note: one broker thread owns all messaging state, so dispatch, acks and redelivery need
 * no locks and keep their order; the work it does per message is small (the store does the I/O on
 * its own threads). Sharding the state by destination over several ordered executors is the way to
 * scale it when one thread is not enough.
 *
 * <p>The two threads, and why the broker thread is a Netty event executor, are described in
 * {@link BrokerThreads}.
 */
public final class Broker implements AutoCloseable {

    /** How often the broker thread times out pulls and re-runs dispatch. */
    public static final long TICK_INTERVAL_MS = 50L;
    /** The directory, inside the data directory, of the XA branch journal. */
    public static final String BRANCH_JOURNAL_DIRECTORY = "transactions";

    private final BrokerConfig config;
    private final MessageStore store;
    private final MessageKeyIndex keyIndex;
    private final ConsumerOffsetStore offsets;
    private final Clock clock;
    private final DoubleSupplier diskUsedRatio;
    private BrokerThreads threads;
    private BranchJournal branchJournal;
    private ScheduledFuture<?> tick;
    private volatile BrokerCore core;
    private final BrokerTasks tasks = new BrokerTasks();
    private final XaTransactions xa = new XaTransactions(this);

    /**
     * A broker over the store's own key index and consumer offsets.
     *
     * @param config the settings
     * @param store the started store
     */
    public Broker(BrokerConfig config, MessageStore store) {
        this(config, store, store.keyIndex(), store.consumerOffsets());
    }

    /**
     * @param config the settings
     * @param store the started store
     * @param keyIndex the key index the store dispatches to
     * @param offsets the open consumer offset store
     */
    public Broker(BrokerConfig config, MessageStore store, MessageKeyIndex keyIndex, ConsumerOffsetStore offsets) {
        this(config, store, keyIndex, offsets, Clock.systemUTC(), null);
    }

    /**
     * @param config the settings
     * @param store the started store
     * @param keyIndex the key index the store dispatches to
     * @param offsets the open consumer offset store
     * @param clock the clock of the duplicate window and producer flow control
     * @param diskUsedRatio the used fraction of the store's volume, or null to measure it
     */
    public Broker(BrokerConfig config, MessageStore store, MessageKeyIndex keyIndex, ConsumerOffsetStore offsets,
            Clock clock, DoubleSupplier diskUsedRatio) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.keyIndex = Objects.requireNonNull(keyIndex, "keyIndex");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.diskUsedRatio = diskUsedRatio;
    }

    /** Loads the destinations and starts the broker threads. */
    public synchronized void start() {
        start(null);
    }

    /**
     * Loads the destinations and starts the broker threads, the broker thread being the one executor
     * of {@code brokerThread} (an event loop that also serves the broker's connections, say), which
     * {@link #close()} shuts down.
     *
     * @param brokerThread a group of one executor, or null for a thread of the broker's own
     */
    public synchronized void start(EventExecutorGroup brokerThread) {
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.dataDirectory(), e);
        }
        threads = brokerThread == null ? new BrokerThreads() : new BrokerThreads(brokerThread);
        tasks.open(threads.broker());
        DoubleSupplier disk = diskUsedRatio != null ? diskUsedRatio : new DiskUsage(store.config().dataDirectory());
        branchJournal = BranchJournal.open(config.dataDirectory().resolve(BRANCH_JOURNAL_DIRECTORY));
        core = call(() -> new BrokerCore(config, store, keyIndex, offsets, clock, disk, threads.broker(),
                threads.offsetFlush(), branchJournal)).join();
        tick = threads.broker().scheduleWithFixedDelay(core::tick, TICK_INTERVAL_MS, TICK_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
    }

    /** Stops the threads and writes the delivered marks; the store pieces stay open. */
    @Override
    public synchronized void close() {
        if (tasks.isClosed() || core == null) {
            tasks.close();
            return;
        }
        tick.cancel(false);
        CompletableFuture<Void> marks = run(core::close);
        tasks.close();
        threads.close(marks);
        branchJournal.close();
    }

    /** @return the core, for the facade's parts in this package; only touched on the broker thread */
    BrokerCore core() {
        return core;
    }

    /** @return the settings */
    public BrokerConfig config() {
        return config;
    }

    /** @return the non-temporary destinations and their queue counts, for the name-server registrar */
    public CompletableFuture<List<DestinationInfo>> destinations() {
        return call(() -> core.destinationInfos());
    }

    /**
     * CREATE_DESTINATION (idempotent; a temporary destination belongs to {@code link}).
     *
     * @param link the connection
     * @param kind the kind
     * @param name the name
     * @param queueCount queues, 0 for {@link BrokerConfig#defaultQueueCount()}
     * @return completes when created (and registered durably)
     */
    public CompletableFuture<Void> createDestination(ClientLink link, DestinationKind kind, String name, int queueCount) {
        return run(() -> core.createDestination(link, kind, name, queueCount));
    }

    /**
     * DELETE_DESTINATION: refused while it has consumers.
     *
     * @param link the connection
     * @param kind the kind
     * @param name the name
     * @return completes when deleted
     */
    public CompletableFuture<Void> deleteDestination(ClientLink link, DestinationKind kind, String name) {
        return run(() -> core.deleteDestination(link, kind, name));
    }

    /**
     * SEND. Takes over one reference of {@code record} (the caller retains it, the broker releases
     * it once the store has copied it).
     *
     * @param link the connection
     * @param txId the transaction, 0 for none
     * @param queueId the queue, -1 to let the broker pick (a hash of the connection id)
     * @param record the message record
     * @return completes when the send may be answered: durable if persistent, stored otherwise
     */
    public CompletableFuture<Void> send(ClientLink link, long txId, int queueId, ByteBuf record) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        if (!submit(() -> core.send(link, txId, queueId, record, answer), answer)) {
            record.release();
        }
        return answer;
    }

    /**
     * CLIENT_ID: registers the connection's JMS client id.
     *
     * @param link the connection
     * @param clientId the id
     * @return completes when registered; INVALID_CLIENT_ID when empty or held by another live
     *     connection, ILLEGAL_STATE when the connection has one already
     */
    public CompletableFuture<Void> clientId(ClientLink link, String clientId) {
        return run(() -> core.clientId(link, clientId));
    }

    /**
     * UNSUBSCRIBE: deletes a durable subscription of the connection's client id.
     *
     * @param link the connection
     * @param subscriptionName the name
     * @return completes when deleted; INVALID_DESTINATION when unknown, ILLEGAL_STATE while in use
     */
    public CompletableFuture<Void> unsubscribe(ClientLink link, String subscriptionName) {
        return run(() -> core.unsubscribe(link, subscriptionName));
    }

    /**
     * CREATE_CONSUMER on a queue, a temporary queue or a topic subscription.
     *
     * @param link the connection
     * @param request the decoded request
     * @return completes when the consumer exists
     */
    public CompletableFuture<Void> createConsumer(ClientLink link, CreateConsumerCodec.Request request) {
        return run(() -> core.createConsumer(link, request));
    }

    /**
     * CLOSE_CONSUMER: the listed deliveries, and the consumer's deliveries above the highest one its
     * client received (on the wire as it closed), go back uncounted; the others stay with the session.
     *
     * @param connectionId the connection
     * @param consumerId the consumer
     * @param unconsumedDeliveryIds deliveries the application never saw
     * @param highestReceivedDeliveryId the highest delivery id the client received for the consumer
     * @return completes when closed
     */
    public CompletableFuture<Void> closeConsumer(long connectionId, long consumerId, long[] unconsumedDeliveryIds,
            long highestReceivedDeliveryId) {
        return run(() -> core.closeConsumer(connectionId, consumerId, unconsumedDeliveryIds,
                highestReceivedDeliveryId));
    }

    /**
     * CREDIT (one-way).
     *
     * @param connectionId the connection
     * @param consumerId the consumer
     * @param credit messages added to its window
     */
    public void credit(long connectionId, long consumerId, int credit) {
        run(() -> core.credit(connectionId, consumerId, credit));
    }

    /**
     * PULL.
     *
     * @param connectionId the connection
     * @param consumerId the consumer
     * @param timeoutMs how long to wait, 0 for not at all
     * @return whether a DELIVER for the consumer was pushed before the future completed
     */
    public CompletableFuture<Boolean> pull(long connectionId, long consumerId, long timeoutMs) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        submit(() -> core.pull(connectionId, consumerId, timeoutMs, answer), answer);
        return answer;
    }

    /**
     * ACK: outside a transaction applied and made durable before the future completes; inside one
     * held until commit.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param txId the transaction, 0 for none
     * @param mode the ack mode
     * @param deliveryIds the deliveries
     * @return completes when the ACK may be answered
     */
    public CompletableFuture<Void> ack(long connectionId, long sessionId, long txId, AckMode mode, long[] deliveryIds) {
        if (txId != 0) {
            return run(() -> core.holdAck(connectionId, sessionId, txId, mode, deliveryIds));
        }
        return call(() -> core.ack(connectionId, sessionId, mode, deliveryIds)).thenCompose(flushed -> flushed);
    }

    /**
     * RECOVER: the session's unacknowledged deliveries go back to their queues; only those the
     * application consumed count as a delivery attempt.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param consumedDeliveryIds the deliveries the application consumed and did not acknowledge
     * @return completes, once the deliveries are back, with the highest delivery id taken back (0 if none)
     */
    public CompletableFuture<Long> recover(long connectionId, long sessionId, long[] consumedDeliveryIds) {
        return call(() -> core.recover(connectionId, sessionId, consumedDeliveryIds));
    }

    /**
     * CLOSE_SESSION.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @return completes when closed
     */
    public CompletableFuture<Void> closeSession(long connectionId, long sessionId) {
        return run(() -> core.closeSession(connectionId, sessionId));
    }

    /**
     * TX_COMMIT.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param txId the transaction
     * @return completes when durable, or with TRANSACTION_ROLLED_BACK
     */
    public CompletableFuture<Void> commit(long connectionId, long sessionId, long txId) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        submit(() -> core.commit(connectionId, sessionId, txId, answer), answer);
        return answer;
    }

    /**
     * TX_ROLLBACK: discards the transaction and recovers the session as {@link #recover} does.
     *
     * @param connectionId the connection
     * @param sessionId the session
     * @param txId the transaction
     * @param consumedDeliveryIds the deliveries the application consumed in the transaction
     * @return completes, once rolled back and recovered, with the highest delivery id taken back
     */
    public CompletableFuture<Long> rollback(long connectionId, long sessionId, long txId,
            long[] consumedDeliveryIds) {
        return call(() -> core.rollback(connectionId, sessionId, txId, consumedDeliveryIds));
    }

    /**
     * BROWSE one page.
     *
     * @param link the connection
     * @param kind the kind
     * @param name the name
     * @param selector the selector, or null
     * @param cursor 0 for the start, else the previous page's next cursor
     * @param maxCount the most records
     * @return the page
     */
    public CompletableFuture<BrowsePage> browse(ClientLink link, DestinationKind kind, String name, String selector,
            long cursor, int maxCount) {
        return call(() -> core.browse(link, kind, name, selector, cursor, maxCount));
    }

    /**
     * The connection closed: rolls back its transactions, returns its deliveries (redelivered),
     * deletes its temporary destinations.
     *
     * @param connectionId the connection
     */
    public void connectionClosed(long connectionId) {
        run(() -> core.connectionClosed(connectionId));
    }

    /** @return the XA commands over this broker's branches */
    public XaTransactions xa() {
        return xa;
    }

    CompletableFuture<Void> run(Runnable action) {
        return tasks.run(action);
    }

    <T> CompletableFuture<T> call(Supplier<T> action) {
        return tasks.call(action);
    }

    boolean submit(Runnable action, CompletableFuture<?> result) {
        return tasks.submit(action, result);
    }
}
