package org.cairnmq.server.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import org.cairnmq.server.store.internal.AppendTask;
import org.cairnmq.server.store.internal.ConsumeQueue;

/**
 * The store: one CommitLog of every record, one ConsumeQueue per (topic, queue id) built from it, and
 * the threads that keep them (RocketMQ's model).
 *
 * <pre>
 *  append ──► [queue] ──► appender thread ──► CommitLog segments ◄── group-commit thread (SYNC):
 *                                                   │               forces written batches, completes
 *                                   dispatch thread ◄┘ follows the confirmed offset
 *                                     ├─► ConsumeQueues (read path)
 *                                     ├─► the key index (index/): lookupByKey
 *                                     └─► CommitLogDispatchers added by the caller
 *  (on an idle store, a caller whose append needs no force writes and dispatches it itself)
 *  housekeeping: checkpoint + retention + consumer offsets flush; flusher (ASYNC only): periodic
 *  force; warmer: pre-touches the pages ahead of the appender and maps the next segment ahead
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
 * which in SYNC mode happens only after the record is durable. That is a little after its append
 * future completes; for read-your-writes (a send acknowledged to a client must be visible to the
 * next receive or browse) wait for {@link #whenDispatched}, or append with {@link #appendVisible} /
 * {@link #appendBatchVisible}.
 *
 * <p>The wiring of files and threads is {@link StoreEngine}'s; this class keeps state and API.
 */
public final class MessageStore implements AutoCloseable {

    private enum State { NEW, RUNNING, CLOSED }

    private final StoreConfig config;
    private final Clock clock;
    private final List<CommitLogDispatcher> dispatchers = new ArrayList<>();
    private volatile LongSupplier minUnconsumedCommitLogOffset = () -> Long.MAX_VALUE;
    private volatile State state = State.NEW;
    private StoreEngine engine;

    /** @param config the settings */
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

    /** Opens and recovers the files, then starts the store's threads. */
    public synchronized void start() {
        requireState(State.NEW);
        engine = StoreEngine.open(config, clock, dispatchers, () -> minUnconsumedCommitLogOffset.getAsLong());
        engine.start();
        state = State.RUNNING;
    }

    /**
     * Completes queued appends, stops the threads, forces everything, writes the checkpoint, closes
     * the key index and the consumer offsets and marks the shutdown clean. Appends after this
     * complete with {@link PutStatus#STORE_CLOSED}; {@link #whenDispatched} futures of records that
     * were never dispatched complete exceptionally.
     */
    @Override
    public synchronized void close() {
        State previous = state;
        state = State.CLOSED;
        if (previous == State.RUNNING) {
            engine.close();
        }
    }

    /**
     * Appends one record. Never throws for store conditions: the future completes with a status.
     *
     * @param request the record
     * @return completes (on a store thread) when the record is written, and in SYNC mode durable;
     *     it may not be readable yet (see {@link #appendVisible})
     */
    public CompletableFuture<AppendResult> append(AppendRequest request) {
        Objects.requireNonNull(request, "request");
        if (state != State.RUNNING) {
            return CompletableFuture.completedFuture(AppendResult.failed(PutStatus.STORE_CLOSED));
        }
        AppendTask.Single task = new AppendTask.Single(request);
        engine.appender.submit(task);
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
        engine.appender.submit(task);
        return task.future();
    }

    /**
     * Appends one record and completes only once it is readable ({@link #read}, {@link #readAt},
     * {@link #lookupByKey}): {@link #append} followed by {@link #whenDispatched}.
     *
     * <p>A failed append completes with its status at once. If the store stops dispatching before the
     * record is dispatched (only when the dispatch thread failed: {@link #close()} dispatches every
     * appended record first), the future still completes with the append's result: the record is
     * stored and becomes readable after a restart.
     *
     * @param request the record
     * @return the append's result, usually completed on the dispatch thread: chain with
     *     {@code *Async} or keep continuations short
     */
    public CompletableFuture<AppendResult> appendVisible(AppendRequest request) {
        return append(request).thenCompose(result -> result.isOk()
                ? whenDispatched(result.commitLogOffset()).handle((ignored, failure) -> result)
                : CompletableFuture.completedFuture(result));
    }

    /**
     * {@link #appendBatch} that completes only once every record that was appended is readable; as
     * {@link #appendVisible}, for a batch.
     *
     * @param requests the records, in order
     * @return the results in request order, usually completed on the dispatch thread
     */
    public CompletableFuture<List<AppendResult>> appendBatchVisible(List<AppendRequest> requests) {
        return appendBatch(requests).thenCompose(results -> {
            long last = StoreEngine.lastAppendedOffset(results);
            return last < 0 ? CompletableFuture.completedFuture(results)
                    : whenDispatched(last).handle((ignored, failure) -> results);
        });
    }

    /**
     * Waits until the dispatch thread has dispatched the record starting at {@code commitLogOffset}
     * (an {@link AppendResult#commitLogOffset()}): once this completes, the record is in its
     * ConsumeQueue and {@link #read} returns it.
     *
     * <p>Design note: the dispatch thread completes waiters after each batch, so a continuation
     * that is not {@code *Async} runs on it and delays every later record's visibility: chain with
     * {@code *Async} or keep continuations short. With nobody waiting it costs one check a batch.
     *
     * @param commitLogOffset where a record starts
     * @return completes normally (with null) once dispatched, at once if it already was;
     *     exceptionally with a {@link StoreException} of category STATE if the store closed (or its
     *     dispatch thread failed) before dispatching it. An offset where no record will ever start
     *     completes only then.
     */
    public CompletableFuture<Void> whenDispatched(long commitLogOffset) {
        requireStarted();
        return engine.dispatch.waiters().await(commitLogOffset);
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
        return engine.reader.read(topic, queueId, queueOffset, maxCount);
    }

    /**
     * @param commitLogOffset a physical offset
     * @return the record starting there, or null if none (not a record start, deleted or not
     *     confirmed yet)
     */
    public StoredRecord readAt(long commitLogOffset) {
        requireStarted();
        return engine.commitLog.readAt(commitLogOffset);
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
        return engine.lookupByKey(key, sinceEpochMs, maxResults);
    }

    /**
     * @return the store's key index (for {@link MessageKeyIndex#lookup}; the store drives its
     *     recovery, flushes and deletions)
     */
    public MessageKeyIndex keyIndex() {
        requireStarted();
        return engine.keyIndex;
    }

    /**
     * @return the store's consumer offsets; the housekeeping thread flushes them every checkpoint
     *     interval and {@link #close()} closes them
     */
    public ConsumerOffsetStore consumerOffsets() {
        requireStarted();
        return engine.consumerOffsets;
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
        requireStarted();
        return engine.commitLogOffsetOf(topic, queueId, queueOffset);
    }

    /** @return every (topic, queue id) that has a ConsumeQueue */
    public List<TopicQueue> topicQueues() {
        requireStarted();
        return engine.topicQueues();
    }

    /** @return the oldest CommitLog offset still stored */
    public long minCommitLogOffset() {
        requireStarted();
        return engine.commitLog.minOffset();
    }

    /** @return the CommitLog offset up to which records are confirmed (SYNC: durable; ASYNC: written) */
    public long maxCommitLogOffset() {
        requireStarted();
        return engine.commitLog.confirmedOffset();
    }

    /**
     * Forces everything appended so far to the disk now, whatever the flush mode; any thread. The
     * store's own forcing (group commit, the ASYNC flusher) goes on as before.
     *
     * @return the CommitLog offset up to which records are now durable
     */
    public long flush() {
        requireStarted();
        return engine.commitLog.flush();
    }

    /**
     * @return how many times the CommitLog was forced since {@link #start()}: in SYNC mode, the
     *     number of group commits (records appended divided by this is the mean group size)
     */
    public long commitLogForceCount() {
        requireStarted();
        return engine.commitLog.forceCount();
    }

    /** @return the CommitLog offset up to which the log was forced to the disk (is durable) */
    public long flushedCommitLogOffset() {
        requireStarted();
        return engine.commitLog.flushedOffset();
    }

    /** @return the CommitLog offset up to which every record was dispatched (and so is readable) */
    public long dispatchedCommitLogOffset() {
        requireStarted();
        return engine.dispatch.dispatchedOffset();
    }

    /**
     * @return the CommitLog offset up to which the active segment's pages are pre-touched or written
     *     (see {@link StoreConfig#commitLogWarmAheadBytes()}); appends below it land in warm pages.
     *     Equal to the written position when the warmer is off.
     */
    public long commitLogWarmedOffset() {
        requireStarted();
        return engine.warmedOffset();
    }

    /** @return whether {@link #start()} found that the previous run did not shut down cleanly */
    public boolean recoveredFromCrash() {
        requireStarted();
        return engine.recoveredFromCrash;
    }

    /** @return the settings */
    public StoreConfig config() {
        return config;
    }

    private ConsumeQueue queue(String topic, int queueId) {
        requireStarted();
        return engine.consumeQueues.find(topic, queueId);
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
