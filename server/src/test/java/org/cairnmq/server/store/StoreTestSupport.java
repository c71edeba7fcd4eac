package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.cairnmq.server.store.internal.MappedSegment;

/**
 * Shared helpers for the store tests: tiny segments so that roll-over and recovery really happen.
 */
final class StoreTestSupport {

    static final int SEGMENT_BYTES = 4096;
    static final int CONSUME_QUEUE_ENTRIES = 16;
    static final int KEY_INDEX_SLOTS = 64;
    static final int KEY_INDEX_ENTRIES_PER_FILE = 128;

    private StoreTestSupport() {
    }

    static StoreConfig smallConfig(Path directory) {
        return StoreConfig.defaults(directory)
                .withCommitLogSegmentBytes(SEGMENT_BYTES)
                .withConsumeQueueSegmentEntries(CONSUME_QUEUE_ENTRIES)
                .withCheckpointIntervalMs(20)
                .withAsyncFlushIntervalMs(10)
                .withDiskFullReserveBytes(0)
                .withKeyIndex(KEY_INDEX_SLOTS, KEY_INDEX_ENTRIES_PER_FILE);
    }

    static byte[] payload(String topic, int queueId, int index) {
        return (topic + "/" + queueId + "/" + index + "/" + "x".repeat(index % 97)).getBytes(StandardCharsets.UTF_8);
    }

    static AppendRequest request(String topic, int queueId, int index) {
        return new AppendRequest(topic, queueId, index, index % 7, 1_000L + index,
                ("id-" + index).getBytes(StandardCharsets.UTF_8), ByteBuffer.wrap(payload(topic, queueId, index)));
    }

    static AppendRequest withDurability(AppendRequest request, boolean durable) {
        return new AppendRequest(request.topic(), request.queueId(), request.tagsCode(), request.flags(),
                request.bornTimestampMs(), request.key(), request.payload(), durable);
    }

    static AppendResult appendOk(MessageStore store, AppendRequest request) throws Exception {
        AppendResult result = store.append(request).get(10, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(PutStatus.OK);
        return result;
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    static Path segmentFile(Path directory, long commitLogOffset) {
        long base = commitLogOffset - commitLogOffset % SEGMENT_BYTES;
        return directory.resolve("commitlog").resolve(MappedSegment.fileName(base));
    }

    /** Waits until the store has dispatched everything it confirmed. */
    static void awaitDispatched(MessageStore store) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2))
                .until(() -> store.dispatchedCommitLogOffset() >= store.maxCommitLogOffset());
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private final AtomicLong epochMs;

        MutableClock(long epochMs) {
            this.epochMs = new AtomicLong(epochMs);
        }

        void advanceMs(long deltaMs) {
            epochMs.addAndGet(deltaMs);
        }

        @Override
        public long millis() {
            return epochMs.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
