package org.cairnmq.server.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

import org.cairnmq.server.store.internal.AgentRunner;
import org.cairnmq.server.store.internal.AsyncFlusher;
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
import org.cairnmq.server.store.internal.SegmentWarmer;
import org.cairnmq.server.store.internal.StoreDirectory;
import org.cairnmq.server.store.internal.StoreRecovery;

/**
 * The wiring of a started {@link MessageStore}: opens and recovers the files, builds the store's
 * agents and their threads, and takes it all down again in order. {@link MessageStore} holds one
 * per run and keeps the lifecycle state and the public API.
 *
 * <p>Threads: appender, group commit (SYNC only), warmer (unless
 * {@link StoreConfig#commitLogWarmAheadBytes()} is 0), flusher (ASYNC only), dispatch, housekeeping.
 */
final class StoreEngine {

    final StoreConfig config;
    final Clock clock;
    final StoreDirectory directory;
    final boolean recoveredFromCrash;
    final CommitLog commitLog;
    final ConsumeQueueTable consumeQueues;
    final ConsumeQueueReader reader;
    final DispatchAgent dispatch;
    final CommitLogAppender appender;
    final SegmentWarmer warmer;
    final CheckpointFile checkpoint;
    final MessageKeyIndex keyIndex;
    final ConsumerOffsetStore consumerOffsets;
    private final List<AgentRunner> runners = new ArrayList<>();
    private final AgentRunner appenderRunner;
    private final AgentRunner groupCommitRunner;
    private final AgentRunner warmerRunner;
    private final AgentRunner flusherRunner;
    private final AgentRunner dispatchRunner;
    private final AgentRunner housekeepingRunner;

    /**
     * Opens and recovers the CommitLog and the ConsumeQueues in the opened {@code directory}; the
     * threads are built but not started.
     */
    private StoreEngine(StoreConfig config, Clock clock, StoreDirectory directory,
            List<CommitLogDispatcher> dispatchers, LongSupplier minUnconsumedCommitLogOffset,
            MessageKeyIndex keyIndex, ConsumerOffsetStore consumerOffsets) {
        this.config = config;
        this.clock = clock;
        this.directory = directory;
        this.keyIndex = keyIndex;
        this.consumerOffsets = consumerOffsets;
        recoveredFromCrash = !directory.previousShutdownClean();
        commitLog = new CommitLog(new MappedSegmentList(config.dataDirectory().resolve("commitlog"),
                config.commitLogSegmentBytes()).load(), config.flushMode());
        consumeQueues = new ConsumeQueueTable(config.dataDirectory().resolve("consumequeue"),
                config.consumeQueueSegmentEntries());
        reader = new ConsumeQueueReader(commitLog, consumeQueues);
        dispatch = new DispatchAgent(commitLog, consumeQueues, config.checkpointIntervalMs());
        dispatch.addDispatcher(keyIndex);
        dispatchers.forEach(dispatch::addDispatcher);
        warmer = config.commitLogWarmAheadBytes() > 0
                ? new SegmentWarmer(commitLog, config.commitLogWarmAheadBytes(), config.flushMode() == FlushMode.SYNC)
                : null;
        DiskSpaceMonitor diskSpace = new DiskSpaceMonitor(config.dataDirectory(), config.diskFullReserveBytes());
        appender = new CommitLogAppender(config, commitLog, clock, diskSpace, dispatch::onRecordsPublished,
                warmer == null ? base -> null : warmer::take);
        checkpoint = new CheckpointFile(config.dataDirectory());
        StoreRecovery.recover(commitLog, consumeQueues, dispatch, appender, checkpoint,
                directory.previousShutdownClean(), clock);
        RetentionService retention = new RetentionService(config, commitLog, consumeQueues, dispatch, diskSpace,
                clock, minUnconsumedCommitLogOffset);
        appenderRunner = add(new AgentRunner(appender));
        groupCommitRunner = appender.groupCommitter() == null ? null : add(new AgentRunner(appender.groupCommitter()));
        warmerRunner = warmer == null ? null : add(new AgentRunner(warmer));
        flusherRunner = config.flushMode() != FlushMode.ASYNC ? null
                : add(new AgentRunner(new AsyncFlusher(commitLog, config.asyncFlushIntervalMs())));
        dispatchRunner = add(new AgentRunner(dispatch));
        housekeepingRunner = add(new AgentRunner(new PeriodicAgent("housekeeping", config.checkpointIntervalMs(),
                () -> housekeeping(retention))));
    }

    private void housekeeping(RetentionService retention) {
        writeCheckpoint();
        retention.run();
        consumerOffsets.flush();
    }

    /**
     * Opens the directory and the files and recovers them; on failure closes what it opened.
     *
     * @param config the settings
     * @param clock the store's clock
     * @param dispatchers the caller's dispatchers
     * @param minUnconsumedCommitLogOffset the retention floor, read on the housekeeping thread
     * @return the engine, its threads not started
     */
    static StoreEngine open(StoreConfig config, Clock clock, List<CommitLogDispatcher> dispatchers,
            LongSupplier minUnconsumedCommitLogOffset) {
        StoreDirectory directory = new StoreDirectory(config.dataDirectory());
        MessageKeyIndex keyIndex = null;
        ConsumerOffsetStore consumerOffsets = null;
        try {
            keyIndex = MessageKeyIndex.open(config.keyIndexConfig());
            consumerOffsets = ConsumerOffsetStore.open(config.offsetStoreConfig());
            return new StoreEngine(config, clock, directory, dispatchers, minUnconsumedCommitLogOffset, keyIndex,
                    consumerOffsets);
        } catch (RuntimeException e) {
            closeQuietly(keyIndex, e);
            closeQuietly(consumerOffsets, e);
            directory.close();
            throw e;
        }
    }

    private AgentRunner add(AgentRunner runner) {
        runners.add(runner);
        return runner;
    }

    /**
     * Starts every thread.
     */
    void start() {
        runners.forEach(AgentRunner::start);
    }

    /**
     * Completes queued appends, stops the threads (the appender first, then the group commit that
     * completes what it wrote, so that the warmer can delete an unused standby segment and the
     * dispatch thread sees every record), forces everything,
     * writes the checkpoint, closes the key index and the consumer offsets and marks the shutdown
     * clean unless a thread failed.
     */
    void close() {
        appenderRunner.close();
        if (groupCommitRunner != null) {
            groupCommitRunner.close();
        }
        if (warmerRunner != null) {
            warmerRunner.close();
        }
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

    /**
     * Finds the records whose key is {@code key}; see {@link MessageStore#lookupByKey}.
     *
     * @param key the key
     * @param sinceEpochMs the earliest store time wanted
     * @param maxResults the most records returned
     * @return the records, newest first
     */
    List<StoredRecord> lookupByKey(byte[] key, long sinceEpochMs, int maxResults) {
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
     * @return see {@link MessageStore#commitLogOffsetOf}
     */
    long commitLogOffsetOf(String topic, int queueId, long queueOffset) {
        ConsumeQueue queue = consumeQueues.find(topic, queueId);
        if (queue == null) {
            return -1L;
        }
        return queueOffset >= queue.maxOffset() ? commitLog.confirmedOffset() : queue.commitLogOffsetAt(queueOffset);
    }

    /**
     * @return every (topic, queue id) that has a ConsumeQueue
     */
    List<TopicQueue> topicQueues() {
        List<TopicQueue> topicQueues = new ArrayList<>();
        for (ConsumeQueue queue : consumeQueues.all()) {
            topicQueues.add(new TopicQueue(queue.topic(), queue.queueId()));
        }
        return topicQueues;
    }

    /**
     * @return see {@link MessageStore#commitLogWarmedOffset()}
     */
    long warmedOffset() {
        long written = commitLog.writtenOffset();
        return warmer == null ? written : Math.max(warmer.warmedOffset(), written);
    }

    /**
     * @param results a batch's results
     * @return the highest CommitLog offset of a record appended, -1 if none was
     */
    static long lastAppendedOffset(List<AppendResult> results) {
        long last = -1L;
        for (AppendResult result : results) {
            last = result.isOk() ? Math.max(last, result.commitLogOffset()) : last;
        }
        return last;
    }

    private void writeCheckpoint() {
        checkpoint.write(new CheckpointFile.Values(commitLog.flushedOffset(), dispatch.consumeQueueFlushedOffset(),
                clock.millis()));
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
}
