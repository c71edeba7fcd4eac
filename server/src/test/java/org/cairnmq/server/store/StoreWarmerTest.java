package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.server.store.StoreTestSupport.appendOk;
import static org.cairnmq.server.store.StoreTestSupport.awaitDispatched;
import static org.cairnmq.server.store.StoreTestSupport.bytes;
import static org.cairnmq.server.store.StoreTestSupport.payload;
import static org.cairnmq.server.store.StoreTestSupport.request;
import static org.cairnmq.server.store.StoreTestSupport.smallConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.cairnmq.server.store.internal.MappedSegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The CommitLog warmer: the next segment is mapped and pre-touched before the appender needs it,
 * appends roll over into it, and a close leaves no unused standby file behind.
 */
@Timeout(60)
class StoreWarmerTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(value = FlushMode.class, names = {"SYNC", "ASYNC"})
    void shouldPrepareTheNextSegmentBeforeTheAppenderReachesIt(FlushMode mode) throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory).withFlushMode(mode))) {
            store.start();
            AppendResult first = appendOk(store, request("orders", 0, 0));
            Path next = directory.resolve("commitlog").resolve(MappedSegment.fileName(StoreTestSupport.SEGMENT_BYTES));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(next));
            assertThat(store.readAt(first.commitLogOffset())).isNotNull();
        }
    }

    @Test
    void shouldReportTheActiveSegmentAndTheStandbyAsWarmInAsyncMode() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory).withFlushMode(FlushMode.ASYNC))) {
            store.start();
            appendOk(store, request("orders", 0, 0));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> store.commitLogWarmedOffset() == 2L * StoreTestSupport.SEGMENT_BYTES);
        }
    }

    @Test
    void shouldKeepEveryRecordAcrossRollOversIntoWarmedSegmentsAndDeleteTheStandbyOnClose() throws Exception {
        List<AppendResult> results = new ArrayList<>();
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            for (int i = 0; i < 300; i++) {
                results.add(appendOk(store, request("orders", i % 2, i)));
            }
            awaitDispatched(store);
        }
        long end = results.get(results.size() - 1).commitLogOffset();
        assertThat(segmentBaseOffsets()).allMatch(base -> base <= end);
        try (MessageStore store = new MessageStore(smallConfig(directory))) {
            store.start();
            assertThat(store.recoveredFromCrash()).isFalse();
            for (int i = 0; i < results.size(); i++) {
                assertThat(bytes(store.readAt(results.get(i).commitLogOffset()).payload()))
                        .isEqualTo(payload("orders", i % 2, i));
            }
            AppendResult after = appendOk(store, request("orders", 0, 300));
            assertThat(after.queueOffset()).isEqualTo(150L);
        }
    }

    @Test
    void shouldAppendIntoSegmentsItCreatesItselfWhenTheWarmerIsOff() throws Exception {
        try (MessageStore store = new MessageStore(smallConfig(directory).withCommitLogWarmAheadBytes(0))) {
            store.start();
            for (int i = 0; i < 100; i++) {
                appendOk(store, request("orders", 0, i));
            }
            assertThat(store.commitLogWarmedOffset()).isEqualTo(store.maxCommitLogOffset());
            assertThat(segmentBaseOffsets()).allMatch(base -> base < store.maxCommitLogOffset());
        }
    }

    private List<Long> segmentBaseOffsets() throws Exception {
        try (Stream<Path> files = Files.list(directory.resolve("commitlog"))) {
            return files.map(f -> MappedSegment.parseFileName(f.getFileName().toString())).toList();
        }
    }
}
