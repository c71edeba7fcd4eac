package org.cairnmq.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.cairnmq.server.store.AppendRequest;
import org.cairnmq.server.store.AppendResult;
import org.cairnmq.server.store.FlushMode;
import org.cairnmq.server.store.MessageStore;
import org.cairnmq.server.store.StoreConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The sustained asynchronous append against the disk, measured in turns: each invocation runs
 * {@code DiskBaselineBenchmark.sequentialWriteDurable1MiB}'s loop once ({@link DurableDiskLoop}:
 * 256 MiB in 1 MiB writes into a new file, then a force), then
 * {@code StoreAppendBenchmark.asyncAppendDurable}'s run once with recycled memory (256 Ki appends of
 * 1 KiB to one queue, then {@link MessageStore#flush()}), each timed on its own.
 * The score counts pairs and means little; read the lines the benchmark prints after each iteration
 * and, for all measured iterations together, at the end: the loop's and the store's bandwidth and
 * their ratio, counting the store's payload or every byte it wrote (records with their headers).
 *
 * <p>The store runs without its warmer: while the loop writes, the store's log is idle, and a warmer
 * would pre-touch its next 64 MiB then, taking CPU and page cache from the loop's turn.
 *
 * <p>Design note: on a shared virtual machine the disk and the CPU are faster at some minutes than at
 * others; the two benchmarks above run minutes apart, so their ratio mixes the store with the
 * machine's mood. Pairing the runs within seconds of each other cancels most of that.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 6)
@Measurement(iterations = 5, time = 6)
@Fork(1)
public class PairedDurableBenchmark {

    static final int RUN_MIB = DiskBaselineBenchmark.DURABLE_RUN_MIB;
    static final int PAYLOAD_BYTES = StoreAppendBenchmark.RECORD_PAYLOAD_BYTES;
    static final int RUN_RECORDS = StoreAppendBenchmark.DURABLE_RUN_RECORDS;

    private final PageCacheRecycler recycler = new PageCacheRecycler();
    private Path directory;
    private MessageStore store;
    private DurableDiskLoop diskLoop;
    private byte[] payload;
    private int queueId;

    /** Both sides' bytes and times, summed over runs. */
    static final class Totals {
        long runs;
        long loopNs;
        long storeNs;
        long storeRecordBytes;

        void add(long loopRunNs, long storeRunNs, long storeRunRecordBytes) {
            runs++;
            loopNs += loopRunNs;
            storeNs += storeRunNs;
            storeRecordBytes += storeRunRecordBytes;
        }

        void add(Totals other) {
            runs += other.runs;
            loopNs += other.loopNs;
            storeNs += other.storeNs;
            storeRecordBytes += other.storeRecordBytes;
        }

        String describe() {
            double disk = runs * ((double) RUN_MIB * (1 << 20)) / (loopNs / 1e9);
            double payload = runs * (double) RUN_RECORDS * PAYLOAD_BYTES / (storeNs / 1e9);
            double records = storeRecordBytes / (storeNs / 1e9);
            return String.format("%d pairs: disk loop %.0f MiB/s, store %.0f MiB/s of payload (%.0f of records):"
                    + " %.1f%% / %.1f%% of the disk", runs, disk / (1 << 20), payload / (1 << 20),
                    records / (1 << 20), 100 * payload / disk, 100 * records / disk);
        }
    }

    private Totals iteration = new Totals();
    private final Totals measured = new Totals();
    private boolean measuring;

    @Setup(Level.Iteration)
    public void open(IterationParams params) throws IOException {
        measuring = params.getType() == IterationType.MEASUREMENT;
        iteration = new Totals();
        directory = Files.createTempDirectory("cairn-paired-durable");
        store = new MessageStore(StoreConfig.defaults(directory.resolve("store"))
                .withCommitLogSegmentBytes(StoreAppendBenchmark.SEGMENT_BYTES).withFlushMode(FlushMode.ASYNC)
                .withCommitLogWarmAheadBytes(0));
        store.start();
        diskLoop = new DurableDiskLoop(directory);
        queueId = ThreadLocalRandom.current().nextInt(StoreAppendBenchmark.QUEUE_COUNT);
        payload = new byte[PAYLOAD_BYTES];
        ThreadLocalRandom.current().nextBytes(payload);
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        System.out.printf("%n  %s%n", iteration.describe());
        if (measuring) {
            measured.add(iteration);
        }
        store.close();
        BenchmarkFiles.deleteRecursively(directory);
        // As in StoreAppendBenchmark: the closed store's mappings hold their pages until collected.
        System.gc();
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%nMeasured iterations, %s%n", measured.describe());
    }

    @Benchmark
    public long pairedRun() throws IOException {
        long loopStart = System.nanoTime();
        diskLoop.run(RUN_MIB);
        long loopNs = System.nanoTime() - loopStart;
        recycler.recycle(directory, StoreAppendBenchmark.DURABLE_RUN_MEMORY_BYTES);
        long offsetBefore = store.maxCommitLogOffset();
        long start = System.nanoTime();
        InFlightWindow<AppendResult> window = new InFlightWindow<>(StoreAppendBenchmark.ASYNC_WINDOW,
                StoreAppendBenchmark::checkStatus);
        for (int i = 0; i < RUN_RECORDS; i++) {
            window.add(store.append(new AppendRequest("bench", queueId, 0L, 0, System.currentTimeMillis(), null,
                    ByteBuffer.wrap(payload))));
        }
        window.drain();
        store.flush();
        long storeNs = System.nanoTime() - start;
        iteration.add(loopNs, storeNs, store.maxCommitLogOffset() - offsetBefore);
        return storeNs;
    }
}
