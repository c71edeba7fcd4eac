package org.cairnmq.jms.connection;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.cairnmq.client.session.Delivery;

/**
 * The deliveries a consumer has prefetched and not yet given to the application, in arrival order.
 *
 * <p>Thread safety: the connection's event loop adds, the receiving thread (or the session's listener
 * thread) takes; both under this object's monitor.
 */
final class PrefetchBuffer {

    private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();
    private boolean closed;
    private long wakeUps;

    /** Adds a delivery at the end; ignored once closed. */
    synchronized boolean add(final Delivery delivery) {
        if (closed) {
            return false;
        }
        deliveries.addLast(delivery);
        notifyAll();
        return true;
    }

    /** Puts back a delivery that was taken but not given to the application. */
    synchronized void putBack(final Delivery delivery) {
        deliveries.addFirst(delivery);
    }

    /** Takes the first delivery, or null when there is none. */
    synchronized Delivery pollNow() {
        return deliveries.pollFirst();
    }

    /**
     * Takes the first delivery, waiting up to a timeout for one.
     *
     * @param timeoutNanos how long to wait
     * @return the delivery, or null on timeout, close or {@link #wakeUp()}
     */
    synchronized Delivery poll(final long timeoutNanos) {
        final long deadlineNanos = System.nanoTime() + timeoutNanos;
        final long wakeUpsAtStart = wakeUps;
        while (deliveries.isEmpty() && !closed && wakeUps == wakeUpsAtStart) {
            final long remainingNanos = deadlineNanos - System.nanoTime();
            if (remainingNanos <= 0) {
                return null;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, remainingNanos);
            } catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return deliveries.pollFirst();
    }

    /**
     * Waits up to a timeout until a delivery is waiting, without taking it.
     *
     * @param timeoutNanos how long to wait
     * @return whether a delivery is waiting (false on timeout, close or {@link #wakeUp()})
     */
    synchronized boolean awaitNotEmpty(final long timeoutNanos) {
        final long deadlineNanos = System.nanoTime() + timeoutNanos;
        final long wakeUpsAtStart = wakeUps;
        while (deliveries.isEmpty() && !closed && wakeUps == wakeUpsAtStart) {
            final long remainingNanos = deadlineNanos - System.nanoTime();
            if (remainingNanos <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, remainingNanos);
            } catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !deliveries.isEmpty();
    }

    /** Wakes the threads waiting in {@link #poll(long)} so they check their state again. */
    synchronized void wakeUp() {
        wakeUps++;
        notifyAll();
    }

    /** Whether there is nothing to take. */
    synchronized boolean isEmpty() {
        return deliveries.isEmpty();
    }

    /**
     * Removes every delivery.
     *
     * @return their delivery ids, in order
     */
    synchronized long[] drainIds() {
        final long[] ids = new long[deliveries.size()];
        int i = 0;
        for (final Delivery delivery : deliveries) {
            ids[i++] = delivery.deliveryId();
        }
        deliveries.clear();
        return ids;
    }

    /**
     * Removes the deliveries whose id is at most the given one.
     *
     * @param highestDeliveryId the highest id to remove
     * @return how many were removed
     */
    synchronized int drainUpTo(final long highestDeliveryId) {
        final int before = deliveries.size();
        deliveries.removeIf(delivery -> delivery.deliveryId() <= highestDeliveryId);
        return before - deliveries.size();
    }

    /** Refuses further deliveries and wakes the waiting threads. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
