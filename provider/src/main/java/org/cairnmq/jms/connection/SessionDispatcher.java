package org.cairnmq.jms.connection;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one thread of a session that calls its message listeners, created when first needed (a second
 * instance calls its completion listeners, {@link SendCompletions}). Listener calls hold
 * {@link #deliveryLock()}, so that {@code Connection.stop()} and {@code Session.close()} can wait until
 * the listener running now has returned.
 *
 * <p>Thread safety: any thread may submit; the work runs serialised on the session's thread.
 */
final class SessionDispatcher {

    private final String threadName;
    private final ReentrantLock deliveryLock = new ReentrantLock();
    private ExecutorService executor;
    private boolean stopped;
    private volatile Thread thread;

    SessionDispatcher(final long sessionId) {
        this("cairn-session-" + sessionId);
    }

    /**
     * Creates a dispatcher whose thread has a given name.
     *
     * @param threadName the thread's name
     */
    SessionDispatcher(final String threadName) {
        this.threadName = threadName;
    }

    /**
     * Runs a task on the session thread.
     *
     * @param task the task
     * @return false if the dispatcher was shut down and the task not accepted
     */
    synchronized boolean execute(final Runnable task) {
        if (stopped) {
            return false;
        }
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(runnable -> {
                final Thread created = new Thread(runnable, threadName);
                created.setDaemon(true);
                thread = created;
                return created;
            });
        }
        executor.execute(task);
        return true;
    }

    /** The lock a listener call holds. */
    ReentrantLock deliveryLock() {
        return deliveryLock;
    }

    /** Whether the calling thread is this session's listener thread. */
    boolean isSessionThread() {
        return Thread.currentThread() == thread;
    }

    /** Waits until no listener of the session is running. */
    void awaitIdle() {
        if (isSessionThread()) {
            return;
        }
        deliveryLock.lock();
        deliveryLock.unlock();
    }

    /** Stops the thread after the work submitted so far; waits briefly for it. */
    void shutdown() {
        final ExecutorService toStop;
        synchronized (this) {
            toStop = executor;
            executor = null;
            stopped = true;
        }
        if (toStop == null) {
            return;
        }
        toStop.shutdown();
        if (isSessionThread()) {
            return;
        }
        try {
            toStop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
