package org.cairnmq.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a list of workers, one daemon thread each, behind one {@link StartGate}.
 *
 * <p>Owned by the coordinating thread. Daemon threads mean a worker stuck in a blocking JMS call
 * cannot keep the JVM alive once the tool has given up on it.
 */
public final class WorkerGroup implements AutoCloseable {

    private static final long ARRIVAL_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final String name;
    private final StartGate gate;
    private final ExecutorService executor;
    private final List<Future<WorkerOutcome>> futures = new ArrayList<>();

    private WorkerGroup(String name, StartGate gate, int size) {
        this.name = name;
        this.gate = gate;
        AtomicInteger threadIndex = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(size, runnable -> {
            Thread thread = new Thread(runnable, "jms-load-" + name + "-" + threadIndex.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Submits every worker; they set up and then wait at {@code gate}. */
    public static WorkerGroup launch(String name, StartGate gate, List<? extends Callable<WorkerOutcome>> workers) {
        WorkerGroup group = new WorkerGroup(name, gate, workers.size());
        for (Callable<WorkerOutcome> worker : workers) {
            group.futures.add(group.executor.submit(worker));
        }
        return group;
    }

    /**
     * Waits, bounded by {@code deadline}, until every worker is set up. A worker that fails while
     * setting up makes this throw its failure instead of waiting out the deadline.
     */
    public void awaitReady(Deadline deadline) {
        while (!gate.awaitArrivals(Math.min(ARRIVAL_POLL_NANOS, deadline.remainingNanos()))) {
            for (Future<WorkerOutcome> future : futures) {
                if (future.isDone()) {
                    outcomeOf(future, deadline);
                    throw new LoadToolException(name + " worker finished before the start gate opened");
                }
            }
            if (deadline.expired()) {
                throw new LoadToolException(name + " workers not set up before the deadline");
            }
        }
    }

    /** Opens the gate; returns the start of the timed phase in nanoTime. */
    public long open() {
        return gate.open();
    }

    /** Waits, bounded by {@code deadline}, for every worker and returns their outcomes in order. */
    public List<WorkerOutcome> join(Deadline deadline) {
        List<WorkerOutcome> outcomes = new ArrayList<>(futures.size());
        for (Future<WorkerOutcome> future : futures) {
            outcomes.add(outcomeOf(future, deadline));
        }
        return outcomes;
    }

    private WorkerOutcome outcomeOf(Future<WorkerOutcome> future, Deadline deadline) {
        try {
            return future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadToolException("interrupted while waiting for " + name + " workers", e);
        } catch (ExecutionException e) {
            throw new LoadToolException(name + " worker failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new LoadToolException(name + " worker still running past its deadline", e);
        }
    }

    /** Interrupts any worker still running and releases the threads. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Sum of the messages of all outcomes. */
    public static long totalMessages(List<WorkerOutcome> outcomes) {
        return outcomes.stream().mapToLong(WorkerOutcome::messages).sum();
    }

    /** Latest {@link WorkerOutcome#lastMessageNanos()} of all outcomes, or {@code fallbackNanos}. */
    public static long lastMessageNanos(List<WorkerOutcome> outcomes, long fallbackNanos) {
        return outcomes.stream().mapToLong(WorkerOutcome::lastMessageNanos).max().orElse(fallbackNanos);
    }
}
