package org.cairnmq.server.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import org.cairnmq.server.store.internal.AgentRunner;
import org.cairnmq.server.store.internal.AppendTask;
import org.cairnmq.server.store.internal.CheckpointFile;
import org.cairnmq.server.store.internal.CommitLog;
import org.cairnmq.server.store.internal.CommitLogAppender;
import org.cairnmq.server.store.internal.ConsumeQueue;
import org.cairnmq.server.store.internal.ConsumeQueueReader;
import org.cairnmq.server.store.internal.ConsumeQueueTable;
import org.cairnmq.server.store.internal.DiskSpaceMonitor;
import org.cairnmq.server.store.internal.DispatchAgent;
import org.cairnmq.server.store.internal.MappedSegmentList;
import org.cairnmq.server.store.internal.PeriodicAgent;
import org.cairnmq.server.store.internal.RetentionService;
import org.cairnmq.server.store.internal.StoreDirectory;
import org.cairnmq.server.store.internal.StoreRecovery;

/**
 * The store: one CommitLog of every record, one ConsumeQueue per (topic, queue id) built from it, and
 * the threads that keep them (RocketMQ's model).
 *
 * <pre>
 *  append ──► [queue] ──► appender thread ──► CommitLog segments ──(force: SYNC group commit)
 *                                                   │
 *                                   dispatch thread ◄┘ follows the confirmed offset
 *                                     ├─► ConsumeQueues (read path)
 *                                     ├─► the key index (index/): lookupByKey
 *                                     └─► CommitLogDispatchers added by the caller
 *  housekeeping thread: checkpoint + retention + consumer offsets flush;
 *  flusher thread (ASYNC only): periodic force
 * </pre>
 *
 * <p>The store owns its {@link MessageKeyIndex} ({@code dataDirectory/index}) and its
 * {@link ConsumerOffsetStore} ({@code dataDirectory/consumer-offsets}): it opens, recovers, flushes
 * and closes them, so the broker needs this one object.
 *
 * <p>Lifecycle: construct, {@link #addDispatcher} and {@link #setMinUnconsumedCommitLogOffset} as
 * needed, {@link #start()} (recovers the files), use from any thread, {@link #close()}.
 *
 * <p>Visibility: a record is readable through {@link #read} once the dispatch thread has indexed it,
 * which in SYNC mode happens only after the record is durable.
 */
public final class MessageStore implements AutoCloseable {

    private enum State { NEW, RUNNING, CLOSED }

    private final StoreConfig config;
    private final Clock clock;
    private final List<CommitLogDispatcher> dispatchers = new ArrayList<>();
    private final List<AgentRunner> runners = new ArrayList<>();
    private volatile LongSupplier minUnconsumedCommitLogOffset = () -> Long.MAX_VALUE;
    private volatile State state = State.NEW;
    private boolean recoveredFromCrash;
    private StoreDirectory directory;
    private CommitLog commitLog;
    private ConsumeQueueTable consumeQueues;
    private ConsumeQueueReader reader;
    private DispatchAgent dispatch;
    private CommitLogAppender appender;
    private CheckpointFile checkpoint;
    private MessageKeyIndex keyIndex;
    private ConsumerOffsetStore consumerOffsets;
    private AgentRunner appenderRunner;
    private AgentRunner flusherRunner;
    private AgentRunner dispatchRunner;
    private AgentRunner housekeepingRunner;

    /**
     * @param config the settings
     */
    public MessageStore(StoreConfig config) {
        this(config, Clock.systemUTC());
    }

    /**
     * @param config the settings
     * @param clock the source of store timestamps and of segment ages
     */
    public MessageStore(StoreConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Registers a structure built from the CommitLog; called for every record after the ConsumeQueue,
     * in registration order. During {@link #start()} it receives the records recovery re-dispatches
     * (possibly records it already holds: it skips those by their commit-log offset).
     *
     * @param dispatcher the dispatcher
     */
    public synchronized void addDispatcher(CommitLogDispatcher dispatcher) {
        requireState(State.NEW);
        dispatchers.add(Objects.requireNonNull(dispatcher, "dispatcher"));
    }

    /**
     * Sets the retention floor: the lowest CommitLog offset some consumer group has not consumed yet.
     * Segments wholly below it may go once expired. Default: no constraint ({@code Long.MAX_VALUE}).
     *
     * @param supplier called on the housekeeping thread; must be cheap and must not block
     */
    public void setMinUnconsumedCommitLogOffset(LongSupplier supplier) {
        minUnconsumedCommitLogOffset = Objects.requireNonNull(supplier, "supplier");
    }

    /**
     * Opens and recovers the files, then starts the store's threads.
     */
    public synchronized void start() {
        requireState(State.NEW);
        directory = new StoreDirectory(config.dataDirectory());
        try {
            openAndRecover();
        } catch (RuntimeException e) {
            closeQuietly(keyIndex, e);
            closeQuietly(consumerOffsets, e);
            directory.close();
            throw e;
        }
        runners.forEach(AgentRunner::start);
        state = State.RUNNING;
    }

    private void openAndRecover() {
        recoveredFromCrash = !directory.previousShutdownClean();
        commitLog = new CommitLog(new MappedSegmentList(config.dataDirectory().resolve("commitlog"),
                config.commitLogSegmentBytes()).load(), config.flushMode());
        consumeQueues = new ConsumeQueueTable(config.dataDirectory().resolve("consumequeue"),
                config.consumeQueueSegmentEntries());
        reader = new ConsumeQueueReader(commitLog, consumeQueues);
        dispatch = new DispatchAgent(commitLog, consumeQueues, config.checkpointIntervalMs());
        keyIndex = MessageKeyIndex.open(config.keyIndexConfig());
        consumerOffsets = ConsumerOffsetStore.open(config.offsetStoreConfig());
        dispatch.addDispatcher(keyIndex);
        dispatchers.forEach(dispatch::addDispatcher);
        DiskSpaceMonitor diskSpace = new DiskSpaceMonitor(config.dataDirectory(), config.diskFullReserveBytes());
        appender = new CommitLogAppender(config, commitLog, clock, diskSpace, dispatch::wake);
        checkpoint = new CheckpointFile(config.dataDirectory());
        StoreRecovery.recover(commitLog, consumeQueues, dispatch, appender, checkpoint,
                directory.previousShutdownClean(), clock);
        RetentionService retention = new RetentionService(config, commitLog, consumeQueues, dispatch, diskSpace,
                clock, () -> minUnconsumedCommitLogOffset.getAsLong());
        appenderRunner = new AgentRunner(appender);
        dispatchRunner = new AgentRunner(dispatch);
        housekeepingRunner = new AgentRunner(new PeriodicAgent("housekeeping", config.checkpointIntervalMs(), () -> {
            writeCheckpoint();
            retention.run();
            consumerOffsets.flush();
        }));
        runners.add(appenderRunner);
        if (config.flushMode() == FlushMode.ASYNC) {
            flusherRunner = new AgentRunner(new PeriodicAgent("flusher", config.asyncFlushIntervalMs(),
                    commitLog::flush));
            runners.add(flusherRunner);
        }
        runners.add(dispatchRunner);
        runners.add(housekeepingRunner);
    }

    /**
     * Completes queued appends, stops the threads, forces everything, writes the checkpoint, closes
     * the key index and the consumer offsets and marks the shutdown clean. Appends after this
     * complete with {@link PutStatus#STORE_CLOSED}.
     */
    @Override
    public synchronized void close() {
        if (state != State.RUNNING) {
            state = State.CLOSED;
            return;
        }
        state = State.CLOSED;
        appenderRunner.close();
        if (flusherRunner != null) {
            flusherRunner.close();
        }
        commitLog.flush();
        housekeepingRunner.close();
        dispatchRunner.close();
        boolean failed = false;
        for (AgentRunner runner : runners) {
            failed |= runner.failure() != null;
        }
        writeCheckpoint();
        commitLog.close();
        keyIndex.close();
        consumerOffsets.close();
        if (!failed) {
            directory.markCleanShutdown();
        }
        directory.close();
    }

    private static void closeQuietly(AutoCloseable closeable, RuntimeException cause) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    private void writeCheckpoint() {
        checkpoint.write(new CheckpointFile.Values(commitLog.flushedOffset(), dispatch.consumeQueueFlushedOffset(),
                clock.millis()));
    }

    /**
     * Appends one record. Never throws for store conditions: the future completes with a status.
     *
     * @param request the record
     * @return completes (on the appender thread) when the record is written, and in SYNC mode durable
     */
    public CompletableFuture<AppendResult> append(AppendRequest request) {
        Objects.requireNonNull(request, "request");
        if (state != State.RUNNING) {
            return CompletableFuture.completedFuture(AppendResult.failed(PutStatus.STORE_CLOSED));
        }
        AppendTask.Single task = new AppendTask.Single(request);
        appender.submit(task);
        return task.future();
    }

    /**
     * Appends several records adjacently in the CommitLog, with no other record between them (a
     * blank marker may separate them at a segment boundary). A record too large, a full disk or an
     * I/O failure found before writing fails them all; otherwise each has its own result.
     *
     * @param requests the records, in order
     * @return the results in request order
     */
    public CompletableFuture<List<AppendResult>> appendBatch(List<AppendRequest> requests) {
        if (state != State.RUNNING) {
            List<AppendResult> closed = new ArrayList<>();
            requests.forEach(r -> closed.add(AppendResult.failed(PutStatus.STORE_CLOSED)));
            return CompletableFuture.completedFuture(closed);
        }
        AppendTask.Batch task = new AppendTask.Batch(requests);
        appender.submit(task);
        return task.future();
    }

    /**
     * Reads up to {@code maxCount} records of a queue from {@code queueOffset}. Each record's
     * {@link StoredRecord#payload()} is a read-only slice of the mapped segment.
     *
     * @param topic the topic
     * @param queueId the queue
     * @param queueOffset the first logical offset
     * @param maxCount the most records
     * @return the records and where to continue
     */
    public GetResult read(String topic, int queueId, long queueOffset, int maxCount) {
        requireStarted();
        return reader.read(topic, queueId, queueOffset, maxCount);
    }

    /**
     * @param commitLogOffset a physical offset
     * @return the record starting there, or null if none (not a record start, deleted or not
     *     confirmed yet)
     */
    public StoredRecord readAt(long commitLogOffset) {
        requireStarted();
        return commitLog.readAt(commitLogOffset);
    }

    /**
     * Finds the records whose key is {@code key}, stored at or after {@code sinceEpochMs}: the key
     * index's candidates, each read back and its key compared (hashes collide), so every record
     * returned really carries the key. Records not dispatched yet are not found.
     *
     * <p>Design note: the index is asked for twice {@code maxResults} candidates (capped at
     * {@link MessageKeyIndex#MAX_LOOKUP_RESULTS}), so a few hash collisions among the newest entries
     * do not hide a match; with more collisions than that an older match may be missed.
     *
     * @param key the key, not empty
     * @param sinceEpochMs the earliest store time wanted, in epoch milliseconds
     * @param maxResults the most records returned, 1..{@value MessageKeyIndex#MAX_LOOKUP_RESULTS}
     * @return the records, newest first
     */
    public List<StoredRecord> lookupByKey(byte[] key, long sinceEpochMs, int maxResults) {
        requireStarted();
        long[] candidates = keyIndex.lookup(key, sinceEpochMs,
                (int) Math.min(MessageKeyIndex.MAX_LOOKUP_RESULTS, 2L * maxResults));
        List<StoredRecord> records = new ArrayList<>();
        for (int i = 0; i < candidates.length && records.size() < maxResults; i++) {
            StoredRecord record = commitLog.readAt(candidates[i]);
            if (record != null && Arrays.equals(record.key(), key)) {
                records.add(record);
            }
        }
        return records;
    }

    /**
     * @return the store's key index (for {@link MessageKeyIndex#lookup}; the store drives its
     *     recovery, flushes and deletions)
     */
    public MessageKeyIndex keyIndex() {
        requireStarted();
        return keyIndex;
    }

    /**
     * @return the store's consumer offsets; the housekeeping thread flushes them every checkpoint
     *     interval and {@link #close()} closes them
     */
    public ConsumerOffsetStore consumerOffsets() {
        requireStarted();
        return consumerOffsets;
    }

    /**
     * @param topic the topic
     * @param queueId the queue
     * @return the lowest readable logical offset, 0 for an unknown queue
     */
    public long minQueueOffset(String topic, int queueId) {
        ConsumeQueue queue = queue(topic, queueId);
        return queue == null ? 0L : queue.minOffset();
    }

    /**
     * @param topic the topic
     * @param queueId the queue
     * @return one past the highest readable logical offset, 0 for an unknown queue
     */
    public long maxQueueOffset(String topic, int queueId) {
        ConsumeQueue queue = queue(topic, queueId);
        return queue == null ? 0L : queue.maxOffset();
    }

    /**
     * @param topic the topic
     * @param queueId the queue
     * @param epochMs a time
     * @return the first logical offset stored at or after {@code epochMs} (the max offset if none, 0
     *     for an unknown queue)
     */
    public long queueOffsetForTimestamp(String topic, int queueId, long epochMs) {
        ConsumeQueue queue = queue(topic, queueId);
        return queue == null ? 0L : queue.offsetForTimestamp(epochMs);
    }

    /**
     * Converts a consumer position into a CommitLog offset, to compute the retention floor.
     *
     * @param topic the topic
     * @param queueId the queue
     * @param queueOffset a logical offset (the next one a group will consume)
     * @return the CommitLog offset of that entry; {@link #maxCommitLogOffset()} when the offset is at
     *     or past the queue's end; -1 for an unknown queue or a missing entry
     */
    public long commitLogOffsetOf(String topic, int queueId, long queueOffset) {
        ConsumeQueue queue = queue(topic, queueId);
        if (queue == null) {
            return -1L;
        }
        return queueOffset >= queue.maxOffset() ? maxCommitLogOffset() : queue.commitLogOffsetAt(queueOffset);
    }

    /**
     * @return every (topic, queue id) that has a ConsumeQueue
     */
    public List<TopicQueue> topicQueues() {
        requireStarted();
        List<TopicQueue> topicQueues = new ArrayList<>();
        for (ConsumeQueue queue : consumeQueues.all()) {
            topicQueues.add(new TopicQueue(queue.topic(), queue.queueId()));
        }
        return topicQueues;
    }

    /**
     * @return the oldest CommitLog offset still stored
     */
    public long minCommitLogOffset() {
        requireStarted();
        return commitLog.minOffset();
    }

    /**
     * @return the CommitLog offset up to which records are confirmed (durable in SYNC mode, written
     *     in ASYNC mode)
     */
    public long maxCommitLogOffset() {
        requireStarted();
        return commitLog.confirmedOffset();
    }

    /**
     * @return how many times the CommitLog was forced since {@link #start()}: in SYNC mode, the
     *     number of group commits (records appended divided by this is the mean group size)
     */
    public long commitLogForceCount() {
        requireStarted();
        return commitLog.forceCount();
    }

    /**
     * @return the CommitLog offset up to which every record was dispatched (and so is readable)
     */
    public long dispatchedCommitLogOffset() {
        requireStarted();
        return dispatch.dispatchedOffset();
    }

    /**
     * @return whether {@link #start()} found that the previous run did not shut down cleanly
     */
    public boolean recoveredFromCrash() {
        requireStarted();
        return recoveredFromCrash;
    }

    /**
     * @return the settings
     */
    public StoreConfig config() {
        return config;
    }

    private ConsumeQueue queue(String topic, int queueId) {
        requireStarted();
        return consumeQueues.find(topic, queueId);
    }

    private void requireStarted() {
        if (state == State.NEW) {
            throw new StoreException(StoreException.Category.STATE, "the store is not started");
        }
    }

    private void requireState(State expected) {
        if (state != expected) {
            throw new StoreException(StoreException.Category.STATE, "the store is " + state + ", not " + expected);
        }
    }
}
