package org.cairnmq.tck.conformance;

import jakarta.jms.CompletionListener;
import jakarta.jms.Message;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A completion listener that records what it is called with and on which thread, and can run an
 * action inside the callback (to check what a callback may not do).
 */
final class RecordingCompletionListener implements CompletionListener {

    private final List<Message> completed = new CopyOnWriteArrayList<>();
    private final List<Exception> failures = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Throwable> actionOutcomes = new CopyOnWriteArrayList<>();
    private final CountDownLatch calls;
    private volatile ThrowingAction action = () -> { };

    RecordingCompletionListener(final int expectedCalls) {
        this.calls = new CountDownLatch(expectedCalls);
    }

    /**
     * Makes every onCompletion run an action first and record what it threw, or a
     * {@link NoExceptionMarker} if it threw nothing.
     *
     * @param inCallback what to run
     * @return this
     */
    RecordingCompletionListener runningInCallback(final ThrowingAction inCallback) {
        this.action = inCallback;
        return this;
    }

    @Override
    public void onCompletion(final Message message) {
        threads.add(Thread.currentThread());
        try {
            action.run();
            actionOutcomes.add(new NoExceptionMarker());
        } catch (final Exception outcome) {
            actionOutcomes.add(outcome);
        } finally {
            completed.add(message);
            calls.countDown();
        }
    }

    @Override
    public void onException(final Message message, final Exception exception) {
        threads.add(Thread.currentThread());
        failures.add(exception);
        calls.countDown();
    }

    boolean await() throws InterruptedException {
        return calls.await(Conformance.RECEIVE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    boolean awaitBriefly() throws InterruptedException {
        return calls.await(Conformance.ABSENT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    long pendingCalls() {
        return calls.getCount();
    }

    List<Message> completed() {
        return completed;
    }

    List<Exception> failures() {
        return failures;
    }

    List<Thread> threads() {
        return threads;
    }

    List<Throwable> actionOutcomes() {
        return actionOutcomes;
    }

    /** Something run inside a callback. */
    interface ThrowingAction {
        void run() throws Exception;
    }

    /** Recorded when the action threw nothing. */
    static final class NoExceptionMarker extends Throwable {
        private static final long serialVersionUID = 1L;

        NoExceptionMarker() {
            super("the action threw nothing", null, false, false);
        }
    }
}
