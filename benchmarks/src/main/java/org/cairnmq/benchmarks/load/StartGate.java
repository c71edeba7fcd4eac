package org.cairnmq.benchmarks.load;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lines workers up so the timed phase starts only after every worker has its connection,
 * session and producer or consumer.
 *
 * <p>Each worker calls {@link #arrive()} once set up and then {@link #awaitOpen()}; the
 * coordinating thread waits for arrivals and then calls {@link #open()}.
 */
public final class StartGate {

    private final CountDownLatch arrivals;
    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile long openedAtNanos;

    /** A gate for {@code workers} workers. */
    public StartGate(int workers) {
        this.arrivals = new CountDownLatch(workers);
    }

    /** Called by a worker once it is set up. */
    public void arrive() {
        arrivals.countDown();
    }

    /** Waits up to {@code timeoutNanos} for every worker to arrive; true when all did. */
    public boolean awaitArrivals(long timeoutNanos) {
        try {
            return arrivals.await(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadToolException("interrupted while waiting for workers to set up", e);
        }
    }

    /** Opens the gate and returns the nanoTime at which it opened: the start of the timed phase. */
    public long open() {
        openedAtNanos = System.nanoTime();
        opened.countDown();
        return openedAtNanos;
    }

    /** Called by a worker; returns once the gate is open. */
    public void awaitOpen() {
        try {
            opened.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadToolException("interrupted while waiting for the start gate", e);
        }
    }

    /** The nanoTime at which the gate opened; valid after {@link #awaitOpen()} returned. */
    public long openedAtNanos() {
        return openedAtNanos;
    }
}
