package org.cairnmq.server.store.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a task every {@code intervalMs} on its own thread: the housekeeping (checkpoint, retention,
 * consumer offsets) is an instance.
 *
 * <p>Owning thread: its runner's thread; the task's state belongs to that thread.
 */
public final class PeriodicAgent implements StoreAgent {

    private static final long MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(5);

    private final String roleName;
    private final long intervalNs;
    private final Runnable task;
    private long nextRunNs = System.nanoTime();

    /**
     * @param roleName the thread's role
     * @param intervalMs how often to run the task
     * @param task the task
     */
    public PeriodicAgent(String roleName, long intervalMs, Runnable task) {
        this.roleName = roleName;
        this.intervalNs = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        this.task = task;
    }

    @Override
    public String roleName() {
        return roleName;
    }

    @Override
    public int doWork() {
        long waitNs = nextRunNs - System.nanoTime();
        if (waitNs > 0) {
            LockSupport.parkNanos(this, Math.min(waitNs, MAX_PARK_NS));
            return 0;
        }
        task.run();
        nextRunNs = System.nanoTime() + intervalNs;
        return 1;
    }
}
