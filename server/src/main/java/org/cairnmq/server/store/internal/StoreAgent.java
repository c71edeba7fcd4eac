package org.cairnmq.server.store.internal;

/**
 * A unit of work that owns one thread of the store, after Agrona's {@code Agent}: the runner calls
 * {@link #doWork()} in a loop on that thread, then {@link #onClose()} on the same thread.
 */
public interface StoreAgent {

    /**
     * @return the thread's role, used in its name
     */
    String roleName();

    /**
     * Does one round of work, waiting briefly (a few milliseconds at most) when there is none.
     *
     * @return how many items were processed (0 when idle)
     * @throws InterruptedException if the wait is interrupted
     */
    int doWork() throws InterruptedException;

    /**
     * Finishes outstanding work; called once on the agent's thread after the last {@link #doWork()}.
     */
    default void onClose() {
    }
}
