package org.cairnmq.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cairnmq.server.store.StoreTestSupport.awaitDispatched;
import static org.cairnmq.server.store.StoreTestSupport.bytes;
import static org.cairnmq.server.store.StoreTestSupport.payload;
import static org.cairnmq.server.store.StoreTestSupport.request;
import static org.cairnmq.server.store.StoreTestSupport.smallConfig;
import static org.cairnmq.server.store.StoreTestSupport.withDurability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SYNC mode's group commit runs on its own thread while the appender writes the next batches: an
 * append still completes only once its record and every durable record before it are forced, a
 * non-durable append never becomes visible ahead of an unforced durable one, and each caller's
 * appends complete in the order it made them.
 */
@Timeout(60)
class StoreGroupCommitTest {

    private static final int CALLERS = 4;
    private static final int SEGMENT_BYTES = 1 << 20;
    private static final int APPENDS_PER_CALLER = 1000;
    private static final int DURABLE_EVERY = 10;
    /** Short pauses keep the batches small, so that many are written while earlier ones are forced. */
    private static final int PACE_EVERY = 2;
    private static final long PACE_NS = TimeUnit.MICROSECONDS.toNanos(100);

    @TempDir
    Path directory;

    @Test
    void shouldCompleteEachCallersAppendsInOrderAndOnlyOnceEveryDurableRecordBeforeThemIsForced() throws Exception {
        Queue<String> violations = new ConcurrentLinkedQueue<>();
        // Segments large enough that a batch is written in microseconds and forced in a fraction of a millisecond.
        StoreConfig config = smallConfig(directory).withFlushMode(FlushMode.SYNC).withCommitLogSegmentBytes(SEGMENT_BYTES);
        try (MessageStore store = new MessageStore(config)) {
            store.start();
            List<CompletableFuture<List<CompletableFuture<AppendResult>>>> callers = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                int queueId = c;
                callers.add(CompletableFuture.supplyAsync(() -> appendMixed(store, queueId, violations)));
            }
            for (int c = 0; c < CALLERS; c++) {
                List<CompletableFuture<AppendResult>> appends = callers.get(c).get(30, TimeUnit.SECONDS);
                for (int i = 0; i < appends.size(); i++) {
                    AppendResult result = appends.get(i).get(30, TimeUnit.SECONDS);
                    assertThat(result.status()).isEqualTo(PutStatus.OK);
                    assertThat(result.queueOffset()).as("queue offset of append %d of caller %d", i, c).isEqualTo(i);
                }
            }
            awaitDispatched(store);
            for (int c = 0; c < CALLERS; c++) {
                GetResult read = store.read("mixed", c, 0, APPENDS_PER_CALLER);
                assertThat(read.records()).hasSize(APPENDS_PER_CALLER);
                for (int i = 0; i < APPENDS_PER_CALLER; i++) {
                    assertThat(bytes(read.records().get(i).payload())).isEqualTo(payload("mixed", c, i));
                }
            }
            assertThat(store.commitLogForceCount()).as("durable appends share forces")
                    .isLessThan(CALLERS * APPENDS_PER_CALLER / DURABLE_EVERY);
        }
        assertThat(violations).isEmpty();
    }

    /**
     * Appends without waiting, every tenth record durable, and checks each completion as it happens:
     * the caller's previous append is complete, and the log is forced past the record itself if it
     * is durable, else past the caller's last durable record before it.
     */
    private static List<CompletableFuture<AppendResult>> appendMixed(MessageStore store, int queueId,
            Queue<String> violations) {
        List<CompletableFuture<AppendResult>> appends = new ArrayList<>();
        int lastDurable = -1;
        for (int i = 0; i < APPENDS_PER_CALLER; i++) {
            boolean durable = i % DURABLE_EVERY == 0;
            CompletableFuture<AppendResult> append = store.append(withDurability(request("mixed", queueId, i), durable));
            CompletableFuture<AppendResult> previous = i == 0 ? null : appends.get(i - 1);
            CompletableFuture<AppendResult> mustBeForced = durable ? append
                    : lastDurable < 0 ? null : appends.get(lastDurable);
            String name = "append " + i + " of queue " + queueId;
            append.thenAccept(result -> {
                if (previous != null && !previous.isDone()) {
                    violations.add(name + " completed before the caller's previous append");
                }
                AppendResult forced = mustBeForced == null ? null : mustBeForced.getNow(null);
                if (mustBeForced != null && forced == null) {
                    violations.add(name + " completed before the caller's last durable append");
                } else if (forced != null) {
                    long end = forced.commitLogOffset() + forced.sizeBytes();
                    if (store.flushedCommitLogOffset() < end) {
                        violations.add(name + " completed before the log was forced to " + end);
                    }
                }
            });
            appends.add(append);
            lastDurable = durable ? i : lastDurable;
            if (i % PACE_EVERY == 0) {
                LockSupport.parkNanos(PACE_NS);
            }
        }
        return appends;
    }
}
