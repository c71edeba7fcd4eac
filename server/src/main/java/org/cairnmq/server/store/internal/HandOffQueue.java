package org.cairnmq.server.store.internal;

import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The hand-off from any number of producers to one store thread that parks when idle: the appender
 * takes its tasks from one, the group-commit thread its written batches from another.
 *
 * <p>Design note: the queue is a lock-free {@link ConcurrentLinkedQueue}; an idle consumer spins
 * briefly, then publishes that it is about to park and parks, and a producer unparks it only when it
 * saw that flag (the flag is set before the queue's last check and read after the offer, so no
 * wake-up is lost). A busy consumer therefore costs producers no lock and no system call; a
 * {@code LinkedBlockingQueue} took two locks per hand-off and signalled its condition (a futex call)
 * on every empty-to-non-empty transition, which group commit with waiting appenders hits per batch.
 *
 * @param <T> the items handed off
 */
final class HandOffQueue<T> {

    private static final int IDLE_SPINS = 64;

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final long idleParkNs;
    private volatile boolean parking;
    private volatile Thread consumer;

    /**
     * @param idleParkNs the longest park of an idle consumer before it returns empty-handed
     */
    HandOffQueue(long idleParkNs) {
        this.idleParkNs = idleParkNs;
    }

    /**
     * Makes the calling thread the one that {@link #offer} wakes; the consumer, before it first waits.
     */
    void bindConsumer() {
        consumer = Thread.currentThread();
    }

    /**
     * Queues an item and wakes the consumer if it is parked; any thread.
     *
     * @param item the item
     */
    void offer(T item) {
        queue.offer(item);
        if (parking) {
            LockSupport.unpark(consumer);
        }
    }

    /**
     * Spins briefly, then parks until an item is queued or the park times out; the consumer only.
     *
     * @return whether an item is queued
     */
    boolean awaitItem() {
        for (int i = 0; i < IDLE_SPINS; i++) {
            Thread.onSpinWait();
            if (!queue.isEmpty()) {
                return true;
            }
        }
        parking = true;
        if (queue.isEmpty()) {
            LockSupport.parkNanos(this, idleParkNs);
        }
        parking = false;
        return !queue.isEmpty();
    }

    /**
     * @return whether nothing is queued
     */
    boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * @return the oldest item, removed, or null
     */
    T poll() {
        return queue.poll();
    }

    /**
     * Moves up to {@code max} of the oldest items into {@code into}, in order.
     *
     * @param into where they go
     * @param max the most to move
     * @return how many were moved
     */
    int drainTo(Collection<? super T> into, int max) {
        int drained = 0;
        T item;
        while (drained < max && (item = queue.poll()) != null) {
            into.add(item);
            drained++;
        }
        return drained;
    }
}
