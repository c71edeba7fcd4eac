package org.cairnmq.server.broker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Hands the facade's work to the broker thread and answers through futures: a task that throws
 * completes its future exceptionally, and once the broker is closed every task is refused with
 * {@link BrokerErrors#closed()}. Owning thread: any.
 */
final class BrokerTasks {

    private volatile Executor brokerThread;
    private volatile boolean closed;

    /** @param executor the broker thread, from now on */
    void open(Executor executor) {
        this.brokerThread = executor;
    }

    /** Refuses every task from now on. */
    void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    CompletableFuture<Void> run(Runnable action) {
        return call(() -> {
            action.run();
            return null;
        });
    }

    <T> CompletableFuture<T> call(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        submit(() -> result.complete(action.get()), result);
        return result;
    }

    /**
     * @param action the work, run on the broker thread
     * @param result the future the work completes, failed here if the work cannot run or throws
     * @return whether the work was handed over
     */
    boolean submit(Runnable action, CompletableFuture<?> result) {
        Executor executor = brokerThread;
        if (closed || executor == null) {
            result.completeExceptionally(BrokerErrors.closed());
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(BrokerErrors.closed());
            return false;
        }
    }
}
