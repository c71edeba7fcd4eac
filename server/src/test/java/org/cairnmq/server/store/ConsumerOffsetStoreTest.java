package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cairnmq.server.store.internal.OffsetJournalDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class ConsumerOffsetStoreTest {

    private static final String GROUP = "orders-app";
    private static final String TOPIC = "orders";

    @TempDir
    Path directory;

    private ConsumerOffsetStore store;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void shouldKeepOffsetsAcrossCloseAndReopen() {
        store = open();
        store.ackUpTo(GROUP, TOPIC, 0, 9);
        store.ack(GROUP, TOPIC, 0, 12);
        store.ack(GROUP, TOPIC, 1, 0);
        store.flush();
        store.close();

        store = open();

        QueueProgress queue0 = progress(GROUP, TOPIC, 0);
        assertThat(queue0.ackedOffset()).isEqualTo(10);
        assertThat(queue0.ackedAbove()).containsExactly(12);
        assertThat(queue0.isAcked(11)).isFalse();
        assertThat(queue0.isAcked(12)).isTrue();
        assertThat(progress(GROUP, TOPIC, 1).ackedOffset()).isEqualTo(1);
        assertThat(store.progress(GROUP, TOPIC, 2)).isEmpty();
    }

    @Test
    void shouldAdvanceAckedOffsetThroughTheContiguousRunWhenTheGapFills() {
        store = open();
        store.resetTo(GROUP, TOPIC, 0, 100);
        store.ack(GROUP, TOPIC, 0, 103);
        store.ack(GROUP, TOPIC, 0, 101);
        store.ack(GROUP, TOPIC, 0, 102);
        store.ack(GROUP, TOPIC, 0, 105);
        assertThat(progress(GROUP, TOPIC, 0).ackedOffset()).isEqualTo(100);
        assertThat(progress(GROUP, TOPIC, 0).ackedAbove()).containsExactly(101, 102, 103, 105);

        store.ack(GROUP, TOPIC, 0, 100);

        QueueProgress progress = progress(GROUP, TOPIC, 0);
        assertThat(progress.ackedOffset()).isEqualTo(104);
        assertThat(progress.ackedAbove()).containsExactly(105);
        assertThat(progress.isAcked(104)).isFalse();
    }

    @Test
    void shouldAckEverythingUpToAnOffsetAndAbsorbTheAcksBelowIt() {
        store = open();
        store.ack(GROUP, TOPIC, 3, 4);
        store.ack(GROUP, TOPIC, 3, 7);
        store.ack(GROUP, TOPIC, 3, 8);
        store.ack(GROUP, TOPIC, 3, 20);

        store.ackUpTo(GROUP, TOPIC, 3, 6);

        QueueProgress progress = progress(GROUP, TOPIC, 3);
        assertThat(progress.ackedOffset()).isEqualTo(9);
        assertThat(progress.ackedAbove()).containsExactly(20);

        store.ackUpTo(GROUP, TOPIC, 3, 2);
        assertThat(progress(GROUP, TOPIC, 3).ackedOffset()).isEqualTo(9);
    }

    @Test
    void shouldResetBackOrForwardAndForgetTheOutOfOrderAcks() {
        store = open();
        store.ackUpTo(GROUP, TOPIC, 0, 49);
        store.ack(GROUP, TOPIC, 0, 60);

        store.resetTo(GROUP, TOPIC, 0, 10);
        assertThat(progress(GROUP, TOPIC, 0)).isEqualTo(new QueueProgress(key(0), 10, new long[0]));

        store.ack(GROUP, TOPIC, 0, 15);
        store.resetTo(GROUP, TOPIC, 0, 1_000);
        store.flush();
        store.close();
        store = open();

        assertThat(progress(GROUP, TOPIC, 0)).isEqualTo(new QueueProgress(key(0), 1_000, new long[0]));
    }

    @Test
    void shouldStartANewQueueAtItsResetOffset() {
        store = open();
        store.resetTo("late-joiner", TOPIC, 0, 500);

        assertThat(progress("late-joiner", TOPIC, 0).ackedOffset()).isEqualTo(500);
    }

    @Test
    void shouldLoseOnlyTheTornRecordWhenTheJournalEndsMidRecord() throws IOException {
        store = open();
        store.ack(GROUP, TOPIC, 0, 0);
        store.ack(GROUP, TOPIC, 0, 1);
        store.ack(GROUP, TOPIC, 0, 5);
        store.flush();
        store.close();
        Path journal = directory.resolve(ConsumerOffsetStore.JOURNAL_FILE_NAME);
        long length = Files.size(journal);
        try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
            file.setLength(length - 3);
        }

        store = open();

        QueueProgress progress = progress(GROUP, TOPIC, 0);
        assertThat(progress.ackedOffset()).isEqualTo(2);
        assertThat(progress.ackedAbove()).isEmpty();
        assertThat(Files.size(journal)).isEqualTo(length - OffsetJournalDescriptor.OFFSET_RECORD_LENGTH);
        store.ack(GROUP, TOPIC, 0, 7);
        store.flush();
        store.close();
        store = open();
        assertThat(progress(GROUP, TOPIC, 0).ackedAbove()).containsExactly(7);
    }

    @Test
    void shouldLoseOnlyTheLastRecordWhenItsBytesAreFlipped() throws IOException {
        store = open();
        store.ack(GROUP, TOPIC, 0, 0);
        store.ack(GROUP, TOPIC, 0, 3);
        store.ack(GROUP, TOPIC, 0, 9);
        store.close();
        Path journal = directory.resolve(ConsumerOffsetStore.JOURNAL_FILE_NAME);
        try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
            long lastQueueOffsetByte = file.length() - 1;
            file.seek(lastQueueOffsetByte);
            int original = file.read();
            file.seek(lastQueueOffsetByte);
            file.write(original ^ 0xFF);
        }

        store = open();

        QueueProgress progress = progress(GROUP, TOPIC, 0);
        assertThat(progress.ackedOffset()).isEqualTo(1);
        assertThat(progress.ackedAbove()).containsExactly(3);
    }

    @Test
    void shouldStartEmptyWhenTheJournalHeaderIsTorn() throws IOException {
        Files.write(directory.resolve(ConsumerOffsetStore.JOURNAL_FILE_NAME), new byte[] {0x43, 0x41});

        store = open();
        store.ack(GROUP, TOPIC, 0, 0);
        store.close();
        store = open();

        assertThat(progress(GROUP, TOPIC, 0).ackedOffset()).isEqualTo(1);
    }

    @Test
    void shouldKeepStateAcrossCompactionAndTheJournalAfterIt() {
        store = open();
        store.ackUpTo(GROUP, TOPIC, 0, 99);
        store.ack(GROUP, TOPIC, 0, 150);
        store.ack("billing", TOPIC, 2, 7);
        long journalBefore = store.journalSizeBytes();

        store.compact();

        assertThat(store.journalSizeBytes()).isLessThan(journalBefore);
        store.ack(GROUP, TOPIC, 0, 100);
        store.removeGroup("billing");
        store.flush();
        store.close();
        store = open();

        QueueProgress progress = progress(GROUP, TOPIC, 0);
        assertThat(progress.ackedOffset()).isEqualTo(101);
        assertThat(progress.ackedAbove()).containsExactly(150);
        assertThat(store.groups()).containsExactly(GROUP);
    }

    @Test
    void shouldCompactOnFlushOnceTheJournalPassesItsThreshold() {
        store = ConsumerOffsetStore.open(new OffsetStoreConfig(directory, 1_024));
        for (int offset = 0; offset < 200; offset += 2) {
            store.ack(GROUP, TOPIC, 0, offset);
        }
        assertThat(store.journalSizeBytes()).isGreaterThan(1_024);

        store.flush();

        assertThat(store.journalSizeBytes()).isEqualTo(OffsetJournalDescriptor.HEADER_LENGTH);
        assertThat(Files.exists(directory.resolve(ConsumerOffsetStore.SNAPSHOT_FILE_NAME))).isTrue();
        store.close();
        store = open();
        assertThat(progress(GROUP, TOPIC, 0).ackedOffset()).isEqualTo(1);
        assertThat(progress(GROUP, TOPIC, 0).ackedAboveCount()).isEqualTo(99);
    }

    @Test
    void shouldNotReplayAJournalAlreadyFoldedIntoTheSnapshot() throws IOException {
        store = open();
        store.ack(GROUP, TOPIC, 0, 5);
        store.resetTo(GROUP, TOPIC, 0, 3);
        store.ack(GROUP, TOPIC, 0, 3);
        store.flush();
        Path journal = directory.resolve(ConsumerOffsetStore.JOURNAL_FILE_NAME);
        Path foldedJournal = directory.resolve("folded-journal");
        Files.copy(journal, foldedJournal);
        store.compact();
        store.resetTo(GROUP, TOPIC, 0, 40);
        store.close();
        Files.copy(foldedJournal, journal, StandardCopyOption.REPLACE_EXISTING);

        store = open();

        assertThat(progress(GROUP, TOPIC, 0)).isEqualTo(new QueueProgress(key(0), 4, new long[0]));
    }

    @Test
    void shouldForgetARemovedGroupOnly() {
        store = open();
        store.ack("a", TOPIC, 0, 0);
        store.ack("a", TOPIC, 1, 0);
        store.ack("b", TOPIC, 0, 0);

        assertThat(store.removeGroup("a")).isEqualTo(2);
        store.close();
        store = open();

        assertThat(store.groups()).containsExactly("b");
        assertThat(store.progress("a", TOPIC, 0)).isEmpty();
        assertThat(store.progressOf("b")).hasSize(1);
        store.ack("a", TOPIC, 0, 3);
        assertThat(progress("a", TOPIC, 0).ackedAbove()).containsExactly(3);
    }

    @ParameterizedTest(name = "compactEveryJournalBytes={0}")
    @ValueSource(longs = {8 * 1_024, OffsetStoreConfig.DEFAULT_COMPACT_EVERY_JOURNAL_BYTES})
    void shouldMatchAModelOfManyGroupsAndQueuesAcrossReopensAndCompactions(long compactEveryJournalBytes) {
        Map<ConsumerQueueKey, ModelQueue> model = new TreeMap<>(
                (x, y) -> (x.group() + "/" + x.topic() + "/" + x.queueId()).compareTo(
                        y.group() + "/" + y.topic() + "/" + y.queueId()));
        Random random = new Random(42);
        store = ConsumerOffsetStore.open(new OffsetStoreConfig(directory, compactEveryJournalBytes));
        for (int step = 0; step < 20_000; step++) {
            ConsumerQueueKey key = new ConsumerQueueKey("group-" + random.nextInt(6), "topic-" + random.nextInt(3),
                    random.nextInt(4));
            applyRandomOperation(random, key, model);
            if (step % 997 == 0) {
                store.flush();
            }
            if (step % 4_999 == 0) {
                store.close();
                store = ConsumerOffsetStore.open(new OffsetStoreConfig(directory, compactEveryJournalBytes));
            }
        }
        store.close();
        store = ConsumerOffsetStore.open(new OffsetStoreConfig(directory, compactEveryJournalBytes));

        for (Map.Entry<ConsumerQueueKey, ModelQueue> entry : model.entrySet()) {
            ConsumerQueueKey key = entry.getKey();
            QueueProgress progress = progress(key.group(), key.topic(), key.queueId());
            assertThat(progress.ackedOffset()).as("%s", key).isEqualTo(entry.getValue().ackedOffset);
            assertThat(progress.ackedAbove()).as("%s", key).containsExactly(entry.getValue().ackedAbove());
        }
        assertThat(store.groups()).containsExactlyElementsOf(
                model.keySet().stream().map(ConsumerQueueKey::group).distinct().sorted().toList());
    }

    @Test
    void shouldKeepEveryAckOfConcurrentAckersWhileAnotherThreadFlushes() throws Exception {
        store = ConsumerOffsetStore.open(new OffsetStoreConfig(directory, 16 * 1_024));
        int threads = 4;
        int acksPerThread = 5_000;
        AtomicBoolean acking = new AtomicBoolean(true);
        Thread flusher = new Thread(() -> {
            while (acking.get()) {
                store.flush();
            }
        }, "flusher");
        List<Thread> ackers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int queueId = t;
            ackers.add(new Thread(() -> ackShuffled(queueId, acksPerThread), "acker-" + t));
        }
        flusher.start();
        ackers.forEach(Thread::start);
        for (Thread acker : ackers) {
            acker.join(30_000);
        }
        acking.set(false);
        flusher.join(30_000);
        store.flush();
        store.close();
        store = open();

        for (int queueId = 0; queueId < threads; queueId++) {
            assertThat(progress(GROUP, TOPIC, queueId)).isEqualTo(new QueueProgress(key(queueId), acksPerThread,
                    new long[0]));
        }
    }

    private void ackShuffled(int queueId, int count) {
        List<Long> offsets = new ArrayList<>();
        for (long offset = 0; offset < count; offset++) {
            offsets.add(offset);
        }
        Collections.shuffle(offsets, new Random(queueId));
        for (long offset : offsets) {
            store.ack(GROUP, TOPIC, queueId, offset);
        }
    }

    @Test
    void shouldRejectNegativeOffsetsAndUseAfterClose() {
        store = open();
        assertThatThrownBy(() -> store.ack(GROUP, TOPIC, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.ack(GROUP, TOPIC, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.ack("", TOPIC, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        store.close();
        assertThatThrownBy(() -> store.ack(GROUP, TOPIC, 0, 0))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.category()).isEqualTo(StoreException.Category.STATE));
        store = null;
    }

    private void applyRandomOperation(Random random, ConsumerQueueKey key, Map<ConsumerQueueKey, ModelQueue> model) {
        ModelQueue queue = model.computeIfAbsent(key, k -> new ModelQueue());
        int operation = random.nextInt(100);
        long base = queue.ackedOffset;
        if (operation < 80) {
            long offset = Math.max(0, base + random.nextInt(12) - 2);
            store.ack(key.group(), key.topic(), key.queueId(), offset);
            queue.ack(offset);
        } else if (operation < 95) {
            long offset = Math.max(0, base + random.nextInt(8) - 2);
            store.ackUpTo(key.group(), key.topic(), key.queueId(), offset);
            queue.ackUpTo(offset);
        } else if (operation < 99) {
            long offset = random.nextInt(50);
            store.resetTo(key.group(), key.topic(), key.queueId(), offset);
            queue.resetTo(offset);
        } else {
            store.removeGroup(key.group());
            model.keySet().removeIf(k -> k.group().equals(key.group()));
        }
    }

    private ConsumerOffsetStore open() {
        return ConsumerOffsetStore.open(OffsetStoreConfig.defaults(directory));
    }

    private QueueProgress progress(String group, String topic, int queueId) {
        return store.progress(group, topic, queueId).orElseThrow();
    }

    private static ConsumerQueueKey key(int queueId) {
        return new ConsumerQueueKey(GROUP, TOPIC, queueId);
    }

    /** A deliberately naive reference: a base plus a java.util.TreeSet. */
    private static final class ModelQueue {
        private long ackedOffset;
        private final TreeSet<Long> above = new TreeSet<>();

        void ack(long offset) {
            if (offset >= ackedOffset) {
                above.add(offset);
            }
            normalise();
        }

        void ackUpTo(long offsetInclusive) {
            ackedOffset = Math.max(ackedOffset, offsetInclusive + 1);
            normalise();
        }

        void resetTo(long offset) {
            ackedOffset = offset;
            above.clear();
        }

        long[] ackedAbove() {
            return above.stream().mapToLong(Long::longValue).toArray();
        }

        private void normalise() {
            above.headSet(ackedOffset).clear();
            while (above.remove(ackedOffset)) {
                ackedOffset++;
            }
        }
    }
}
