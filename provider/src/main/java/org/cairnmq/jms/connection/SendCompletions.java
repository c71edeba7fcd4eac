package org.cairnmq.jms.connection;

import io.netty.buffer.ByteBuf;
import jakarta.jms.CompletionListener;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cairnmq.jms.message.CairnMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous sends of one session that have not completed: their {@link CompletionListener}s
 * run on a completion thread of the session (a {@link SessionDispatcher} of its own), in the order of
 * the sends, as the specification requires, whatever order the broker answered in.
 *
 * <p>Design note: the completion thread is not the message listener thread, so that a message listener
 * that sends asynchronously and then closes its producer (which waits for the completions) does not
 * wait for callbacks queued behind itself.
 *
 * <p>The specification's rules are kept here: a completion listener must not close, commit or roll
 * back its own session, producer or context ({@link #checkNotInCallback}); closing waits for the
 * outstanding completions ({@link #awaitAll}); and the message belongs to the provider until its
 * completion, so a Cairn message is marked in flight and refuses writes until then.
 *
 * <p>It also keeps the first failure of the session's unanswered sends (synchronous non-persistent
 * sends outside a transaction, which the broker does not answer when they succeed;
 * {@link UnansweredSends}): {@link #onUnansweredFailure} records it and gives it to the connection's
 * {@link ExceptionListener}, and the session's next send or close throws it
 * ({@link #throwUnansweredFailure}). A lost connection is reported by the connection itself.
 *
 * <p>Thread safety: any thread sends; the completion callbacks run on the session thread.
 */
final class SendCompletions {

    private static final Logger LOG = LoggerFactory.getLogger(SendCompletions.class);

    /** Which thread is inside a completion listener of which session. */
    private static final ThreadLocal<SendCompletions> IN_CALLBACK = new ThreadLocal<>();

    private final SessionDispatcher dispatcher;
    private final Object lock = new Object();
    private CompletableFuture<Void> lastEnqueued = CompletableFuture.completedFuture(null);
    private int outstanding;
    private JMSException unansweredFailure;

    SendCompletions(final long sessionId) {
        this.dispatcher = new SessionDispatcher("cairn-session-" + sessionId + "-completions");
    }

    /** Stops the completion thread; call after {@link #awaitAll}. */
    void shutdown() {
        dispatcher.shutdown();
    }

    /**
     * Calls a listener when a send completes.
     *
     * @param response the pending SEND answer
     * @param sent the Cairn message that was encoded, marked in flight until completion
     * @param original the message the application passed, given to the listener
     * @param listener the application's listener
     */
    void track(final CompletableFuture<ByteBuf> response, final CairnMessage sent, final Message original,
               final CompletionListener listener) {
        final CompletableFuture<Void> enqueued = new CompletableFuture<>();
        final CompletableFuture<Void> previous;
        synchronized (lock) {
            outstanding++;
            previous = lastEnqueued;
            lastEnqueued = enqueued;
        }
        sent.setSendInProgress(true);
        response.whenComplete((body, failure) -> {
            if (body != null) {
                body.release();
            }
            // The broker may answer two sends out of order; the callbacks still run in send order,
            // because each is queued only after the one of the send before it.
            previous.whenComplete((ignored, unused) -> {
                if (!dispatcher.execute(() -> complete(sent, original, listener, failure))) {
                    complete(sent, original, listener, failure);
                }
                enqueued.complete(null);
            });
        });
    }

    private void complete(final CairnMessage sent, final Message original, final CompletionListener listener,
                          final Throwable failure) {
        sent.setSendInProgress(false);
        IN_CALLBACK.set(this);
        try {
            if (failure == null) {
                listener.onCompletion(original);
            } else {
                listener.onException(original, Await.toJms(failure));
            }
        } catch (final RuntimeException listenerFailure) {
            LOG.warn("A completion listener threw", listenerFailure);
        } finally {
            IN_CALLBACK.remove();
            synchronized (lock) {
                outstanding--;
                lock.notifyAll();
            }
        }
    }

    /**
     * Records the failure of an unanswered send of this session (the first one is kept until thrown)
     * and gives it to the connection's exception listener on the completion thread.
     *
     * @param failure the failure the broker reported
     * @param connection the connection whose exception listener hears of it
     */
    void onUnansweredFailure(final JMSException failure, final CairnConnection connection) {
        synchronized (lock) {
            if (unansweredFailure == null) {
                unansweredFailure = failure;
            }
        }
        dispatcher.execute(() -> {
            try {
                final ExceptionListener listener = connection.getExceptionListener();
                if (listener != null) {
                    listener.onException(failure);
                }
            } catch (final JMSException | RuntimeException closedOrThrew) {
                LOG.debug("An unanswered send failed and its exception listener could not hear of it: {}",
                    closedOrThrew.toString());
            }
        });
    }

    /**
     * Throws, once, the first failure of an unanswered send the broker reported since the last call.
     *
     * @throws JMSException that failure
     */
    void throwUnansweredFailure() throws JMSException {
        final JMSException failure;
        synchronized (lock) {
            failure = unansweredFailure;
            unansweredFailure = null;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Fails when called from within one of this session's completion listeners.
     *
     * @param operation what the application tried, for the message
     * @throws IllegalStateException if so
     */
    void checkNotInCallback(final String operation) throws IllegalStateException {
        if (IN_CALLBACK.get() == this) {
            throw new IllegalStateException("CAIRN-J058 A CompletionListener must not call " + operation
                + " of its own session, producer or context", "ILLEGAL_STATE");
        }
    }

    /**
     * Waits until every outstanding send has completed and its listener returned.
     *
     * @param timeoutMs how long to wait at most
     * @throws JMSException if they did not complete in time or the thread was interrupted
     */
    void awaitAll(final long timeoutMs) throws JMSException {
        final long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (lock) {
            while (outstanding > 0) {
                waitUntil(deadlineNanos, timeoutMs);
            }
        }
    }

    /** Waits on the lock (held) once, up to a deadline. */
    private void waitUntil(final long deadlineNanos, final long timeoutMs) throws JMSException {
        final long remainingNanos = deadlineNanos - System.nanoTime();
        if (remainingNanos <= 0) {
            throw new JMSException("CAIRN-J059 " + outstanding + " asynchronous send(s) did not complete "
                + "within " + timeoutMs + " ms");
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(lock, remainingNanos);
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new JMSException("CAIRN-J002 Interrupted while waiting for the broker");
        }
    }
}
