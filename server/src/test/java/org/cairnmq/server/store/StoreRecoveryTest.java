package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.server.store.MessageStoreTest.assertQueueHolds;
import static org.cairnmq.server.store.StoreTestSupport.appendOk;
import static org.cairnmq.server.store.StoreTestSupport.awaitDispatched;
import static org.cairnmq.server.store.StoreTestSupport.bytes;
import static org.cairnmq.server.store.StoreTestSupport.payload;
import static org.cairnmq.server.store.StoreTestSupport.request;
import static org.cairnmq.server.store.StoreTestSupport.segmentFile;
import static org.cairnmq.server.store.StoreTestSupport.smallConfig;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class StoreRecoveryTest {

    @TempDir
    Path directory;

    @Test
    void shouldTruncateTornTailOnRecoveryAndContinueAppending() throws Exception {
        List<AppendResult> results = appendAndClose(120, 1);
        AppendResult last = results.get(results.size() - 1);
        zero(segmentFile(directory, last.commitLogOffset()), last.commitLogOffset() % StoreTestSupport.SEGMENT_BYTES
                + last.sizeBytes() / 2, last.sizeBytes() - last.sizeBytes() / 2);
        simulateCrash();
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            assertThat(store.recoveredFromCrash()).isTrue();
            assertQueueHolds(store, "r", 0, 119);
            assertThat(store.readAt(last.commitLogOffset())).isNull();
            AppendResult next = appendOk(store, request("r", 0, 500));
            assertThat(next.queueOffset()).isEqualTo(119);
            assertThat(next.commitLogOffset()).isEqualTo(last.commitLogOffset());
            awaitDispatched(store);
            assertThat(bytes(store.read("r", 0, 119, 1).records().get(0).payload())).isEqualTo(payload("r", 0, 500));
        }
    }

    @Test
    void shouldCutTheLogAtARandomlyFlippedByteInTheTail() throws Exception {
        Random random = new Random();
        List<AppendResult> results = appendAndClose(150, 1);
        long lastSegmentBase = results.get(149).commitLogOffset()
                - results.get(149).commitLogOffset() % StoreTestSupport.SEGMENT_BYTES;
        List<Integer> inLastSegment = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).commitLogOffset() >= lastSegmentBase) {
                inLastSegment.add(i);
            }
        }
        int victim = inLastSegment.get(random.nextInt(inLastSegment.size()));
        AppendResult corrupted = results.get(victim);
        flip(segmentFile(directory, corrupted.commitLogOffset()),
                corrupted.commitLogOffset() % StoreTestSupport.SEGMENT_BYTES + random.nextInt(corrupted.sizeBytes()));
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            assertQueueHolds(store, "r", 0, victim);
            for (int i = victim; i < results.size(); i++) {
                assertThat(store.readAt(results.get(i).commitLogOffset())).isNull();
            }
            assertThat(appendOk(store, request("r", 0, 999)).queueOffset()).isEqualTo(victim);
        }
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            assertQueueHolds(store, "r", 0, victim + 1);
        }
    }

    @Test
    void shouldRebuildEveryConsumeQueueWhenTheirDirectoryIsDeleted() throws Exception {
        appendAndClose(240, 3);
        deleteRecursively(directory.resolve("consumequeue"));
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            for (int queueId = 0; queueId < 3; queueId++) {
                assertQueueHolds(store, "r", queueId, 80);
            }
            assertThat(appendOk(store, request("r", 1, 1000)).queueOffset()).isEqualTo(80);
        }
    }

    @Test
    void shouldReplayLostConsumeQueueEntriesAfterACrashWithoutCheckpoint() throws Exception {
        appendAndClose(100, 1);
        Path queueDirectory = directory.resolve("consumequeue").resolve("r").resolve("0");
        Path lastQueueFile;
        try (Stream<Path> files = Files.list(queueDirectory)) {
            lastQueueFile = files.max(Comparator.naturalOrder()).orElseThrow();
        }
        zero(lastQueueFile, 0, StoreTestSupport.CONSUME_QUEUE_ENTRIES * ConsumeQueueDescriptor.ENTRY_BYTES);
        Files.delete(directory.resolve("checkpoint"));
        simulateCrash();
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            assertQueueHolds(store, "r", 0, 100);
            assertThat(appendOk(store, request("r", 0, 100)).queueOffset()).isEqualTo(100);
        }
    }

    private List<AppendResult> appendAndClose(int count, int queues) throws Exception {
        List<AppendResult> results = new ArrayList<>();
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            for (int i = 0; i < count; i++) {
                results.add(appendOk(store, request("r", i % queues, i)));
            }
        }
        return results;
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

    private static void flip(Path file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int value = raf.read();
            raf.seek(position);
            raf.write(value ^ 0x5A);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
