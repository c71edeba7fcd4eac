package org.cairnmq.client.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link SendWindow}s of one protocol connection, one per session that sent on it without an
 * answer, made on the session's first such send. Closed with the connection: a window asked for
 * after that is closed from the start.
 *
 * <p>Thread safety: any thread.
 */
final class SendWindows {

    private final int capacityBytes;
    private final Map<Long, SendWindow> bySession = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param capacityBytes the window of each session, positive
     */
    SendWindows(final int capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** The window of a session, made whole on first use. */
    SendWindow of(final long sessionId) {
        final SendWindow existing = bySession.get(sessionId);
        if (existing != null) {
            return existing;
        }
        final SendWindow window = bySession.computeIfAbsent(sessionId, id -> new SendWindow(capacityBytes));
        if (closed) {
            window.close();
        }
        return window;
    }

    /** Hands bytes back to a session's window; bytes of a session that has forgotten its window are dropped. */
    void release(final long sessionId, final int bytes) {
        final SendWindow window = bySession.get(sessionId);
        if (window != null) {
            window.release(bytes);
        }
    }

    /**
     * Waits until a session's window is whole, then forgets it (the session is closing).
     *
     * @return whether it was whole (or closed) in time
     */
    boolean awaitWholeAndForget(final long sessionId, final long timeoutMs) throws InterruptedException {
        final SendWindow window = bySession.get(sessionId);
        if (window == null) {
            return true;
        }
        final boolean whole = window.awaitWhole(timeoutMs);
        bySession.remove(sessionId, window);
        return whole;
    }

    /** Closes every window: the connection is gone. */
    void close() {
        closed = true;
        bySession.values().forEach(SendWindow::close);
    }
}
