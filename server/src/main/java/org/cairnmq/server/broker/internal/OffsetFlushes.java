package org.cairnmq.server.broker.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.cairnmq.server.store.ConsumerOffsetStore;

/**
 * Forces the consumer offset store on the flush thread for whoever needs its acknowledgements
 * durable, one force for every request made before it starts.
 *
 * <p>Owning thread: the broker thread calls {@link #request()}; the flushes run on the flush thread.
 *
 * <p>Design note: an AUTO_ACKNOWLEDGE consumer sends one ACK per message, and each used to queue a
 * flush task of its own: a wake-up of the flush thread and a future per message, most of them
 * forcing nothing new because the first had already forced it. A request now joins the flush that
 * is queued and not yet started; that flush covers it, since the broker thread applied the
 * acknowledgement before asking. The hand-over is under the flush's monitor, so the flush thread
 * sees every acknowledgement applied before a request that joined it.
 */
final class OffsetFlushes {

    private final ConsumerOffsetStore offsets;
    private final Executor flushExecutor;
    private Flush queued;

    /**
     * @param offsets the store to force
     * @param flushExecutor the flush thread
     */
    OffsetFlushes(ConsumerOffsetStore offsets, Executor flushExecutor) {
        this.offsets = offsets;
        this.flushExecutor = flushExecutor;
    }

    /** @return completes on the flush thread once every acknowledgement applied so far is durable */
    CompletableFuture<Void> request() {
        Flush flush = queued;
        if (flush == null || !flush.join()) {
            flush = new Flush();
            queued = flush;
            flushExecutor.execute(flush);
        }
        return flush.done;
    }

    /** One force, and the requests that joined it before it started. */
    private final class Flush implements Runnable {

        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private boolean started;

        synchronized boolean join() {
            return !started;
        }

        @Override
        public void run() {
            synchronized (this) {
                started = true;
            }
            try {
                offsets.flush();
                done.complete(null);
            } catch (RuntimeException | Error failure) {
                done.completeExceptionally(failure);
            }
        }
    }
}
