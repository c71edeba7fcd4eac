package org.cairnmq.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cairnmq.server.store.AppendRequest;
import org.cairnmq.server.store.AppendResult;
import org.cairnmq.server.store.FlushMode;
import org.cairnmq.server.store.GetResult;
import org.cairnmq.server.store.MessageStore;
import org.cairnmq.server.store.StoreConfig;
import org.cairnmq.server.store.StoredRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading 1 KiB records through a ConsumeQueue in batches of {@link #BATCH}, as dispatch does: the
 * score is records per second, each one located through its ConsumeQueue entry and its payload
 * touched in the mapped CommitLog segment.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConsumeQueueReadBenchmark {

    static final int RECORD_COUNT = 200_000;
    static final int BATCH = 32;

    private MessageStore store;
    private Path directory;
    private long nextQueueOffset;

    @Setup(Level.Trial)
    public void fill() throws IOException {
        directory = Files.createTempDirectory("cairn-cq-read");
        store = new MessageStore(StoreConfig.defaults(directory).withFlushMode(FlushMode.ASYNC));
        store.start();
        byte[] payload = new byte[StoreAppendBenchmark.RECORD_PAYLOAD_BYTES];
        List<CompletableFuture<AppendResult>> pending = new ArrayList<>();
        for (int i = 0; i < RECORD_COUNT; i++) {
            pending.add(store.append(AppendRequest.of("read", 0, payload)));
            if (pending.size() == 4096) {
                pending.forEach(CompletableFuture::join);
                pending.clear();
            }
        }
        pending.forEach(CompletableFuture::join);
        while (store.maxQueueOffset("read", 0) < RECORD_COUNT) {
            Thread.onSpinWait();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        BenchmarkFiles.deleteRecursively(directory);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void readBatch(Blackhole blackhole) {
        if (nextQueueOffset + BATCH > RECORD_COUNT) {
            nextQueueOffset = 0;
        }
        GetResult result = store.read("read", 0, nextQueueOffset, BATCH);
        for (StoredRecord record : result.records()) {
            ByteBuffer payload = record.payload();
            blackhole.consume(payload.get(payload.position()));
        }
        nextQueueOffset = result.nextQueueOffset();
    }
}
