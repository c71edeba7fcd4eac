package org.cairnmq.ra.support;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container's side of the adapter's start in a test: a work manager that runs work on a thread
 * pool, and timers.
 */
public final class TestBootstrapContext implements BootstrapContext, WorkManager, AutoCloseable {

    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final AtomicInteger scheduled = new AtomicInteger();

    @Override
    public WorkManager getWorkManager() {
        return this;
    }

    @Override
    public XATerminator getXATerminator() {
        return null;
    }

    @Override
    public Timer createTimer() {
        return new Timer("test-bootstrap-timer", true);
    }

    @Override
    public boolean isContextSupported(final Class<? extends WorkContext> workContextClass) {
        return false;
    }

    @Override
    public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
        return null;
    }

    /** @return how many works were scheduled so far */
    public int scheduledWorks() {
        return scheduled.get();
    }

    @Override
    public void doWork(final Work work) throws WorkException {
        work.run();
    }

    @Override
    public void doWork(final Work work, final long startTimeout, final ExecutionContext context,
                       final WorkListener listener) throws WorkException {
        work.run();
    }

    @Override
    public long startWork(final Work work) throws WorkException {
        scheduleWork(work);
        return 0;
    }

    @Override
    public long startWork(final Work work, final long startTimeout, final ExecutionContext context,
                          final WorkListener listener) throws WorkException {
        scheduleWork(work);
        return 0;
    }

    @Override
    public void scheduleWork(final Work work) throws WorkException {
        try {
            threads.execute(work);
            scheduled.incrementAndGet();
        } catch (final RejectedExecutionException stopped) {
            throw new WorkRejectedException(stopped);
        }
    }

    @Override
    public void scheduleWork(final Work work, final long startTimeout, final ExecutionContext context,
                             final WorkListener listener) throws WorkException {
        scheduleWork(work);
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
