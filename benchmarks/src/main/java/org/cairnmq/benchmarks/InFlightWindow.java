package org.cairnmq.benchmarks;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A sliding window of in-flight asynchronous operations: adding one when the window is full first
 * waits for the oldest. The producer thus keeps the store busy without stopping, unlike a window
 * that waits for all of its operations before starting the next (each stop idles the store's
 * writer while the producer refills, which a benchmark would count against the store).
 *
 * @param <T> the operations' result
 */
final class InFlightWindow<T> {

    private final ArrayDeque<CompletableFuture<T>> inFlight;
    private final int size;
    private final Consumer<T> check;

    /**
     * @param size how many operations may be in flight
     * @param check called with each result as it is waited for (throws on a failed one)
     */
    InFlightWindow(int size, Consumer<T> check) {
        this.size = size;
        this.check = check;
        this.inFlight = new ArrayDeque<>(size);
    }

    /**
     * Adds an operation, first waiting for the oldest one when the window is full.
     *
     * @param operation the operation just started
     * @return the operation
     */
    CompletableFuture<T> add(CompletableFuture<T> operation) {
        if (inFlight.size() == size) {
            check.accept(inFlight.poll().join());
        }
        inFlight.add(operation);
        return operation;
    }

    /** Waits for every operation in flight. */
    void drain() {
        CompletableFuture<T> operation;
        while ((operation = inFlight.poll()) != null) {
            check.accept(operation.join());
        }
    }
}
