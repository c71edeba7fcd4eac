package org.cairnmq.server.store.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.cairnmq.server.store.AppendRequest;
import org.cairnmq.server.store.AppendResult;
import org.cairnmq.server.store.PutStatus;

/**
 * A unit of work handed to the appender: one request, or a batch whose records are written
 * adjacently. The submitting thread creates it; from then on the appender owns it until it
 * completes the future.
 */
public abstract class AppendTask {

    /**
     * @return how many records this task appends
     */
    abstract int size();

    /**
     * @param index 0..size-1
     * @return the request at that index
     */
    abstract AppendRequest request(int index);

    /**
     * Records the outcome of one request; the future completes later, in {@link #complete()}.
     *
     * @param index 0..size-1
     * @param result its outcome
     */
    abstract void result(int index, AppendResult result);

    /**
     * @param index 0..size-1
     * @return the recorded outcome at that index
     */
    abstract AppendResult resultAt(int index);

    /**
     * Completes the future with the recorded results.
     */
    abstract void complete();

    /**
     * Completes the future with the same failure for every request.
     *
     * @param status the failure
     */
    final void fail(PutStatus status) {
        AppendResult failed = AppendResult.failed(status);
        for (int i = 0; i < size(); i++) {
            result(i, failed);
        }
        complete();
    }

    /** One request. */
    public static final class Single extends AppendTask {
        private final AppendRequest request;
        private final CompletableFuture<AppendResult> future = new CompletableFuture<>();
        private AppendResult result;

        /**
         * @param request the request
         */
        public Single(AppendRequest request) {
            this.request = request;
        }

        /**
         * @return the future completed with the outcome
         */
        public CompletableFuture<AppendResult> future() {
            return future;
        }

        @Override
        int size() {
            return 1;
        }

        @Override
        AppendRequest request(int index) {
            return request;
        }

        @Override
        void result(int index, AppendResult value) {
            result = value;
        }

        @Override
        AppendResult resultAt(int index) {
            return result;
        }

        @Override
        void complete() {
            future.complete(result);
        }
    }

    /** Several requests written adjacently, in order, with no other record between them. */
    public static final class Batch extends AppendTask {
        private final AppendRequest[] requests;
        private final AppendResult[] results;
        private final CompletableFuture<List<AppendResult>> future = new CompletableFuture<>();

        /**
         * @param requests the requests, in order
         */
        public Batch(List<AppendRequest> requests) {
            this.requests = requests.toArray(new AppendRequest[0]);
            this.results = new AppendResult[this.requests.length];
        }

        /**
         * @return the future completed with the outcomes, in request order
         */
        public CompletableFuture<List<AppendResult>> future() {
            return future;
        }

        @Override
        int size() {
            return requests.length;
        }

        @Override
        AppendRequest request(int index) {
            return requests[index];
        }

        @Override
        void result(int index, AppendResult value) {
            results[index] = value;
        }

        @Override
        AppendResult resultAt(int index) {
            return results[index];
        }

        @Override
        void complete() {
            future.complete(Arrays.asList(results));
        }
    }
}
