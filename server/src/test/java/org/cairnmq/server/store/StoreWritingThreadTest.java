package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.server.store.StoreTestSupport.bytes;
import static org.cairnmq.server.store.StoreTestSupport.payload;
import static org.cairnmq.server.store.StoreTestSupport.request;
import static org.cairnmq.server.store.StoreTestSupport.smallConfig;
import static org.cairnmq.server.store.StoreTestSupport.withDurability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which thread writes and dispatches: on an idle store, an append that needs no force is written and
 * dispatched by its caller (no hand-off to the store's threads); an append that needs a force never
 * is; and one caller's appends keep their order whichever thread writes them.
 */
@Timeout(60)
class StoreWritingThreadTest {

    private static final int ATTEMPTS = 50;

    @TempDir
    Path directory;

    @Test
    void shouldWriteAndDispatchANonDurableAppendOnTheCallersThreadWhenTheStoreIsIdle() throws Exception {
        assertWrittenOnTheCallersThread(FlushMode.SYNC, false);
    }

    @Test
    void shouldWriteAndDispatchAnyAppendOnTheCallersThreadWhenAnAsyncStoreIsIdle() throws Exception {
        assertWrittenOnTheCallersThread(FlushMode.ASYNC, true);
    }

    @Test
    void shouldNeverForceOnTheCallersThread() throws Exception {
        Map<Long, String> dispatchThreads = new ConcurrentHashMap<>();
        try (MessageStore store = new MessageStore(smallConfig(directory).withFlushMode(FlushMode.SYNC))) {
            store.addDispatcher(request -> dispatchThreads.put(request.commitLogOffset(), threadName()));
            store.start();
            for (int i = 0; i < 10; i++) {
                TimeUnit.MILLISECONDS.sleep(2);
                AppendResult result = store.appendVisible(request("orders", 0, i)).get(10, TimeUnit.SECONDS);
                assertThat(result.isOk()).isTrue();
                assertThat(dispatchThreads.get(result.commitLogOffset())).isNotEqualTo(threadName());
            }
        }
    }

    @Test
    void shouldKeepOneCallersOrderWhicheverThreadWrites() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory).withFlushMode(FlushMode.SYNC))) {
            store.start();
            List<CompletableFuture<AppendResult>> appends = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                if (i % 10 == 0) {
                    TimeUnit.MILLISECONDS.sleep(1);
                }
                boolean durable = i % 3 == 0;
                appends.add(store.appendVisible(withDurability(request("mixed", 2, i), durable)));
            }
            for (int i = 0; i < appends.size(); i++) {
                AppendResult result = appends.get(i).get(10, TimeUnit.SECONDS);
                assertThat(result.queueOffset()).as("queue offset of append %d", i).isEqualTo(i);
                GetResult read = store.read("mixed", 2, i, 1);
                assertThat(bytes(read.records().get(0).payload())).isEqualTo(payload("mixed", 2, i));
            }
        }
    }

    /**
     * Appends after short idle pauses until one append is done when the call returns and was
     * dispatched on the caller's thread. Each attempt can lose a race with the store's own threads
     * (the dispatch thread's periodic work holds the lock for a moment), so a few are allowed.
     */
    private void assertWrittenOnTheCallersThread(FlushMode mode, boolean durable) throws Exception {
        Map<Long, String> dispatchThreads = new ConcurrentHashMap<>();
        try (MessageStore store = new MessageStore(smallConfig(directory).withFlushMode(mode))) {
            store.addDispatcher(request -> dispatchThreads.put(request.commitLogOffset(), threadName()));
            store.start();
            long forcesBefore = store.commitLogForceCount();
            boolean onCaller = false;
            for (int i = 0; i < ATTEMPTS && !onCaller; i++) {
                TimeUnit.MILLISECONDS.sleep(2);
                CompletableFuture<AppendResult> append = store.appendVisible(
                        withDurability(request("orders", 1, i), durable));
                boolean doneOnReturn = append.isDone();
                AppendResult result = append.get(10, TimeUnit.SECONDS);
                assertThat(result.isOk()).isTrue();
                assertThat(store.read("orders", 1, result.queueOffset(), 1).status()).isEqualTo(GetStatus.FOUND);
                onCaller = doneOnReturn && threadName().equals(dispatchThreads.get(result.commitLogOffset()));
            }
            assertThat(onCaller).as("an append on an idle store written and dispatched by its caller").isTrue();
            if (mode == FlushMode.SYNC) {
                assertThat(store.commitLogForceCount()).isEqualTo(forcesBefore);
            }
        }
    }

    private static String threadName() {
        return Thread.currentThread().getName();
    }
}
