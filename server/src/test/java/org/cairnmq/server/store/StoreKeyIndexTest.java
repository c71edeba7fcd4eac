package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.server.store.StoreTestSupport.appendOk;
import static org.cairnmq.server.store.StoreTestSupport.awaitDispatched;
import static org.cairnmq.server.store.StoreTestSupport.request;
import static org.cairnmq.server.store.StoreTestSupport.segmentFile;
import static org.cairnmq.server.store.StoreTestSupport.smallConfig;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key index and the other dispatchers as parts of the store's lifecycle: recovery, torn tails,
 * rebuilds and replay positions.
 */
@Timeout(60)
class StoreKeyIndexTest {

    @TempDir
    Path directory;

    @Test
    void shouldFindEveryRecordByItsKeyAndNotByAnotherKeyOfTheSameHashSlot() throws Exception {
        List<AppendResult> results;
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            results = appendAll(store, 300);
            awaitDispatched(store);
            for (int i = 0; i < results.size(); i++) {
                assertThat(store.lookupByKey(key(i), Long.MIN_VALUE, 8)).as("key %d", i)
                        .extracting(StoredRecord::commitLogOffset).containsExactly(results.get(i).commitLogOffset());
            }
            assertThat(store.lookupByKey(key(5_000), Long.MIN_VALUE, 8)).isEmpty();
        }
    }

    @Test
    void shouldLeaveNoIndexEntryPastTheEndAfterATornTailIsCut() throws Exception {
        List<AppendResult> results = appendAndClose(120);
        AppendResult last = results.get(results.size() - 1);
        zero(segmentFile(directory, last.commitLogOffset()),
                last.commitLogOffset() % StoreTestSupport.SEGMENT_BYTES + last.sizeBytes() / 2,
                last.sizeBytes() - last.sizeBytes() / 2);
        simulateCrash();
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            assertThat(store.maxCommitLogOffset()).isEqualTo(last.commitLogOffset());
            assertThat(store.keyIndex().indexedUpToCommitLogOffset()).isEqualTo(last.commitLogOffset());
            assertThat(store.keyIndex().lookup(key(119), Long.MIN_VALUE, 8)).isEmpty();
            for (int i = 0; i < 119; i++) {
                for (long candidate : store.keyIndex().lookup(key(i), Long.MIN_VALUE, 8)) {
                    assertThat(candidate).isLessThan(store.maxCommitLogOffset());
                }
            }
            AppendResult replacement = appendOk(store, request("k", 0, 7_000));
            assertThat(replacement.commitLogOffset()).isEqualTo(last.commitLogOffset());
            awaitDispatched(store);
            assertThat(store.keyIndex().lookup(key(119), Long.MIN_VALUE, 8)).isEmpty();
            assertThat(store.lookupByKey(key(7_000), Long.MIN_VALUE, 8)).extracting(StoredRecord::commitLogOffset)
                    .containsExactly(last.commitLogOffset());
        }
    }

    @Test
    void shouldReindexRecordsWhoseIndexEntriesWereLostInACrash() throws Exception {
        List<AppendResult> results = appendAndClose(150);
        Files.delete(directory.resolve(StoreConfig.KEY_INDEX_DIRECTORY).resolve(MessageKeyIndex.CHECKPOINT_FILE_NAME));
        simulateCrash();
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            assertThat(store.recoveredFromCrash()).isTrue();
            assertEveryKeyFound(store, results);
        }
    }

    @Test
    void shouldRebuildTheIndexFromTheCommitLogWhenItsDirectoryIsDeleted() throws Exception {
        List<AppendResult> results = appendAndClose(240);
        deleteRecursively(directory.resolve(StoreConfig.KEY_INDEX_DIRECTORY));
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            assertThat(store.keyIndex().fileCount()).isGreaterThan(1);
            assertEveryKeyFound(store, results);
            assertThat(store.keyIndex().indexedUpToCommitLogOffset()).isEqualTo(store.maxCommitLogOffset());
        }
    }

    @Test
    void shouldReplayFromTheLowestPositionOfAnyDispatcherAndTellItTheRecoveredEnd() throws Exception {
        List<AppendResult> results = appendAndClose(60);
        long replayFrom = results.get(40).commitLogOffset();
        RecordingDispatcher recording = new RecordingDispatcher(replayFrom);
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.addDispatcher(recording);
            store.start();
            assertThat(recording.truncatedTo).containsExactly(store.maxCommitLogOffset());
            assertThat(recording.seen).containsExactlyElementsOf(
                    results.subList(40, 60).stream().map(AppendResult::commitLogOffset).toList());
            assertThat(store.maxQueueOffset("k", 0)).isEqualTo(60);
        }
    }

    @Test
    void shouldPassRetentionsNewMinimumToEveryDispatcherAndDropWhollyDeletedIndexFiles() throws Exception {
        StoreTestSupport.MutableClock clock = new StoreTestSupport.MutableClock(5_000_000L);
        StoreConfig config = smallConfig(directory).withRetentionMs(1_000L).withDiskUsageHighWaterRatio(1.0);
        RecordingDispatcher recording = new RecordingDispatcher(Long.MAX_VALUE);
        try (MessageStore store = new MessageStore(config, clock)) {
            store.addDispatcher(recording);
            store.start();
            List<AppendResult> results = appendAll(store, 400);
            awaitDispatched(store);
            int filesBefore = store.keyIndex().fileCount();
            clock.advanceMs(2_000L);
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> !recording.deletedBelow.isEmpty() && store.keyIndex().fileCount() < filesBefore);
            long newMin = recording.deletedBelow.get(recording.deletedBelow.size() - 1);
            assertThat(newMin).isEqualTo(store.minCommitLogOffset()).isPositive();
            assertThat(store.lookupByKey(key(399), Long.MIN_VALUE, 8)).extracting(StoredRecord::commitLogOffset)
                    .containsExactly(results.get(399).commitLogOffset());
        }
    }

    @Test
    void shouldCloseTheConsumerOffsetsWithTheStoreAndKeepThem() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            store.consumerOffsets().ackUpTo("g", "k", 0, 41L);
        }
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            assertThat(store.consumerOffsets().progress("g", "k", 0)).isPresent();
            assertThat(Files.exists(directory.resolve(StoreConfig.CONSUMER_OFFSETS_DIRECTORY)
                    .resolve(ConsumerOffsetStore.JOURNAL_FILE_NAME))).isTrue();
        }
    }

    private static void assertEveryKeyFound(MessageStore store, List<AppendResult> results) {
        for (int i = 0; i < results.size(); i++) {
            assertThat(store.lookupByKey(key(i), Long.MIN_VALUE, 8)).as("key %d", i)
                    .extracting(StoredRecord::commitLogOffset).containsExactly(results.get(i).commitLogOffset());
        }
    }

    private List<AppendResult> appendAndClose(int count) throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            return appendAll(store, count);
        }
    }

    private static List<AppendResult> appendAll(MessageStore store, int count) throws Exception {
        List<AppendResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(appendOk(store, request("k", 0, i)));
        }
        return results;
    }

    private static byte[] key(int index) {
        return ("id-" + index).getBytes(StandardCharsets.UTF_8);
    }

    private void simulateCrash() throws IOException {
        Files.createFile(directory.resolve("running"));
    }

    private static void zero(Path file, long position, int length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            raf.write(new byte[length]);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Claims durable state up to a fixed offset and records what the store tells it. */
    private static final class RecordingDispatcher implements CommitLogDispatcher {
        private final long recoveredUpTo;
        private final List<Long> seen = new CopyOnWriteArrayList<>();
        private final List<Long> truncatedTo = new CopyOnWriteArrayList<>();
        private final List<Long> deletedBelow = new CopyOnWriteArrayList<>();

        RecordingDispatcher(long recoveredUpTo) {
            this.recoveredUpTo = recoveredUpTo;
        }

        @Override
        public void dispatch(DispatchRequest request) {
            if (request.commitLogOffset() >= recoveredUpTo) {
                seen.add(request.commitLogOffset());
            }
        }

        @Override
        public long recoveredUpToCommitLogOffset() {
            return recoveredUpTo;
        }

        @Override
        public void onCommitLogTruncated(long newEndOffset) {
            truncatedTo.add(newEndOffset);
        }

        @Override
        public void onCommitLogDeletedBelow(long newMinOffset) {
            deletedBelow.add(newMinOffset);
        }
    }
}
