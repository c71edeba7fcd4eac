package org.cairnmq.client.session;

import java.util.concurrent.TimeUnit;

/**
 * The send window of one session on one protocol connection: how many body bytes of its
 * SEND_UNANSWERED frames may be on their way to the broker, not yet handed back by a SEND_CREDIT or a
 * SEND_FAILED. A full window makes the session's next unanswered send wait, so a broker that holds
 * sends (its disk above the high-water mark) or falls behind slows its producers instead of buffering
 * without bound. A closing session waits for the window to be whole ({@link #awaitWhole}).
 *
 * <p>Design note: the broker hands back bytes, not messages, as Artemis' producer credits do; a
 * record larger than the whole window may go when the window is whole (so it may run below zero for
 * a moment). One window per session (as Artemis keeps credits per producer) means a send waits on
 * its own session's monitor only, never behind the other sessions of a busy connection. A lost
 * connection closes its windows: waiting sends return at once, and the windows of the next connection
 * start whole.
 *
 * <p>Thread safety: any thread; senders wait on the window's monitor.
 */
public final class SendWindow {

    private final int capacityBytes;
    private long availableBytes;
    private boolean closed;

    /**
     * @param capacityBytes the window, positive
     */
    public SendWindow(final int capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("a send window must be positive, not " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
        this.availableBytes = capacityBytes;
    }

    /**
     * Takes room for one send, waiting while the window is too full.
     *
     * @param bytes the send's body length
     * @param timeoutMs how long to wait at most
     * @return {@code false} when the window is closed (its connection was lost): nothing was taken
     * @throws InterruptedException if interrupted while waiting
     * @throws WindowTimeoutException if no room was handed back in time
     */
    public synchronized boolean acquire(final int bytes, final long timeoutMs) throws InterruptedException {
        final long needed = Math.min(bytes, capacityBytes);
        if (!closed && availableBytes < needed) {
            final long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (!closed && availableBytes < needed) {
                final long remainingNanos = deadlineNanos - System.nanoTime();
                if (remainingNanos <= 0) {
                    throw new WindowTimeoutException(capacityBytes - availableBytes, timeoutMs);
                }
                TimeUnit.NANOSECONDS.timedWait(this, remainingNanos);
            }
        }
        if (closed) {
            return false;
        }
        availableBytes -= bytes;
        return true;
    }

    /**
     * Hands bytes back: the broker handled the sends they belong to.
     *
     * @param bytes the bytes
     */
    public synchronized void release(final int bytes) {
        availableBytes += bytes;
        notifyAll();
    }

    /**
     * Waits until the broker has handed back every byte: it handled every send made through this
     * window, and reported each failure before handing its bytes back.
     *
     * @param timeoutMs how long to wait at most
     * @return whether the window is whole (or closed) now
     * @throws InterruptedException if interrupted while waiting
     */
    public synchronized boolean awaitWhole(final long timeoutMs) throws InterruptedException {
        final long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!closed && availableBytes < capacityBytes) {
            final long remainingNanos = deadlineNanos - System.nanoTime();
            if (remainingNanos <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remainingNanos);
        }
        return true;
    }

    /** Closes the window when its connection is gone; waiting senders return. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Thrown when a full window got no room back within the wait allowed. */
    public static final class WindowTimeoutException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        WindowTimeoutException(final long outstandingBytes, final long timeoutMs) {
            super("CAIRN-C010 The broker handed back no room in the send window (" + outstandingBytes
                + " bytes of unanswered sends outstanding) within " + timeoutMs + " ms");
        }
    }
}
