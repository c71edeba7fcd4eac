package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cairnmq.server.store.StoreTestSupport.appendOk;
import static org.cairnmq.server.store.StoreTestSupport.bytes;
import static org.cairnmq.server.store.StoreTestSupport.payload;
import static org.cairnmq.server.store.StoreTestSupport.request;
import static org.cairnmq.server.store.StoreTestSupport.smallConfig;
import static org.cairnmq.server.store.StoreTestSupport.withDurability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Read-your-writes: {@link MessageStore#whenDispatched}, {@link MessageStore#appendVisible} and
 * {@link MessageStore#appendBatchVisible}.
 */
@Timeout(60)
class StoreVisibilityTest {

    private static final int RECORDS = 400;

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(value = FlushMode.class, names = {"SYNC", "ASYNC"})
    void shouldMakeEveryRecordReadableTheInstantWhenDispatchedCompletes(FlushMode mode) throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory).withFlushMode(mode))) {
            store.start();
            List<CompletableFuture<GetResult>> reads = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                AppendResult appended = appendOk(store, request("orders", i % 4, i));
                int queueId = i % 4;
                reads.add(store.whenDispatched(appended.commitLogOffset())
                        .thenApply(done -> store.read("orders", queueId, appended.queueOffset(), 1)));
            }
            assertThat(store.maxCommitLogOffset()).isGreaterThan(10L * StoreTestSupport.SEGMENT_BYTES);
            for (int i = 0; i < RECORDS; i++) {
                GetResult read = reads.get(i).get(10, TimeUnit.SECONDS);
                assertThat(read.status()).isEqualTo(GetStatus.FOUND);
                assertThat(bytes(read.records().get(0).payload())).isEqualTo(payload("orders", i % 4, i));
            }
        }
    }

    @Test
    void shouldCompleteAppendVisibleOnlyOnceTheRecordIsReadable() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                futures.add(store.appendVisible(request("visible", 0, i)));
            }
            for (int i = 0; i < RECORDS; i++) {
                AppendResult result = futures.get(i).get(10, TimeUnit.SECONDS);
                assertThat(result.status()).isEqualTo(PutStatus.OK);
                assertThat(store.dispatchedCommitLogOffset()).isGreaterThan(result.commitLogOffset());
                GetResult read = store.read("visible", 0, result.queueOffset(), 1);
                assertThat(bytes(read.records().get(0).payload())).isEqualTo(payload("visible", 0, i));
            }
        }
    }

    @Test
    void shouldCompleteAppendBatchVisibleOnlyOnceEveryRecordIsReadable() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            for (int round = 0; round < 20; round++) {
                List<AppendRequest> batch = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    batch.add(request("batched", 1, round * 10 + i));
                }
                List<AppendResult> results = store.appendBatchVisible(batch).get(10, TimeUnit.SECONDS);
                assertThat(store.maxQueueOffset("batched", 1)).isEqualTo(round * 10L + 10);
                GetResult read = store.read("batched", 1, results.get(0).queueOffset(), 10);
                assertThat(read.records()).hasSize(10);
            }
        }
    }

    @Test
    void shouldCompleteAtOnceForARecordAlreadyDispatched() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            AppendResult first = appendOk(store, request("orders", 0, 1));
            store.whenDispatched(first.commitLogOffset()).get(10, TimeUnit.SECONDS);
            assertThat(store.whenDispatched(first.commitLogOffset())).isCompleted();
            assertThat(store.whenDispatched(0L)).isCompleted();
        }
    }

    @Test
    void shouldFailWaitersOfRecordsNeverDispatchedWhenTheStoreCloses() throws Exception {
        MessageStore store = new MessageStore(smallConfig(directory));
        store.start();
        AppendResult appended = appendOk(store, request("orders", 0, 1));
        CompletableFuture<Void> beyondTheEnd = store.whenDispatched(store.maxCommitLogOffset() + 1_000);
        assertThat(beyondTheEnd).isNotDone();
        store.close();
        assertThatThrownBy(() -> beyondTheEnd.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StoreException.class);
        assertThat(((StoreException) catchCause(store.whenDispatched(store.maxCommitLogOffset() + 1))).category())
                .isEqualTo(StoreException.Category.STATE);
        assertThat(store.whenDispatched(appended.commitLogOffset())).isCompleted();
        assertThat(store.appendVisible(request("orders", 0, 2)).get(10, TimeUnit.SECONDS).status())
                .isEqualTo(PutStatus.STORE_CLOSED);
    }

    private static Throwable catchCause(CompletableFuture<Void> future) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.get(1, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldMakeABatchOfNonDurableRecordsReadableWithoutForcingItInSyncMode() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory).withFlushMode(FlushMode.SYNC))) {
            store.start();
            appendOk(store, request("orders", 0, 0));
            long forcesBefore = store.commitLogForceCount();
            AppendRequest nonDurable = withDurability(request("orders", 0, 1), false);
            AppendResult appended = store.appendVisible(nonDurable).get(10, TimeUnit.SECONDS);

            assertThat(appended.isOk()).isTrue();
            assertThat(store.read("orders", 0, appended.queueOffset(), 1).status()).isEqualTo(GetStatus.FOUND);
            assertThat(store.commitLogForceCount()).as("no force for a non-durable batch").isEqualTo(forcesBefore);

            appendOk(store, request("orders", 0, 2));
            assertThat(store.commitLogForceCount()).as("a durable record is forced").isGreaterThan(forcesBefore);
        }
    }
}
