package org.cairnmq.server.store.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;

import org.cairnmq.server.store.StoreException;

/**
 * Futures waiting for the dispatch thread to pass a CommitLog offset: the read-your-writes hand-off
 * between an append and the read path.
 *
 * <p>A waiter for offset {@code o} completes once the dispatched offset is above {@code o}, that
 * is once the record starting at {@code o} is in its ConsumeQueue and readable.
 *
 * <p>Owning threads: any thread {@link #await}s; the dispatch thread calls {@link #completeBelow}
 * after each batch and {@link #failAll} once it stopped.
 *
 * <p>Design note: waiters sit in a skip list keyed by offset, one shared future per offset, so the
 * dispatch thread completes a batch's waiters by walking the head of the map, and an idle check is
 * one {@code isEmpty}. A registrant re-reads the dispatched offset after inserting, so a batch that
 * finished between its first check and its insert cannot strand it. Callers receive a
 * {@link CompletableFuture#copy()}, so one caller completing its future cannot complete another's.
 */
public final class DispatchWaiters {

    private final ConcurrentSkipListMap<Long, CompletableFuture<Void>> waiters = new ConcurrentSkipListMap<>();
    private final LongSupplier dispatchedOffset;
    private volatile boolean closed;

    /**
     * @param dispatchedOffset the offset below which every record was dispatched
     */
    public DispatchWaiters(LongSupplier dispatchedOffset) {
        this.dispatchedOffset = dispatchedOffset;
    }

    /**
     * @param commitLogOffset where a record starts
     * @return completes (normally, with null) once that record was dispatched, at once if it already
     *     was; exceptionally with a {@link StoreException} of category STATE if dispatch stopped first
     */
    public CompletableFuture<Void> await(long commitLogOffset) {
        if (dispatchedOffset.getAsLong() > commitLogOffset) {
            return CompletableFuture.completedFuture(null);
        }
        if (closed) {
            return CompletableFuture.failedFuture(stopped(commitLogOffset));
        }
        CompletableFuture<Void> shared = waiters.computeIfAbsent(commitLogOffset, o -> new CompletableFuture<>());
        if (dispatchedOffset.getAsLong() > commitLogOffset) {
            waiters.remove(commitLogOffset, shared);
            shared.complete(null);
        } else if (closed) {
            waiters.remove(commitLogOffset, shared);
            shared.completeExceptionally(stopped(commitLogOffset));
        }
        return shared.copy();
    }

    /**
     * Completes every waiter whose record starts below {@code dispatched}; the dispatch thread.
     *
     * @param dispatched the new dispatched offset
     */
    public void completeBelow(long dispatched) {
        if (waiters.isEmpty()) {
            return;
        }
        ConcurrentNavigableMap<Long, CompletableFuture<Void>> due = waiters.headMap(dispatched, false);
        Map.Entry<Long, CompletableFuture<Void>> entry;
        while ((entry = due.pollFirstEntry()) != null) {
            entry.getValue().complete(null);
        }
    }

    /**
     * Fails every remaining waiter and every later one; once dispatch has stopped.
     */
    public void failAll() {
        closed = true;
        Map.Entry<Long, CompletableFuture<Void>> entry;
        while ((entry = waiters.pollFirstEntry()) != null) {
            entry.getValue().completeExceptionally(stopped(entry.getKey()));
        }
    }

    private static StoreException stopped(long commitLogOffset) {
        return new StoreException(StoreException.Category.STATE,
                "the store stopped dispatching before the record at " + commitLogOffset);
    }
}
