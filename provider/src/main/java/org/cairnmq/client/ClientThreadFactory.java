package org.cairnmq.client;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Makes the client's I/O threads (daemon threads named {@code cairn-client-…}) and remembers each,
 * so that {@link ClientConnector#awaitThreadsStopped} can wait until they have ended, not only until
 * their event loops have terminated.
 *
 * <p>Design note: Netty completes an event loop group's termination future from the loop's own
 * thread, a few statements before that thread returns; a container that unloads the provider's
 * classes right then could still find a client thread running (the build machine's CI saw one in
 * {@code Thread.getAllStackTraces()} after the future had completed).
 */
final class ClientThreadFactory extends DefaultThreadFactory {

    private final List<Thread> started = new CopyOnWriteArrayList<>();

    ClientThreadFactory() {
        super("cairn-client", true);
    }

    @Override
    protected Thread newThread(final Runnable task, final String name) {
        final Thread thread = super.newThread(task, name);
        started.add(thread);
        return thread;
    }

    /**
     * Waits for every thread this factory made to end.
     *
     * @param deadlineNanos the {@link System#nanoTime()} by which they must have ended
     * @return whether they all ended in time
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitThreadsEnded(final long deadlineNanos) throws InterruptedException {
        for (final Thread thread : started) {
            final long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (remainingMs > 0) {
                thread.join(remainingMs);
            }
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
