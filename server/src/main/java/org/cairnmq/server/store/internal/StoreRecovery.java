package org.cairnmq.server.store.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the files back to a consistent state before the store's threads start.
 *
 * <ol>
 *   <li>Scan the CommitLog from the checkpoint's segment (one segment earlier after a crash), verify
 *       every record and cut the log at the first torn or corrupt one.</li>
 *   <li>Load the ConsumeQueues and drop their entries that point past the new end; tell every
 *       other dispatcher the new end too ({@code onCommitLogTruncated}).</li>
 *   <li>Re-dispatch from the lowest of the offset up to which the ConsumeQueues were durable (the
 *       oldest segment if the {@code consumequeue} directory or the checkpoint is missing) and every
 *       dispatcher's own recovered position, never below the CommitLog's minimum offset; every
 *       dispatcher sees these records again and skips those it already holds.</li>
 *   <li>Hand every queue's next offset to the appender and write a fresh checkpoint.</li>
 * </ol>
 *
 * <p>Owning thread: the thread that starts the store.
 */
public final class StoreRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRecovery.class);

    private StoreRecovery() {
    }

    /**
     * @param commitLog the loaded CommitLog
     * @param consumeQueues the ConsumeQueues, not loaded yet
     * @param dispatch the dispatch agent, with every dispatcher registered, not started
     * @param appender the appender, not started
     * @param checkpoint the checkpoint file
     * @param clean whether the previous run shut down cleanly
     * @param clock the store's clock
     * @return the recovered CommitLog end offset
     */
    public static long recover(CommitLog commitLog, ConsumeQueueTable consumeQueues, DispatchAgent dispatch,
            CommitLogAppender appender, CheckpointFile checkpoint, boolean clean, Clock clock) {
        CheckpointFile.Values last = checkpoint.read();
        boolean consumeQueuesExisted = consumeQueues.rootExists();
        long endOffset = new CommitLogRecovery().recover(commitLog.segments(),
                last == null ? -1L : last.commitLogFlushedOffset(), clean && last != null);
        commitLog.recovered(endOffset);
        long minOffset = commitLog.minOffset();
        consumeQueues.load(minOffset, endOffset);
        dispatch.commitLogTruncated(endOffset);
        long consumeQueuesFrom = consumeQueuesExisted && last != null ? last.consumeQueueFlushedOffset() : minOffset;
        long dispatchFrom = Math.max(minOffset, Math.min(endOffset,
                Math.min(consumeQueuesFrom, dispatch.lowestRecoveredOffset())));
        dispatch.startFrom(dispatchFrom);
        int replayed = dispatch.dispatchUpTo(endOffset);
        dispatch.flushDispatchers();
        for (ConsumeQueue queue : consumeQueues.all()) {
            appender.recoveredQueueOffset(queue.topic(), queue.queueId(), queue.maxOffset());
        }
        checkpoint.write(new CheckpointFile.Values(endOffset, endOffset, clock.millis()));
        LOG.info("store recovered ({} shutdown): CommitLog [{}, {}), {} records re-dispatched from {}",
                clean ? "clean" : "unclean", minOffset, endOffset, replayed, dispatchFrom);
        return endOffset;
    }
}
