package org.cairnmq.server.broker.internal;

import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.concurrent.CompletableFuture;
import java.util.Iterator;
import java.util.Objects;
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
 * <p>The broker thread is the one executor of a group: its own, or one given by the caller, such as
 * an event loop that also serves the broker's connections (then a command and the deliveries it
 * causes need no hand-off between threads). Either way {@link #close} shuts the group down.
 *
 * <p>Design note: the broker thread is a Netty event executor rather than a JDK
 * scheduled thread pool. Every command and store completion is a task for this thread, and the JDK
 * pool puts each one, delayed or not, through a locked priority heap; the Netty executor queues
 * immediate tasks apart from timed ones, which profiling showed saves a tenth of the broker thread's
 * time under load.
 */
public final class BrokerThreads {

    private static final long TERMINATION_TIMEOUT_SECONDS = 10L;

    private final EventExecutorGroup brokerGroup;
    private final EventExecutor broker;
    private final ExecutorService offsetFlush = Executors.newSingleThreadExecutor(named("cairn-broker-offset-flush"));

    /** Creates both executors; each starts its thread on its first task. */
    public BrokerThreads() {
        this(new DefaultEventExecutorGroup(1, named("cairn-broker")));
    }

    /**
     * Runs the broker thread on the caller's group, which this object shuts down at {@link #close}.
     *
     * @param brokerGroup a group of exactly one executor
     * @throws IllegalArgumentException when the group has more than one executor
     */
    public BrokerThreads(EventExecutorGroup brokerGroup) {
        this.brokerGroup = Objects.requireNonNull(brokerGroup, "brokerGroup");
        Iterator<EventExecutor> executors = brokerGroup.iterator();
        this.broker = executors.next();
        if (executors.hasNext()) {
            throw new IllegalArgumentException("the broker thread's group must have one executor");
        }
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
        brokerGroup.shutdownGracefully(0L, TERMINATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        lastTask.join();
        offsetFlush.shutdown();
        try {
            brokerGroup.awaitTermination(TERMINATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
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
