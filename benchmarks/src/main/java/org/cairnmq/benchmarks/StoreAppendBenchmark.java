package org.cairnmq.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.cairnmq.server.store.AppendRequest;
import org.cairnmq.server.store.AppendResult;
import org.cairnmq.server.store.FlushMode;
import org.cairnmq.server.store.MessageStore;
import org.cairnmq.server.store.PutStatus;
import org.cairnmq.server.store.StoreConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CommitLog append of 1 KiB records, read against {@link DiskBaselineBenchmark} of the same run.
 *
 * <ul>
 *   <li>{@code asyncAppend}: asynchronous flush, one appending thread that keeps
 *       {@link #ASYNC_WINDOW} appends in flight (an {@link InFlightWindow}: as a broker does for many producers).
 *       Compare {@code ops/s × 1 KiB} with {@code sequentialWrite1MiB}.
 *   <li>{@code asyncAppendDurable}: the sustained rate: runs of {@link #DURABLE_RUN_RECORDS} appends
 *       (256 MiB of payload) as in {@code asyncAppend}, each run ended by {@link MessageStore#flush()}
 *       whose time counts, so that what the page cache absorbed but the disk has not yet taken is not
 *       counted as done. Compare {@code ops/s × 1 KiB} with {@code sequentialWriteDurable1MiB}.
 *       With {@code memory=recycled} each run first has as much memory as it will write put back in
 *       the free pool ({@link PageCacheRecycler}, not measured), the condition of a broker that has
 *       run for a while and of the disk loop; {@code memory=cold} leaves the run to memory that may
 *       have gone back to a virtual machine's host (see {@link PageCacheRecycler} for the cost).
 *   <li>{@code asyncAppendBatch}: the same, appending {@link #BATCH_RECORDS} records per
 *       {@code appendBatch} call as the broker does for a SEND_BATCH; ops/s counts records.
 *   <li>{@code asyncAppendWarmBurst}: bursts of {@link #BURST_RECORDS} appends (about 36 MiB) that
 *       fit the region the store's warmer pre-touched ahead of the write position; before each burst
 *       (not measured) it waits until the warmer has touched that far. ops/s counts records: the
 *       append rate into warm pages, to compare with the disk's warm-rewrite bandwidth. With
 *       {@code warmAheadBytes=0} the same bursts go into fresh pages. The other async figures are
 *       the sustained rate, where the warmer competes with the appender for the CPU.
 *   <li>{@code syncAppend*}: synchronous flush with group commit; each thread waits for its own
 *       record to be durable before it appends the next, as a persistent JMS send does. Compare
 *       {@code ops/s × 1 KiB} with {@code writeAndForce64KiB}'s bandwidth. Each iteration prints
 *       its group commits per second and mean group size, to compare with the raw force rate.
 *       With blocking appenders a group holds at most one record per thread (16 KiB for 16).
 *   <li>{@code syncAppend16ThreadsPipelined}: synchronous flush with group commit, 16 threads that
 *       each keep {@link #SYNC_WINDOW} appends in flight, as a broker's appender sees many producers'
 *       persistent sends waiting for their durability at once; every append still completes only
 *       when its record is forced. ops/s counts records: compare {@code ops/s × 1 KiB} with
 *       {@code writeAndForce64KiB}'s bandwidth.
 * </ul>
 *
 * <p>Design note: every iteration opens a fresh store in a new directory and deletes it afterwards,
 * so a long run neither fills the disk nor measures retention; see {@link OpenStore#close()} for the
 * collection that follows.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class StoreAppendBenchmark {

    static final int RECORD_PAYLOAD_BYTES = 1024;
    static final int ASYNC_WINDOW = 4096;
    static final int SYNC_WINDOW = 64;
    static final int SEGMENT_BYTES = 1 << 30;
    static final int QUEUE_COUNT = 16;
    static final int BATCH_RECORDS = 64;
    static final int BURST_RECORDS = 32 * 1024;
    static final int DURABLE_RUN_RECORDS = 256 * 1024;
    /** What a durable run draws from memory: its records with their headers, and a margin. */
    static final long DURABLE_RUN_MEMORY_BYTES = (long) DURABLE_RUN_RECORDS * (RECORD_PAYLOAD_BYTES + 128);
    static final long WARM_WAIT_NS = TimeUnit.SECONDS.toNanos(30);

    /** One store per iteration, shared by the benchmark's threads. */
    @State(Scope.Benchmark)
    public static class OpenStore {

        MessageStore store;
        Path directory;
        byte[] payload;
        long openedNs;

        @Setup(Level.Iteration)
        public void open() throws IOException {
            directory = Files.createTempDirectory("cairn-store-append");
            StoreConfig config = StoreConfig.defaults(directory)
                    .withCommitLogSegmentBytes(SEGMENT_BYTES)
                    .withFlushMode(flushMode())
                    .withCommitLogWarmAheadBytes(warmAheadBytes());
            store = new MessageStore(config);
            store.start();
            payload = new byte[RECORD_PAYLOAD_BYTES];
            ThreadLocalRandom.current().nextBytes(payload);
            openedNs = System.nanoTime();
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            double seconds = (System.nanoTime() - openedNs) / 1e9;
            long forces = store.commitLogForceCount();
            long bytes = store.maxCommitLogOffset();
            store.close();
            if (flushMode() == FlushMode.SYNC && forces > 0) {
                System.out.printf("%n  group commits: %.0f/s, %.1f KiB per commit%n", forces / seconds,
                        bytes / 1024.0 / forces);
            }
            BenchmarkFiles.deleteRecursively(directory);
            // The closed store's segment mappings hold their pages until collected. A broker runs one
            // store for its lifetime and deletes a segment long after writing it, so mappings of deleted
            // files pile up only here, where every iteration opens a store: collecting them returns
            // gigabytes of pages to the free pool before the next iteration, which otherwise writes into
            // pages the machine must first reclaim (iterations of asyncAppendDurable stalled at a half or
            // a third of their rate without it, on the build machine's virtual machine).
            System.gc();
        }

        FlushMode flushMode() {
            return FlushMode.SYNC;
        }

        int warmAheadBytes() {
            return StoreConfig.DEFAULT_COMMIT_LOG_WARM_AHEAD_BYTES;
        }

        AppendRequest request(int queueId) {
            return new AppendRequest("bench", queueId, 0L, 0, System.currentTimeMillis(), null,
                    ByteBuffer.wrap(payload));
        }
    }

    /**
     * The asynchronous variant of the store, with the CommitLog warmer on (the default 64 MiB ahead)
     * and off (0), to compare the two in one run.
     */
    @State(Scope.Benchmark)
    public static class AsyncStore extends OpenStore {
        @Param({"67108864", "0"})
        int warmAheadBytes;

        @Override
        FlushMode flushMode() {
            return FlushMode.ASYNC;
        }

        @Override
        int warmAheadBytes() {
            return warmAheadBytes;
        }
    }

    /**
     * The store of {@code asyncAppendDurable}: asynchronous, the default warm-ahead, and the memory its
     * runs write into, recycled before each run or left cold.
     */
    @State(Scope.Benchmark)
    public static class DurableStore extends OpenStore {
        @Param({"recycled", "cold"})
        String memory;
        private final PageCacheRecycler recycler = new PageCacheRecycler();

        @Override
        FlushMode flushMode() {
            return FlushMode.ASYNC;
        }

        /** Not measured: frees as much recently used memory as the run will write (records, margin included). */
        @Setup(Level.Invocation)
        public void recycleMemory() throws IOException {
            if (memory.equals("recycled")) {
                recycler.recycle(directory.getParent(), DURABLE_RUN_MEMORY_BYTES);
            }
        }
    }

    /** Per-thread state for batches: a fixed list of requests, appended again and again. */
    @State(Scope.Thread)
    public static class BatchAppender {
        List<AppendRequest> batch;
        InFlightWindow<List<AppendResult>> window;

        @Setup(Level.Iteration)
        public void buildBatch(AsyncStore store) {
            int queueId = ThreadLocalRandom.current().nextInt(QUEUE_COUNT);
            batch = new ArrayList<>();
            for (int i = 0; i < BATCH_RECORDS; i++) {
                batch.add(store.request(queueId));
            }
            window = new InFlightWindow<>(ASYNC_WINDOW / BATCH_RECORDS,
                    results -> results.forEach(StoreAppendBenchmark::checkStatus));
        }

        @TearDown(Level.Iteration)
        public void drain() {
            window.drain();
        }
    }

    /** Per-thread state: the thread's queue and its window of in-flight appends. */
    @State(Scope.Thread)
    public static class Appender {
        int queueId;
        InFlightWindow<AppendResult> window;

        @Setup(Level.Iteration)
        public void pickQueue() {
            queueId = ThreadLocalRandom.current().nextInt(QUEUE_COUNT);
            // Bounds the appender's queue: without it the producer outruns the writer and the run
            // measures garbage collection of queued requests.
            window = new InFlightWindow<>(windowSize(), StoreAppendBenchmark::checkStatus);
        }

        int windowSize() {
            return ASYNC_WINDOW;
        }

        @TearDown(Level.Iteration)
        public void drain() {
            window.drain();
        }
    }

    /** Per-thread state of a pipelined synchronous appender: {@link Appender} with a window of {@link #SYNC_WINDOW}. */
    @State(Scope.Thread)
    public static class PipelinedAppender extends Appender {
        @Override
        int windowSize() {
            return SYNC_WINDOW;
        }
    }

    /** Per-invocation state of a warm burst: waits, unmeasured, for the warmer to be ahead. */
    @State(Scope.Thread)
    public static class WarmBurst {
        int queueId;

        @Setup(Level.Invocation)
        public void awaitWarmPages(AsyncStore store) {
            queueId = ThreadLocalRandom.current().nextInt(QUEUE_COUNT);
            long burstBytes = (long) BURST_RECORDS * (RECORD_PAYLOAD_BYTES + 128);
            long deadlineNs = System.nanoTime() + WARM_WAIT_NS;
            while (store.warmAheadBytes > 0 && store.store.commitLogWarmedOffset() - store.store.maxCommitLogOffset() < burstBytes) {
                if (System.nanoTime() - deadlineNs > 0) {
                    throw new IllegalStateException("the warmer did not get " + burstBytes + " bytes ahead");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BURST_RECORDS)
    public long asyncAppendWarmBurst(AsyncStore store, WarmBurst burst) {
        InFlightWindow<AppendResult> window = new InFlightWindow<>(ASYNC_WINDOW, StoreAppendBenchmark::checkStatus);
        for (int i = 0; i < BURST_RECORDS; i++) {
            window.add(store.store.append(store.request(burst.queueId)));
        }
        window.drain();
        return store.store.maxCommitLogOffset();
    }

    @Benchmark
    @Threads(1)
    public CompletableFuture<AppendResult> asyncAppend(AsyncStore store, Appender appender) {
        return appender.window.add(store.store.append(store.request(appender.queueId)));
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(DURABLE_RUN_RECORDS)
    public long asyncAppendDurable(DurableStore store, Appender appender) {
        for (int i = 0; i < DURABLE_RUN_RECORDS; i++) {
            appender.window.add(store.store.append(store.request(appender.queueId)));
        }
        appender.window.drain();
        return store.store.flush();
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH_RECORDS)
    public CompletableFuture<List<AppendResult>> asyncAppendBatch(AsyncStore store, BatchAppender appender) {
        return appender.window.add(store.store.appendBatch(appender.batch));
    }

    @Benchmark
    @Threads(1)
    public AppendResult syncAppend1Thread(OpenStore store, Appender appender) {
        return checkStatus(store.store.append(store.request(appender.queueId)).join());
    }

    @Benchmark
    @Threads(4)
    public AppendResult syncAppend4Threads(OpenStore store, Appender appender) {
        return checkStatus(store.store.append(store.request(appender.queueId)).join());
    }

    @Benchmark
    @Threads(16)
    public AppendResult syncAppend16Threads(OpenStore store, Appender appender) {
        return checkStatus(store.store.append(store.request(appender.queueId)).join());
    }

    @Benchmark
    @Threads(16)
    public CompletableFuture<AppendResult> syncAppend16ThreadsPipelined(OpenStore store, PipelinedAppender appender) {
        return appender.window.add(store.store.append(store.request(appender.queueId)));
    }

    static AppendResult checkStatus(AppendResult result) {
        if (result.status() != PutStatus.OK) {
            throw new IllegalStateException("append failed: " + result.status());
        }
        return result;
    }
}
