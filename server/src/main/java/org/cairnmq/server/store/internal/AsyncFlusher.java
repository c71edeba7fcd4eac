package org.cairnmq.server.store.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * ASYNC mode's flusher (RocketMQ's {@code FlushRealTimeService}): forces the CommitLog every flush
 * interval, and sooner once {@value #FLUSH_EVERY_MIB} MiB were written since the last force.
 *
 * <p>Owning thread: its runner's thread.
 *
 * <p>Design note: the byte threshold keeps the disk writing while appends stream in. Forcing only
 * by time left up to an interval's worth of dirty pages (half a gigabyte at 1 GB/s) to be written
 * back in one burst, during which nothing overlapped. Measured on the build machine, runs of 256 MiB
 * of 1 KiB appends each ended by a force spent a median of about 100 ms in that last force when
 * forcing by time only, and about 20 ms when forced every 5 ms (a few MiB; see {@link SegmentWarmer} for
 * the combined figures). It also bounds what a power loss can take to a few MiB as well as to the
 * interval.
 */
public final class AsyncFlusher implements StoreAgent {

    /** How many MiB written since the last force make the flusher force without waiting for the interval. */
    static final int FLUSH_EVERY_MIB = 8;
    private static final long FLUSH_EVERY_BYTES = (long) FLUSH_EVERY_MIB << 20;
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final CommitLog commitLog;
    private final long intervalNs;
    private long nextForceNs;

    /**
     * @param commitLog the log to force
     * @param intervalMs the longest time between two forces while data is written
     */
    public AsyncFlusher(CommitLog commitLog, long intervalMs) {
        this.commitLog = commitLog;
        this.intervalNs = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        this.nextForceNs = System.nanoTime() + intervalNs;
    }

    @Override
    public String roleName() {
        return "flusher";
    }

    @Override
    public int doWork() {
        long now = System.nanoTime();
        if (commitLog.writtenOffset() - commitLog.flushedOffset() < FLUSH_EVERY_BYTES && now - nextForceNs < 0) {
            LockSupport.parkNanos(this, Math.min(POLL_NS, nextForceNs - now));
            return 0;
        }
        commitLog.flush();
        nextForceNs = System.nanoTime() + intervalNs;
        return 1;
    }
}
