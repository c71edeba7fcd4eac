package org.cairnmq.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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

/**
 * What the disk alone can do, measured with plain loops in the same run as the store: the yardstick
 * every store figure is reported against.
 *
 * <ul>
 *   <li>{@code sequentialWrite1MiB}: 1 MiB sequential writes through a {@link FileChannel} (the page
 *       cache absorbs them, as it absorbs the store's asynchronous appends). Bandwidth is
 *       {@code ops/s × 1 MiB}.
 *   <li>{@code sequentialWriteFreshFile1MiB}: the same 1 MiB writes, but always into pages no write
 *       touched before: a new file every {@link #FRESH_FILE_BYTES}, the previous one deleted. This is
 *       what an append into a new CommitLog segment costs without pre-touching (the kernel allocates
 *       and zeroes a page-cache page per 4 KiB). Bandwidth is {@code ops/s × 1 MiB}.
 *   <li>{@code sequentialWriteDurable1MiB}: the disk's sustained sequential bandwidth: runs of
 *       {@link #DURABLE_RUN_MIB} 1 MiB writes into a new file, each run ended by a {@code force}
 *       ({@link DurableDiskLoop})
 *       whose time counts, so the figure is what the device takes, not what the page cache
 *       absorbs. Bandwidth is {@code ops/s × 1 MiB}. The yardstick of the store's
 *       {@code asyncAppendDurable}. Each run deletes the previous run's file first, so it writes
 *       into memory just freed (the store's {@code memory=recycled} runs, see
 *       {@link PageCacheRecycler}).
 *   <li>{@code writeAndForce64KiB}: 64 KiB written, then {@code force}: what a group commit of 64
 *       KiB costs at best. Bandwidth is {@code ops/s × 64 KiB}.
 * </ul>
 *
 * <p>Design note: the file of {@code sequentialWrite1MiB} wraps around after
 * {@link #FILE_LENGTH_BYTES} so a long run does not fill the disk; overwriting keeps the writes
 * sequential, but into pages that are already in the page cache (warm), which is the best case.
 * {@code sequentialWriteFreshFile1MiB} is the worst case; a store's figure lies between the two.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DiskBaselineBenchmark {

    static final int LARGE_WRITE_BYTES = 1024 * 1024;
    static final int FORCED_WRITE_BYTES = 64 * 1024;
    static final long FILE_LENGTH_BYTES = 512L * 1024 * 1024;
    static final long FRESH_FILE_BYTES = 64L * 1024 * 1024;
    static final int DURABLE_RUN_MIB = 256;

    private Path directory;
    private FileChannel channel;
    private ByteBuffer largeBuffer;
    private ByteBuffer forcedBuffer;
    private long position;
    private FileChannel freshChannel;
    private Path freshFile;
    private long freshPosition;
    private int freshFileCount;
    private DurableDiskLoop durableLoop;

    @Setup(Level.Trial)
    public void openFile() throws IOException {
        directory = Files.createTempDirectory("cairn-disk-baseline");
        channel = FileChannel.open(directory.resolve("baseline.dat"),
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        largeBuffer = randomDirectBuffer(LARGE_WRITE_BYTES);
        forcedBuffer = randomDirectBuffer(FORCED_WRITE_BYTES);
        durableLoop = new DurableDiskLoop(directory);
    }

    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        channel.close();
        durableLoop.deletePrevious();
        if (freshChannel != null) {
            freshChannel.close();
        }
        BenchmarkFiles.deleteRecursively(directory);
    }

    @Benchmark
    public long sequentialWrite1MiB() throws IOException {
        return write(largeBuffer);
    }

    @Benchmark
    public long sequentialWriteFreshFile1MiB() throws IOException {
        if (freshChannel == null || freshPosition + LARGE_WRITE_BYTES > FRESH_FILE_BYTES) {
            nextFreshFile();
        }
        largeBuffer.clear();
        while (largeBuffer.hasRemaining()) {
            freshPosition += freshChannel.write(largeBuffer, freshPosition);
        }
        return freshPosition;
    }

    private void nextFreshFile() throws IOException {
        if (freshChannel != null) {
            freshChannel.close();
            Files.delete(freshFile);
        }
        freshFile = directory.resolve("fresh-" + freshFileCount++ + ".dat");
        freshChannel = FileChannel.open(freshFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        freshPosition = 0;
    }

    @Benchmark
    @OperationsPerInvocation(DURABLE_RUN_MIB)
    public long sequentialWriteDurable1MiB() throws IOException {
        return durableLoop.run(DURABLE_RUN_MIB);
    }

    @Benchmark
    public long writeAndForce64KiB() throws IOException {
        long written = write(forcedBuffer);
        channel.force(false);
        return written;
    }

    private long write(ByteBuffer buffer) throws IOException {
        if (position + buffer.capacity() > FILE_LENGTH_BYTES) {
            position = 0;
        }
        buffer.clear();
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        return position;
    }

    private static ByteBuffer randomDirectBuffer(int lengthBytes) {
        byte[] bytes = new byte[lengthBytes];
        ThreadLocalRandom.current().nextBytes(bytes);
        return ByteBuffer.allocateDirect(lengthBytes).put(bytes).flip();
    }
}
