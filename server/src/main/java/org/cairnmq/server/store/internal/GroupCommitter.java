package org.cairnmq.server.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cairnmq.server.store.AppendResult;
import org.cairnmq.server.store.PutStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SYNC mode's group commit on its own thread (RocketMQ's {@code GroupCommitService}): the appender
 * writes a batch, hands it over here and goes on writing the next one while this thread forces the
 * log, makes the forced records readable and completes the batch's futures. Every batch handed over
 * while a force runs joins the next one, so one {@code fdatasync} covers them all.
 *
 * <pre>
 *  appender:      write N ─ hand off ─ write N+1 ─ hand off ─ write N+2 ...
 *  group commit:              force N, complete N ── force N+1, complete N+1 ...
 * </pre>
 *
 * <p>Owning thread: the group-commit thread, or a caller of {@link #forceAndComplete} (the appender,
 * while nothing is {@linkplain #hasPending pending}); processing is synchronized, so the two never
 * overlap.
 *
 * <p>Order: batches complete in the order they were handed off. The appender completes a batch
 * itself (with or without a force) only while nothing is pending here, so every append's future
 * completes after those of the appends written before it, and a record written without a force is
 * made readable only when every durable record before it is forced.
 *
 * <p>Design note: overlapping the force with the writing of the next batch matters when many
 * appends wait at once: measured on the build machine with 16 threads keeping 64 synchronous
 * appends each in flight, the appender forcing and completing each batch itself spent about a third
 * of its time forcing, during which no record was written, and a quarter completing futures; with
 * the hand-off the same benchmark made 0.43 to 0.51 million appends a second instead of 0.32.
 * When no other task waits and nothing is pending, the appender still forces and completes the
 * batch itself ({@link #forceAndComplete}): there is nothing to overlap, and the hand-off would cost
 * an idle store one more thread wake-up per persistent append (one thread's synchronous appends
 * made 6.3 to 6.7 thousand a second handed off, 8.2 thousand forced by the appender).
 */
public final class GroupCommitter implements StoreAgent {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    private static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(5);

    private final CommitLog commitLog;
    private final Runnable onPublished;
    private final Runnable onForceFailure;
    private final HandOffQueue<List<AppendTask>> queue = new HandOffQueue<>(IDLE_PARK_NS);
    private final AtomicInteger pendingBatches = new AtomicInteger();
    private final List<AppendTask> completing = new ArrayList<>();
    private volatile boolean stopped;
    private boolean started;

    /**
     * @param commitLog the log to force
     * @param onPublished called after a force made new records readable (dispatches them or wakes
     *     dispatch); any thread may run it
     * @param onForceFailure called once a force failed, to make the writer refuse further appends
     */
    GroupCommitter(CommitLog commitLog, Runnable onPublished, Runnable onForceFailure) {
        this.commitLog = commitLog;
        this.onPublished = onPublished;
        this.onForceFailure = onForceFailure;
    }

    @Override
    public String roleName() {
        return "group-commit";
    }

    /**
     * @return whether a handed-off batch has not completed yet; the appender, to decide whether it
     *     may complete a batch itself
     */
    boolean hasPending() {
        return pendingBatches.get() > 0;
    }

    /**
     * Hands over a written and published batch, to be forced and completed after every batch handed
     * over before it. If this thread has stopped, the caller processes the queue itself.
     *
     * @param batch the batch's tasks; owned by this committer from now on
     */
    void handOff(List<AppendTask> batch) {
        pendingBatches.incrementAndGet();
        queue.offer(batch);
        if (stopped) {
            processQueued();
        }
    }

    @Override
    public int doWork() {
        if (!started) {
            queue.bindConsumer();
            started = true;
        }
        if (queue.isEmpty() && !queue.awaitItem()) {
            return 0;
        }
        return processQueued();
    }

    @Override
    public void onClose() {
        stopped = true;
        processQueued();
    }

    /** Forces and completes every queued batch as one group; how many tasks completed. */
    private synchronized int processQueued() {
        int batches = 0;
        List<AppendTask> batch;
        while ((batch = queue.poll()) != null) {
            completing.addAll(batch);
            batches++;
        }
        if (batches == 0) {
            return 0;
        }
        int tasks = completing.size();
        try {
            forceAndComplete(completing);
        } finally {
            completing.clear();
            pendingBatches.addAndGet(-batches);
        }
        return tasks;
    }

    /**
     * Forces everything written, lets {@code onPublished} dispatch it and completes the tasks; on a
     * failed force every record still OK fails with {@link PutStatus#IO_ERROR}. The appender calls it
     * directly only while nothing is {@linkplain #hasPending pending}.
     *
     * @param tasks written and published tasks
     */
    synchronized void forceAndComplete(List<AppendTask> tasks) {
        try {
            commitLog.flush();
        } catch (RuntimeException e) {
            LOG.error("forcing the CommitLog failed; the store refuses further appends", e);
            onForceFailure.run();
            failOkResults(tasks);
        }
        onPublished.run();
        for (AppendTask task : tasks) {
            task.complete();
        }
    }

    private static void failOkResults(List<AppendTask> tasks) {
        AppendResult failed = AppendResult.failed(PutStatus.IO_ERROR);
        for (AppendTask task : tasks) {
            for (int i = 0; i < task.size(); i++) {
                if (task.resultAt(i).isOk()) {
                    task.result(i, failed);
                }
            }
        }
    }
}
