package org.cairnmq.jms.connection;

import io.netty.buffer.ByteBuf;
import jakarta.jms.CompletionListener;
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
 * run on a completion thread of the session (a {@link SessionDispatcher} of its own), in the order the
 * broker answered, which on one broker connection is the order of the sends.
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
 * <p>Thread safety: any thread sends; the completion callbacks run on the session thread.
 */
final class SendCompletions {

    private static final Logger LOG = LoggerFactory.getLogger(SendCompletions.class);

    /** Which thread is inside a completion listener of which session. */
    private static final ThreadLocal<SendCompletions> IN_CALLBACK = new ThreadLocal<>();

    private final SessionDispatcher dispatcher;
    private final Object lock = new Object();
    private int outstanding;

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
        synchronized (lock) {
            outstanding++;
        }
        sent.setSendInProgress(true);
        response.whenComplete((body, failure) -> {
            if (body != null) {
                body.release();
            }
            if (!dispatcher.execute(() -> complete(sent, original, listener, failure))) {
                complete(sent, original, listener, failure);
            }
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
    }
}
