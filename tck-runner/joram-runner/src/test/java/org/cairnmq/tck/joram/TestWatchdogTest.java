package org.cairnmq.tck.joram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-test bound of the Joram run: a test that outlives it is interrupted, a finished one is not. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TestWatchdogTest {

    private static final long SHORT_TIMEOUT_MS = 50L;
    private static final long WAIT_PAST_TIMEOUT_MS = 500L;

    private final CountDownLatch neverReleased = new CountDownLatch(1);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void shouldInterruptTheTestThreadWhenTheTestOutlivesItsBound() {
        final TestWatchdog watchdog = new TestWatchdog(SHORT_TIMEOUT_MS);
        watchdog.arm();

        assertThatThrownBy(() -> neverReleased.await(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        watchdog.disarm();
    }

    @Test
    void shouldLeaveTheTestThreadAloneOnceDisarmed() throws InterruptedException {
        final TestWatchdog watchdog = new TestWatchdog(SHORT_TIMEOUT_MS);
        watchdog.arm();
        watchdog.disarm();

        final boolean released = neverReleased.await(WAIT_PAST_TIMEOUT_MS, TimeUnit.MILLISECONDS);

        assertThat(released).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void shouldRestartTheClockWhenArmedAgain() throws InterruptedException {
        final TestWatchdog watchdog = new TestWatchdog(WAIT_PAST_TIMEOUT_MS * 4);
        watchdog.arm();
        watchdog.arm();
        watchdog.disarm();

        final boolean released = neverReleased.await(WAIT_PAST_TIMEOUT_MS, TimeUnit.MILLISECONDS);

        assertThat(released).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
