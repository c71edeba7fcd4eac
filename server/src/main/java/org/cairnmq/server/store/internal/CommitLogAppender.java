package org.cairnmq.server.store.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

import org.cairnmq.server.store.FlushMode;
import org.cairnmq.server.store.PutStatus;
import org.cairnmq.server.store.StoreConfig;

/**
 * The CommitLog's single writer: it forms batches of appends and writes them through its
 * {@link CommitLogBatchWriter}, which owns the write position, the current segment and every queue's
 * next logical offset. Other threads {@link #submit} tasks through a queue.
 *
 * <p>Owning thread: whoever holds the write lock: the appender thread, which drains the queue and
 * writes each batch under it, or a submitter writing its own task (below). Draining and writing in
 * one hold of the lock keeps the order: a submitter that holds the lock and sees an empty queue knows
 * that every task submitted before its own is written.
 *
 * <p>Each round drains every queued task, writes them, and in SYNC mode forces the batch once (group
 * commit) before completing the futures, so a future completes only when its record is durable; a
 * batch with no durable record (non-persistent messages only) is confirmed without a force. In
 * ASYNC mode the futures complete after the write and the flusher forces periodically.
 *
 * <p>Design note: futures complete on the writing thread, so a caller's non-async continuation runs
 * there and delays the next batch; callers chain with {@code *Async} or keep continuations short.
 *
 * <p>Design note: the hand-off is a lock-free {@link ConcurrentLinkedQueue}; an idle appender spins
 * briefly, then publishes that it is about to park and parks, and a submitter unparks it only when
 * it saw that flag (the flag is set before the queue's last check and read after the offer, so no
 * wake-up is lost). A busy appender therefore costs submitters no lock and no system call; a
 * {@code LinkedBlockingQueue} took two locks per hand-off and signalled its condition (a futex call)
 * on every empty-to-non-empty transition, which group commit with waiting appenders hits per batch.
 *
 * <p>Design note: when the log has been idle for {@value #SUBMITTER_WRITES_AFTER_IDLE_US} µs, a
 * submitter whose task needs no force (any task in ASYNC mode, a non-durable one in SYNC mode) writes
 * it itself if the lock is free and the queue empty: one system call instead of waking this thread,
 * which cost 20 to 30 µs on the build machine, a tenth of a non-persistent round trip through a
 * nearly idle broker. Under load the queue is used as before, so batches still form and the submitter
 * (the broker thread) spends no time writing; a task that needs a force is never written by its
 * submitter, so no caller waits for the disk on its own thread.
 */
public final class CommitLogAppender implements StoreAgent {

    private static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int IDLE_SPINS = 64;
    private static final int MAX_TASKS_PER_BATCH = 4096;
    static final long SUBMITTER_WRITES_AFTER_IDLE_US = 200L;
    private static final long SUBMITTER_WRITES_AFTER_IDLE_NS = TimeUnit.MICROSECONDS.toNanos(
            SUBMITTER_WRITES_AFTER_IDLE_US);

    private final StoreConfig config;
    private final CommitLog commitLog;
    private final Runnable onPublished;
    private final CommitLogBatchWriter writer;
    private final Queue<AppendTask> queue = new ConcurrentLinkedQueue<>();
    private final List<AppendTask> batch = new ArrayList<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile long lastBatchNs = System.nanoTime();
    private volatile boolean stopped;
    private volatile boolean parking;
    private volatile Thread appenderThread;

    /**
     * @param config the store's settings
     * @param commitLog the log, recovered
     * @param clock the source of store timestamps
     * @param diskSpace the volume's free-space probe
     * @param onPublished called by the writing thread, under the write lock, after new records became
     *     readable (dispatches them or wakes dispatch)
     * @param standbySegments at roll-over, given the new segment's base offset: a segment mapped
     *     ahead of time (see {@link SegmentWarmer#take}), or null to create it here
     */
    public CommitLogAppender(StoreConfig config, CommitLog commitLog, Clock clock, DiskSpaceMonitor diskSpace,
            Runnable onPublished, LongFunction<MappedSegment> standbySegments) {
        this.config = config;
        this.commitLog = commitLog;
        this.onPublished = onPublished;
        this.writer = new CommitLogBatchWriter(config, commitLog, clock, diskSpace, standbySegments);
    }

    @Override
    public String roleName() {
        return "appender";
    }

    /**
     * Sets a queue's next logical offset after recovery, before the appender starts.
     *
     * @param topic the topic
     * @param queueId the queue
     * @param nextQueueOffset the offset the next record of that queue gets
     */
    public void recoveredQueueOffset(String topic, int queueId, long nextQueueOffset) {
        writer.recoveredQueueOffset(topic, queueId, nextQueueOffset);
    }

    /**
     * Hands a task to the appender; any thread. A task submitted after the appender stopped fails with
     * {@link PutStatus#STORE_CLOSED}.
     *
     * @param task the task
     */
    public void submit(AppendTask task) {
        if (mayWriteOnSubmitter(task) && writeOnSubmitter(task)) {
            return;
        }
        queue.offer(task);
        if (parking) {
            LockSupport.unpark(appenderThread);
        }
        if (stopped) {
            failQueued();
        }
    }

    /**
     * Whether the submitter may write {@code task} itself: the log was idle, the task needs no force,
     * and the caller is not already writing (a completion's continuation that appends again).
     */
    private boolean mayWriteOnSubmitter(AppendTask task) {
        if (appenderThread == null || System.nanoTime() - lastBatchNs < SUBMITTER_WRITES_AFTER_IDLE_NS
                || writeLock.isHeldByCurrentThread()) {
            return false;
        }
        if (config.flushMode() == FlushMode.SYNC) {
            for (int i = 0; i < task.size(); i++) {
                if (task.request(i).durable()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Writes the task on the calling thread if the lock is free and nothing is queued before it. */
    private boolean writeOnSubmitter(AppendTask task) {
        if (!writeLock.tryLock()) {
            return false;
        }
        try {
            if (stopped || !queue.isEmpty()) {
                return false;
            }
            batch.add(task);
            processBatch(false);
            batch.clear();
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public int doWork() {
        if (appenderThread == null) {
            writer.start();
            appenderThread = Thread.currentThread();
        }
        if (queue.isEmpty() && !awaitTask()) {
            return 0;
        }
        writeLock.lock();
        try {
            if (drainInto(MAX_TASKS_PER_BATCH) == 0) {
                return 0;
            }
            int count = processBatch(true);
            batch.clear();
            return count;
        } finally {
            writeLock.unlock();
        }
    }

    /** Spins briefly, then parks until a task is queued or the park times out; whether one is. */
    private boolean awaitTask() {
        for (int i = 0; i < IDLE_SPINS; i++) {
            Thread.onSpinWait();
            if (!queue.isEmpty()) {
                return true;
            }
        }
        parking = true;
        if (queue.isEmpty()) {
            LockSupport.parkNanos(this, IDLE_PARK_NS);
        }
        parking = false;
        return !queue.isEmpty();
    }

    private int drainInto(int max) {
        int drained = 0;
        AppendTask task;
        while (drained < max && (task = queue.poll()) != null) {
            batch.add(task);
            drained++;
        }
        return drained;
    }

    @Override
    public void onClose() {
        if (appenderThread == null) {
            appenderThread = Thread.currentThread();
        }
        writeLock.lock();
        try {
            while (drainInto(MAX_TASKS_PER_BATCH) > 0) {
                processBatch(true);
                batch.clear();
            }
            stopped = true;
        } finally {
            writeLock.unlock();
        }
        failQueued();
    }

    private void failQueued() {
        AppendTask task;
        while ((task = queue.poll()) != null) {
            task.fail(PutStatus.STORE_CLOSED);
        }
    }

    /**
     * Writes, publishes and (if it holds a durable record, in SYNC mode) forces the batch, then
     * completes its tasks.
     *
     * @param preallocate whether to write zeros ahead afterwards: the appender thread does, a
     *     submitter writing its own task does not (a 1 MiB write is not for the broker's thread)
     */
    private int processBatch(boolean preallocate) {
        assert writeLock.isHeldByCurrentThread();
        lastBatchNs = System.nanoTime();
        writer.refreshDiskState();
        int written = 0;
        for (AppendTask task : batch) {
            written += writer.writeTask(task);
        }
        written = writer.publishBatch(batch, written);
        if (written > 0 && config.flushMode() == FlushMode.SYNC) {
            if (batchHasDurableRecord()) {
                writer.forceBatch(batch);
            } else {
                commitLog.confirmWrittenUnforced();
            }
        }
        if (written > 0) {
            onPublished.run();
        }
        for (AppendTask task : batch) {
            task.complete();
        }
        if (preallocate) {
            writer.preallocate();
        }
        return batch.size();
    }

    /** Design note: a batch of non-persistent messages only skips the force (they may be lost anyway). */
    private boolean batchHasDurableRecord() {
        for (AppendTask task : batch) {
            for (int i = 0; i < task.size(); i++) {
                if (task.request(i).durable() && task.resultAt(i).isOk()) {
                    return true;
                }
            }
        }
        return false;
    }

}
