package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.server.store.MessageStoreTest.assertQueueHolds;
import static org.cairnmq.server.store.StoreTestSupport.appendOk;
import static org.cairnmq.server.store.StoreTestSupport.awaitDispatched;
import static org.cairnmq.server.store.StoreTestSupport.request;
import static org.cairnmq.server.store.StoreTestSupport.smallConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class StoreCapacityTest {

    private static final long RETENTION_MS = 60_000L;

    @TempDir
    Path directory;

    @Test
    void shouldFailAppendsWithDiskFullAndLeaveTheFilesIntact() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            for (int i = 0; i < 20; i++) {
                appendOk(store, request("d", 0, i));
            }
        }
        try (MessageStore store = new MessageStore(smallConfig(directory).withDiskFullReserveBytes(Long.MAX_VALUE / 4))) {
            store.start();
            long endBefore = store.maxCommitLogOffset();
            assertThat(store.append(request("d", 0, 20)).get(10, TimeUnit.SECONDS).status())
                    .isEqualTo(PutStatus.DISK_FULL);
            List<AppendResult> batch = store.appendBatch(List.of(request("d", 0, 21), request("d", 0, 22)))
                    .get(10, TimeUnit.SECONDS);
            assertThat(batch).extracting(AppendResult::status).containsOnly(PutStatus.DISK_FULL);
            assertThat(store.maxCommitLogOffset()).isEqualTo(endBefore);
            assertQueueHolds(store, "d", 0, 20);
        }
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            assertThat(store.recoveredFromCrash()).isFalse();
            assertQueueHolds(store, "d", 0, 20);
            assertThat(appendOk(store, request("d", 0, 20)).queueOffset()).isEqualTo(20);
        }
    }

    @Test
    void shouldDeleteExpiredSegmentsOnlyBelowTheConsumedFloor() throws Exception {
        StoreTestSupport.MutableClock clock = new StoreTestSupport.MutableClock(5_000_000L);
        StoreConfig config = smallConfig(directory).withRetentionMs(RETENTION_MS).withDiskUsageHighWaterRatio(1.0);
        try (MessageStore store = new MessageStore(config, clock)) {
            AtomicInteger floorQueries = new AtomicInteger();
            store.setMinUnconsumedCommitLogOffset(() -> {
                floorQueries.incrementAndGet();
                return Long.MAX_VALUE;
            });
            store.start();
            for (int i = 0; i < 300; i++) {
                appendOk(store, request("r", 0, i));
            }
            awaitDispatched(store);
            long queueFilesBefore = queueFileCount();
            int queriesBefore = floorQueries.get();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> floorQueries.get() >= queriesBefore + 3);
            assertThat(store.minCommitLogOffset()).as("nothing expired yet").isZero();

            long floor = store.commitLogOffsetOf("r", 0, 150);
            store.setMinUnconsumedCommitLogOffset(() -> floor);
            clock.advanceMs(RETENTION_MS + 1);
            long expectedMin = floor - floor % StoreTestSupport.SEGMENT_BYTES;
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> store.minCommitLogOffset() == expectedMin && store.minQueueOffset("r", 0) > 0);
            long minQueueOffset = store.minQueueOffset("r", 0);
            assertThat(minQueueOffset).isLessThanOrEqualTo(150);
            assertThat(store.read("r", 0, 0, 10).status()).isEqualTo(GetStatus.OFFSET_TOO_SMALL);
            assertThat(store.read("r", 0, 0, 10).nextQueueOffset()).isEqualTo(minQueueOffset);
            GetResult rest = store.read("r", 0, minQueueOffset, 1000);
            assertThat(rest.records()).hasSize((int) (300 - minQueueOffset));
            assertThat(rest.records().get(0).commitLogOffset()).isGreaterThanOrEqualTo(expectedMin);
            assertThat(queueFileCount()).isLessThan(queueFilesBefore);
        }
    }

    @Test
    void shouldDeleteUnconsumedSegmentsWhenTheDiskIsAboveHighWater() throws Exception {
        StoreConfig config = smallConfig(directory).withDiskUsageHighWaterRatio(0.0);
        try (MessageStore store = new MessageStore(config)) {
            store.setMinUnconsumedCommitLogOffset(() -> 0L);
            store.start();
            for (int i = 0; i < 100; i++) {
                appendOk(store, request("h", 0, i));
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> store.minCommitLogOffset() > 0);
            assertThat(store.minQueueOffset("h", 0)).isPositive();
            assertThat(appendOk(store, request("h", 0, 100)).queueOffset()).isEqualTo(100);
        }
    }

    private long queueFileCount() throws Exception {
        try (Stream<Path> files = Files.list(directory.resolve("consumequeue").resolve("r").resolve("0"))) {
            return files.count();
        }
    }
}
