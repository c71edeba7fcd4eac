package org.cairnmq.ra.inbound;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.Timer;
import java.util.TimerTask;

/**
 * What inbound delivery borrows from the container: its {@link WorkManager}, on which every delivery
 * runs, and a {@link Timer} from the bootstrap context for delayed retries.
 *
 * <p>Thread safety: both are the container's thread-safe services.
 */
public final class InboundContext {

    private final WorkManager workManager;
    private final Timer timer;

    /**
     * Creates the context.
     *
     * @param workManager the container's work manager
     * @param timer a timer made by the bootstrap context
     */
    public InboundContext(final WorkManager workManager, final Timer timer) {
        this.workManager = workManager;
        this.timer = timer;
    }

    /**
     * Hands work to the container's threads.
     *
     * @param work the work
     * @throws WorkException if the work manager refuses it
     */
    void schedule(final Work work) throws WorkException {
        workManager.scheduleWork(work);
    }

    /**
     * Runs an action after a delay, on the timer's thread; the action must be short.
     *
     * @param action the action
     * @param delayMs the delay in milliseconds
     */
    void later(final Runnable action, final long delayMs) {
        try {
            timer.schedule(new TimerTask() {
                @Override
                public void run() {
                    action.run();
                }
            }, delayMs);
        } catch (final IllegalStateException timerCancelled) {
            // The adapter is stopping: nothing more is scheduled.
            return;
        }
    }

    /** Cancels the timer; pending retries are dropped. */
    public void close() {
        timer.cancel();
    }
}
