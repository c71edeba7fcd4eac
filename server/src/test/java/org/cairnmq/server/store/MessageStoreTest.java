package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.server.store.StoreTestSupport.appendOk;
import static org.cairnmq.server.store.StoreTestSupport.awaitDispatched;
import static org.cairnmq.server.store.StoreTestSupport.bytes;
import static org.cairnmq.server.store.StoreTestSupport.payload;
import static org.cairnmq.server.store.StoreTestSupport.request;
import static org.cairnmq.server.store.StoreTestSupport.smallConfig;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class MessageStoreTest {

    @TempDir
    Path directory;

    @Test
    void shouldReadBackEveryRecordAcrossManySegmentRollOvers() throws Exception {
        int count = 600;
        List<AppendResult> results = new ArrayList<>();
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            for (int i = 0; i < count; i++) {
                results.add(appendOk(store, request("orders", i % 3, i)));
            }
            awaitDispatched(store);
            assertThat(segmentCount()).isGreaterThan(10);
            for (int queueId = 0; queueId < 3; queueId++) {
                assertQueueHolds(store, "orders", queueId, count / 3);
            }
            for (int i = 0; i < count; i++) {
                StoredRecord record = store.readAt(results.get(i).commitLogOffset());
                assertThat(bytes(record.payload())).isEqualTo(payload("orders", i % 3, i));
                assertThat(record.queueOffset()).isEqualTo(results.get(i).queueOffset()).isEqualTo(i / 3);
                assertThat(record.topic()).isEqualTo("orders");
                assertThat(new String(record.key(), "UTF-8")).isEqualTo("id-" + i);
                assertThat(record.tagsCode()).isEqualTo(i);
                assertThat(record.flags()).isEqualTo(i % 7);
                assertThat(record.bornTimestampMs()).isEqualTo(1_000L + i);
            }
        }
    }

    @Test
    void shouldContinueQueueOffsetsWhereTheyLeftOffAfterCleanReopen() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            for (int i = 0; i < 100; i++) {
                appendOk(store, request("a", i % 2, i));
            }
        }
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            assertThat(store.recoveredFromCrash()).isFalse();
            assertThat(store.topicQueues()).containsExactlyInAnyOrder(new TopicQueue("a", 0), new TopicQueue("a", 1));
            assertThat(store.maxQueueOffset("a", 0)).isEqualTo(50);
            AppendResult next = appendOk(store, request("a", 0, 100));
            assertThat(next.queueOffset()).isEqualTo(50);
            awaitDispatched(store);
            GetResult result = store.read("a", 0, 0, 1000);
            assertThat(result.records()).hasSize(51);
            assertThat(bytes(result.records().get(50).payload())).isEqualTo(payload("a", 0, 100));
        }
    }

    @Test
    void shouldReportReadStatusesAtTheQueueEdges() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            assertThat(store.read("none", 0, 0, 10).status()).isEqualTo(GetStatus.NO_SUCH_QUEUE);
            for (int i = 0; i < 5; i++) {
                appendOk(store, request("t", 0, i));
            }
            awaitDispatched(store);
            assertThat(store.read("t", 0, 5, 10).status()).isEqualTo(GetStatus.NO_NEW_RECORD);
            assertThat(store.read("t", 0, 9, 10).status()).isEqualTo(GetStatus.OFFSET_TOO_BIG);
            GetResult partial = store.read("t", 0, 2, 2);
            assertThat(partial.status()).isEqualTo(GetStatus.FOUND);
            assertThat(partial.records()).extracting(StoredRecord::queueOffset).containsExactly(2L, 3L);
            assertThat(partial.nextQueueOffset()).isEqualTo(4);
            assertThat(partial.records().get(0).payload().isReadOnly()).isTrue();
            assertThat(store.readAt(partial.records().get(0).commitLogOffset() + 1)).isNull();
        }
    }

    @Test
    void shouldAppendABatchAdjacently() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            List<AppendRequest> batch = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                batch.add(request("b", 0, i));
            }
            List<AppendResult> results = store.appendBatch(batch).get(10, TimeUnit.SECONDS);
            assertThat(results).allMatch(AppendResult::isOk);
            for (int i = 1; i < results.size(); i++) {
                AppendResult previous = results.get(i - 1);
                long expected = previous.commitLogOffset() + previous.sizeBytes();
                long actual = results.get(i).commitLogOffset();
                boolean nextSegment = actual % StoreTestSupport.SEGMENT_BYTES == 0
                        && actual / StoreTestSupport.SEGMENT_BYTES == expected / StoreTestSupport.SEGMENT_BYTES + 1;
                assertThat(actual == expected || nextSegment).as("record %d adjacent", i).isTrue();
                assertThat(results.get(i).queueOffset()).isEqualTo(i);
            }
        }
    }

    @Test
    void shouldRejectARecordLargerThanTheMaximumWithoutWritingIt() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory).withMaxRecordBytes(512))) {
            store.start();
            AppendRequest large = new AppendRequest("t", 0, 0, 0, 0, null, ByteBuffer.allocate(600));
            assertThat(store.append(large).get(10, TimeUnit.SECONDS).status()).isEqualTo(PutStatus.RECORD_TOO_LARGE);
            assertThat(appendOk(store, request("t", 0, 1)).queueOffset()).isZero();
            assertThat(store.maxCommitLogOffset()).isLessThan(600);
        }
    }

    @Test
    void shouldCompleteEveryFutureOfConcurrentAppendersWithGroupCommit() throws Exception {
        int threads = 4;
        int perThread = 300;
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            List<CompletableFuture<List<CompletableFuture<AppendResult>>>> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int queueId = t;
                producers.add(CompletableFuture.supplyAsync(() -> {
                    List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        futures.add(store.append(request("g", queueId, i)));
                    }
                    return futures;
                }));
            }
            for (CompletableFuture<List<CompletableFuture<AppendResult>>> producer : producers) {
                for (CompletableFuture<AppendResult> future : producer.get(30, TimeUnit.SECONDS)) {
                    AppendResult result = future.get(30, TimeUnit.SECONDS);
                    assertThat(result.status()).isEqualTo(PutStatus.OK);
                    assertThat(result.commitLogOffset() + result.sizeBytes())
                            .isLessThanOrEqualTo(store.maxCommitLogOffset());
                }
            }
            awaitDispatched(store);
            for (int t = 0; t < threads; t++) {
                assertQueueHolds(store, "g", t, perThread);
            }
        }
    }

    @Test
    void shouldServeAndPersistRecordsInAsyncMode() throws Exception {
        StoreConfig config = smallConfig(directory).withFlushMode(FlushMode.ASYNC);
        try (MessageStore store = new MessageStore(config)) {
            store.start();
            List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                futures.add(store.append(request("async", 0, i)));
            }
            for (CompletableFuture<AppendResult> future : futures) {
                assertThat(future.get(10, TimeUnit.SECONDS).status()).isEqualTo(PutStatus.OK);
            }
            awaitDispatched(store);
            assertQueueHolds(store, "async", 0, 300);
        }
        try (MessageStore store = new MessageStore(config)) {
            store.start();
            assertQueueHolds(store, "async", 0, 300);
        }
    }

    @Test
    void shouldFindTheQueueOffsetForATimestamp() throws Exception {
        StoreTestSupport.MutableClock clock = new StoreTestSupport.MutableClock(1_000_000L);
        try (MessageStore store = new MessageStore(smallConfig(directory), clock)) {
            store.start();
            for (int i = 0; i < 50; i++) {
                appendOk(store, request("ts", 0, i));
                clock.advanceMs(10);
            }
            awaitDispatched(store);
            assertThat(store.queueOffsetForTimestamp("ts", 0, 0L)).isZero();
            assertThat(store.queueOffsetForTimestamp("ts", 0, 1_000_000L)).isZero();
            assertThat(store.queueOffsetForTimestamp("ts", 0, 1_000_001L)).isEqualTo(1);
            assertThat(store.queueOffsetForTimestamp("ts", 0, 1_000_250L)).isEqualTo(25);
            assertThat(store.queueOffsetForTimestamp("ts", 0, 1_000_490L)).isEqualTo(49);
            assertThat(store.queueOffsetForTimestamp("ts", 0, 2_000_000L)).isEqualTo(50);
            StoredRecord record = store.read("ts", 0, 25, 1).records().get(0);
            assertThat(record.storeTimestampMs()).isEqualTo(1_000_250L);
        }
    }

    @Test
    void shouldCallRegisteredDispatchersInLogOrder() throws Exception {
        List<DispatchRequest> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.addDispatcher(seen::add);
            store.start();
            List<AppendResult> results = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                results.add(appendOk(store, request("d", i % 2, i)));
            }
            awaitDispatched(store);
            assertThat(seen).extracting(DispatchRequest::commitLogOffset)
                    .containsExactlyElementsOf(results.stream().map(AppendResult::commitLogOffset).toList());
            assertThat(new String(seen.get(7).key(), "UTF-8")).isEqualTo("id-7");
            assertThat(seen.get(7).queueOffset()).isEqualTo(3);
        }
    }

    @Test
    void shouldFailAppendsWithStoreClosedAfterClose() throws Exception {
        MessageStore store = new MessageStore(smallConfig(directory));
        store.start();
        appendOk(store, request("c", 0, 0));
        store.close();
        assertThat(store.append(request("c", 0, 1)).get(1, TimeUnit.SECONDS).status())
                .isEqualTo(PutStatus.STORE_CLOSED);
        assertThat(Files.exists(directory.resolve("running"))).isFalse();
    }

    static void assertQueueHolds(MessageStore store, String topic, int queueId, int expectedCount) {
        assertThat(store.maxQueueOffset(topic, queueId)).isEqualTo(expectedCount);
        long offset = 0;
        int seen = 0;
        while (offset < expectedCount) {
            GetResult result = store.read(topic, queueId, offset, 32);
            assertThat(result.status()).isEqualTo(GetStatus.FOUND);
            for (StoredRecord record : result.records()) {
                assertThat(record.queueOffset()).isEqualTo(offset);
                assertThat(record.queueId()).isEqualTo(queueId);
                assertThat(new String(bytes(record.payload()), java.nio.charset.StandardCharsets.UTF_8))
                        .startsWith(topic + "/" + queueId + "/");
                offset++;
                seen++;
            }
            assertThat(result.nextQueueOffset()).isEqualTo(offset);
        }
        assertThat(seen).isEqualTo(expectedCount);
    }

    private long segmentCount() throws Exception {
        try (Stream<Path> files = Files.list(directory.resolve("commitlog"))) {
            return files.count();
        }
    }

    @Test
    void shouldForceAnAsyncLogOnceEnoughWasWrittenWithoutWaitingForTheInterval() throws Exception {
        int payloadBytes = 64 * 1024;
        int records = 8 * 16 + 8; // a little more than the flusher's 8 MiB
        try (MessageStore store = new MessageStore(StoreConfig.defaults(directory).withFlushMode(FlushMode.ASYNC)
                .withCommitLogSegmentBytes(32 << 20).withCommitLogWarmAheadBytes(0).withDiskFullReserveBytes(0)
                .withAsyncFlushIntervalMs(3_600_000L))) {
            store.start();
            AppendResult last = null;
            for (int i = 0; i < records; i++) {
                last = store.append(new AppendRequest("bulk", 0, 0, 0, 0, null, ByteBuffer.allocate(payloadBytes)))
                        .get(10, TimeUnit.SECONDS);
                assertThat(last.status()).isEqualTo(PutStatus.OK);
            }
            long eightMiB = 8L << 20;
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> store.flushedCommitLogOffset() >= eightMiB);
            assertThat(store.commitLogForceCount()).isPositive();
            assertThat(last.commitLogOffset()).isGreaterThan(eightMiB);
        }
    }

    @Test
    void shouldForceEverythingAppendedWhenFlushedOnRequest() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory).withFlushMode(FlushMode.ASYNC)
                .withAsyncFlushIntervalMs(3_600_000L))) {
            store.start();
            for (int i = 0; i < 10; i++) {
                appendOk(store, request("flushed", 0, i));
            }
            long forcesBefore = store.commitLogForceCount();

            assertThat(store.flush()).isEqualTo(store.maxCommitLogOffset());
            assertThat(store.commitLogForceCount()).isEqualTo(forcesBefore + 1);
            assertThat(store.flush()).as("nothing new: no force").isEqualTo(store.maxCommitLogOffset());
            assertThat(store.commitLogForceCount()).isEqualTo(forcesBefore + 1);
        }
    }
}
