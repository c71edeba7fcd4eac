package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.cairnmq.server.store.internal.IndexFileDescriptor;
import org.cairnmq.server.store.internal.MessageKeyHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class MessageKeyIndexTest {

    private static final long T0_MS = 1_700_000_000_000L;
    private static final int RECORD_BYTES = 100;
    private static final long ALL_TIME = Long.MIN_VALUE;

    @TempDir
    Path directory;

    private MessageKeyIndex index;

    @AfterEach
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    @Test
    void shouldFindEveryRecordOfAKeyNewestFirst() {
        index = open(64, 1_000);
        put(0, "id-a", T0_MS);
        put(100, "id-b", T0_MS + 1);
        put(200, "id-a", T0_MS + 2);
        put(300, "", T0_MS + 3);

        assertThat(index.lookup(key("id-a"), ALL_TIME, 10)).containsExactly(200, 0);
        assertThat(index.lookup(key("id-b"), ALL_TIME, 10)).containsExactly(100);
        assertThat(index.lookup(key("id-c"), ALL_TIME, 10)).isEmpty();
        assertThat(index.lookup(key("id-a"), ALL_TIME, 1)).containsExactly(200);
        assertThat(index.indexedUpToCommitLogOffset()).isEqualTo(300 + RECORD_BYTES);
    }

    @Test
    void shouldSeparateKeysChainedInOneSlot() {
        index = open(1, 1_000);
        for (int i = 0; i < 50; i++) {
            put(i * 100L, "id-" + i, T0_MS + i);
        }

        for (int i = 0; i < 50; i++) {
            assertThat(index.lookup(key("id-" + i), ALL_TIME, 10)).as("id-%d", i).containsExactly(i * 100L);
        }
    }

    @Test
    void shouldReturnEveryCandidateWhenTwoKeysShareAHash() {
        byte[][] colliding = findTwoKeysWithTheSameHash();
        index = open(16, 1_000);
        index.dispatch(request(0, colliding[0], T0_MS));
        index.dispatch(request(100, colliding[1], T0_MS + 1));

        assertThat(index.lookup(colliding[0], ALL_TIME, 10)).containsExactly(100, 0);
        assertThat(index.lookup(colliding[1], ALL_TIME, 10)).containsExactly(100, 0);
    }

    @Test
    void shouldRollToANewFileWhenOneIsFullAndSearchThemAll() throws IOException {
        index = open(4, 3);
        for (int i = 0; i < 10; i++) {
            put(i * 100L, "id-" + (i % 4), T0_MS + i);
        }

        assertThat(index.fileCount()).isEqualTo(4);
        assertThat(indexFiles()).hasSize(4);
        assertThat(index.lookup(key("id-1"), ALL_TIME, 10)).containsExactly(900, 500, 100);
        assertThat(index.lookup(key("id-1"), ALL_TIME, 2)).containsExactly(900, 500);
    }

    @Test
    void shouldFindWhatWasFlushedAfterReopen() {
        index = open(8, 4);
        for (int i = 0; i < 10; i++) {
            put(i * 100L, "id-" + i, T0_MS + i);
        }
        index.close();

        index = open(8, 4);

        assertThat(index.indexedUpToCommitLogOffset()).isEqualTo(900 + RECORD_BYTES);
        assertThat(index.fileCount()).isEqualTo(3);
        for (int i = 0; i < 10; i++) {
            assertThat(index.lookup(key("id-" + i), ALL_TIME, 10)).containsExactly(i * 100L);
        }
        put(1_000, "id-3", T0_MS + 10);
        assertThat(index.lookup(key("id-3"), ALL_TIME, 10)).containsExactly(1_000, 300);
    }

    /** The first instance is abandoned unclosed, as a crash leaves it; a second one opens the files. */
    @Test
    void shouldRecoverToTheCheckpointAndReindexReplayedRecordsOnce() {
        index = open(8, 4);
        for (int i = 0; i < 6; i++) {
            put(i * 100L, "id-" + i, T0_MS + i);
        }
        index.flush();
        for (int i = 6; i < 11; i++) {
            put(i * 100L, "id-" + i, T0_MS + i);
        }

        index = open(8, 4);

        assertThat(index.indexedUpToCommitLogOffset()).isEqualTo(500 + RECORD_BYTES);
        assertThat(index.lookup(key("id-8"), ALL_TIME, 10)).isEmpty();
        for (int i = 0; i < 11; i++) {
            put(i * 100L, "id-" + i, T0_MS + i);
        }
        for (int i = 0; i < 11; i++) {
            assertThat(index.lookup(key("id-" + i), ALL_TIME, 10)).as("id-%d", i).containsExactly(i * 100L);
        }
    }

    @Test
    void shouldIgnoreARecordDispatchedAgainBelowTheIndexedPosition() {
        index = open(8, 100);
        put(0, "id-a", T0_MS);
        put(100, "id-b", T0_MS);

        put(0, "id-a", T0_MS);

        assertThat(index.lookup(key("id-a"), ALL_TIME, 10)).containsExactly(0);
    }

    @Test
    void shouldOnlyReturnRecordsStoredInsideTheWindow() {
        index = open(8, 3);
        put(0, "dup", T0_MS);
        put(100, "other", T0_MS + 1_000);
        put(200, "other", T0_MS + 2_000);
        put(300, "dup", T0_MS + 5_000);
        put(400, "dup", T0_MS + 9_000);

        assertThat(index.lookup(key("dup"), T0_MS + 5_000, 10)).containsExactly(400, 300);
        assertThat(index.lookup(key("dup"), T0_MS + 5_001, 10)).containsExactly(400);
        assertThat(index.lookup(key("dup"), T0_MS + 9_001, 10)).isEmpty();
        assertThat(index.lookup(key("dup"), T0_MS, 10)).containsExactly(400, 300, 0);
    }

    @Test
    void shouldRollWhenAStoreTimeNoLongerFitsTheFilesTimeDelta() {
        index = open(8, 1_000);
        long thirtyDaysMs = 30L * 24 * 60 * 60 * 1_000;
        put(0, "id-a", T0_MS);
        put(100, "id-a", T0_MS + thirtyDaysMs);

        assertThat(index.fileCount()).isEqualTo(2);
        assertThat(index.lookup(key("id-a"), ALL_TIME, 10)).containsExactly(100, 0);
        assertThat(index.lookup(key("id-a"), T0_MS + 1, 10)).containsExactly(100);
    }

    @Test
    void shouldDropEntriesAtAndAboveTheTruncatedCommitLogEnd() {
        index = open(4, 3);
        for (int i = 0; i < 8; i++) {
            put(i * 100L, "id-" + (i % 2), T0_MS + i);
        }

        index.truncateAbove(350);

        assertThat(index.indexedUpToCommitLogOffset()).isEqualTo(350);
        assertThat(index.fileCount()).isEqualTo(2);
        assertThat(index.lookup(key("id-1"), ALL_TIME, 10)).containsExactly(300, 100);
        assertThat(index.lookup(key("id-0"), ALL_TIME, 10)).containsExactly(200, 0);
        put(350, "id-0", T0_MS + 20);
        assertThat(index.lookup(key("id-0"), ALL_TIME, 10)).containsExactly(350, 200, 0);
        index.close();
        index = open(4, 3);
        assertThat(index.lookup(key("id-1"), ALL_TIME, 10)).containsExactly(300, 100);
        assertThat(index.lookup(key("id-0"), ALL_TIME, 10)).containsExactly(350, 200, 0);
    }

    @Test
    void shouldKeepTheTruncationAcrossACrashAfterIt() {
        index = open(4, 3);
        for (int i = 0; i < 8; i++) {
            put(i * 100L, "id-" + i, T0_MS + i);
        }
        index.flush();

        index.truncateAbove(0);

        assertThat(index.fileCount()).isZero();
        index = open(4, 3);
        assertThat(index.indexedUpToCommitLogOffset()).isZero();
        assertThat(index.lookup(key("id-1"), ALL_TIME, 10)).isEmpty();
        put(0, "id-new", T0_MS);
        assertThat(index.lookup(key("id-new"), ALL_TIME, 10)).containsExactly(0);
    }

    @Test
    void shouldDeleteFilesWhollyBelowTheCommitLogMinimumButKeepTheNewest() throws IOException {
        index = open(4, 2);
        for (int i = 0; i < 7; i++) {
            put(i * 100L, "id-" + i, T0_MS + i);
        }
        assertThat(index.fileCount()).isEqualTo(4);

        assertThat(index.deleteBelow(300)).isEqualTo(1);
        assertThat(index.deleteBelow(301)).isEqualTo(1);

        assertThat(indexFiles()).hasSize(2);
        assertThat(index.lookup(key("id-3"), ALL_TIME, 10)).isEmpty();
        assertThat(index.lookup(key("id-4"), ALL_TIME, 10)).containsExactly(400);
        assertThat(index.deleteBelow(Long.MAX_VALUE)).isEqualTo(1);
        assertThat(index.lookup(key("id-6"), ALL_TIME, 10)).containsExactly(600);
        index.close();
        index = open(4, 2);
        assertThat(index.fileCount()).isEqualTo(1);
        assertThat(index.lookup(key("id-6"), ALL_TIME, 10)).containsExactly(600);
    }

    @Test
    void shouldRebuildFromNothingWhenTheCheckpointIsLost() throws IOException {
        index = open(4, 2);
        put(0, "id-a", T0_MS);
        index.close();
        Files.delete(directory.resolve(MessageKeyIndex.CHECKPOINT_FILE_NAME));

        index = open(4, 2);

        assertThat(index.indexedUpToCommitLogOffset()).isZero();
        assertThat(indexFiles()).isEmpty();
    }

    @Test
    void shouldStayConsistentUnderManyKeysAndFiles() {
        index = open(97, 500);
        Map<String, Long> latest = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            String id = "msg-" + (i % 1_500);
            put(i * 100L, id, T0_MS + i);
            latest.put(id, i * 100L);
        }
        assertThat(index.fileCount()).isEqualTo(10);
        index.close();
        index = open(97, 500);

        assertThat(index.fileCount()).isEqualTo(10);
        for (Map.Entry<String, Long> entry : latest.entrySet()) {
            long[] found = index.lookup(key(entry.getKey()), ALL_TIME, 1);
            assertThat(found).as(entry.getKey()).containsExactly(entry.getValue());
        }
    }

    @Test
    void shouldRejectAnEmptyKeyOrAnUnboundedResultCount() {
        index = open(4, 4);
        assertThatThrownBy(() -> index.lookup(new byte[0], ALL_TIME, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.lookup(key("a"), ALL_TIME, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyIndexConfig(directory, 1 << 30, 1 << 30))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private MessageKeyIndex open(int slotCount, int maxEntriesPerFile) {
        return MessageKeyIndex.open(new KeyIndexConfig(directory, slotCount, maxEntriesPerFile));
    }

    private void put(long commitLogOffset, String id, long storeTimestampMs) {
        index.dispatch(request(commitLogOffset, key(id), storeTimestampMs));
    }

    private static DispatchRequest request(long commitLogOffset, byte[] key, long storeTimestampMs) {
        return new DispatchRequest("topic", 0, commitLogOffset / RECORD_BYTES, commitLogOffset, RECORD_BYTES,
                0L, storeTimestampMs, 0, key);
    }

    private static byte[] key(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    private Path[] indexFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(IndexFileDescriptor.FILE_SUFFIX)).toArray(Path[]::new);
        }
    }

    private static byte[][] findTwoKeysWithTheSameHash() {
        Map<Integer, String> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            String id = "collide-" + i;
            String earlier = seen.putIfAbsent(MessageKeyHash.of(key(id)), id);
            if (earlier != null) {
                return new byte[][] {key(earlier), key(id)};
            }
        }
    }
}
