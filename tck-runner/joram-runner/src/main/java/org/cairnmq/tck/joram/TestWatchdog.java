package org.cairnmq.tck.joram;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds one Joram test: armed in the suite's {@code setUp}, disarmed in its {@code tearDown}; if the
 * test is still running after {@code timeoutMs}, prints every thread's stack to standard error and
 * interrupts the test's thread.
 *
 * <p>Design note: the suite is JUnit 3 run by the vintage engine, which has no per-test timeout
 * (Jupiter's {@code junit.jupiter.execution.timeout.default} does not apply to it). A provider bug in
 * a blocking {@code receive()} would otherwise hang the run until Failsafe kills the whole fork and
 * every later result is lost. An interrupted receive returns or throws, so the test fails alone and
 * the dump says where it was stuck. Failsafe's {@code forkedProcessTimeoutInSeconds} remains the outer
 * bound for a thread that ignores the interrupt.
 *
 * <p>Thread safety: {@link #arm()} and {@link #disarm()} are called by the test's thread; the timer
 * runs on one daemon thread shared by every watchdog.
 */
final class TestWatchdog {

    /** The system property holding the per-test bound in milliseconds. */
    static final String TIMEOUT_PROPERTY = "cairn.joram.testTimeoutMs";

    private static final long DEFAULT_TIMEOUT_MS = 60_000L;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        final Thread thread = new Thread(task, "cairn-joram-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final long timeoutMs;
    private ScheduledFuture<?> pending;

    /**
     * Creates a disarmed watchdog.
     *
     * @param timeoutMs how long a test may run
     */
    TestWatchdog(final long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /**
     * Creates a disarmed watchdog with the bound of the {@value #TIMEOUT_PROPERTY} system property.
     *
     * @return the watchdog
     */
    static TestWatchdog fromSystemProperty() {
        return new TestWatchdog(Long.getLong(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_MS));
    }

    /** Starts the clock for the calling thread's test; re-arming restarts it. */
    void arm() {
        disarm();
        final Thread testThread = Thread.currentThread();
        pending = TIMER.schedule(() -> expire(testThread), timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Stops the clock; does nothing when not armed. */
    void disarm() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void expire(final Thread testThread) {
        final StringBuilder dump = new StringBuilder("CAIRN-T002 A Joram test ran longer than ")
            .append(timeoutMs).append(" ms; interrupting ").append(testThread.getName())
            .append(". Threads:\n");
        for (final Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            dump.append('"').append(entry.getKey().getName()).append("\" ").append(entry.getKey().getState())
                .append('\n');
            for (final StackTraceElement frame : entry.getValue()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        System.err.print(dump);
        testThread.interrupt();
    }
}
