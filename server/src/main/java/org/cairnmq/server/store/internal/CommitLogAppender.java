package org.cairnmq.server.store.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * <p>Each round drains every queued task and writes them. In SYNC mode a batch with a durable record
 * goes to the {@link GroupCommitter}, which forces it together with the batches written while it
 * forced (group commit) before completing the futures, so a future completes only when its record is
 * durable; when no other task is queued and nothing is pending there, the appender forces and
 * completes the batch itself. A batch with no durable record (non-persistent messages only) is
 * confirmed without a force when nothing is pending there, else it follows the pending ones. In
 * ASYNC mode the futures complete after the write and the {@link AsyncFlusher} forces later.
 *
 * <p>Design note: futures complete on the writing or the group-commit thread, so a caller's
 * non-async continuation runs there and delays the next batch; callers chain with {@code *Async} or
 * keep continuations short. Tasks reach the appender through a {@link HandOffQueue}.
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
    private static final int MAX_TASKS_PER_BATCH = 4096;
    static final long SUBMITTER_WRITES_AFTER_IDLE_US = 200L;
    private static final long SUBMITTER_WRITES_AFTER_IDLE_NS = TimeUnit.MICROSECONDS.toNanos(
            SUBMITTER_WRITES_AFTER_IDLE_US);

    private final StoreConfig config;
    private final CommitLog commitLog;
    private final Runnable onPublished;
    private final CommitLogBatchWriter writer;
    private final GroupCommitter groupCommitter;
    private final HandOffQueue<AppendTask> queue = new HandOffQueue<>(IDLE_PARK_NS);
    private final List<AppendTask> batch = new ArrayList<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile long lastBatchNs = System.nanoTime();
    private volatile boolean stopped;
    private volatile Thread appenderThread;

    /**
     * @param config the store's settings
     * @param commitLog the log, recovered
     * @param clock the source of store timestamps
     * @param diskSpace the volume's free-space probe
     * @param onPublished called by the writing or the group-commit thread after new records became
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
        this.groupCommitter = config.flushMode() == FlushMode.SYNC
                ? new GroupCommitter(commitLog, onPublished, writer::markIoFailed)
                : null;
    }

    /**
     * @return SYNC mode: the agent that forces and completes written batches, to run on its own
     *     thread (closed after this appender); ASYNC mode: null
     */
    public GroupCommitter groupCommitter() {
        return groupCommitter;
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
            queue.bindConsumer();
            appenderThread = Thread.currentThread();
        }
        if (queue.isEmpty() && !queue.awaitItem()) {
            return 0;
        }
        writeLock.lock();
        try {
            if (queue.drainTo(batch, MAX_TASKS_PER_BATCH) == 0) {
                return 0;
            }
            int count = processBatch(true);
            batch.clear();
            return count;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void onClose() {
        if (appenderThread == null) {
            appenderThread = Thread.currentThread();
        }
        writeLock.lock();
        try {
            while (queue.drainTo(batch, MAX_TASKS_PER_BATCH) > 0) {
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
     * Writes and publishes the batch, then completes its tasks or, in SYNC mode, has them completed
     * once forced.
     *
     * @param preallocate whether to write zeros ahead afterwards: the appender thread does, a
     *     submitter writing its own task does not (a 1 MiB write is not for the broker's thread)
     */
    private int processBatch(boolean preallocate) {
        assert writeLock.isHeldByCurrentThread();
        long nowNs = System.nanoTime();
        lastBatchNs = nowNs;
        writer.beginBatch(nowNs);
        int written = 0;
        for (AppendTask task : batch) {
            written += writer.writeTask(task);
        }
        written = writer.publishBatch(batch, written);
        if (groupCommitter == null) {
            publishAndComplete(written);
        } else if (groupCommitter.hasPending()) {
            groupCommitter.handOff(new ArrayList<>(batch));
        } else if (written > 0 && batchHasDurableRecord()) {
            if (queue.isEmpty()) {
                groupCommitter.forceAndComplete(batch);
            } else {
                groupCommitter.handOff(new ArrayList<>(batch));
            }
        } else {
            if (written > 0) {
                commitLog.confirmWrittenUnforced();
            }
            publishAndComplete(written);
        }
        if (preallocate) {
            writer.preallocate();
        }
        return batch.size();
    }

    private void publishAndComplete(int written) {
        if (written > 0) {
            onPublished.run();
        }
        for (AppendTask task : batch) {
            task.complete();
        }
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
