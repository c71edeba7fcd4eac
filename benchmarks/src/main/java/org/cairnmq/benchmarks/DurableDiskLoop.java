package org.cairnmq.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The disk's sustained sequential bandwidth as a plain loop: each run deletes the previous run's
 * file, writes a new one in 1 MiB writes and forces it. {@link DiskBaselineBenchmark} times it alone
 * ({@code sequentialWriteDurable1MiB}), {@link PairedDurableBenchmark} in turns with the store.
 */
final class DurableDiskLoop {

    static final int WRITE_BYTES = 1024 * 1024;

    private final Path directory;
    private final ByteBuffer write;
    private Path previous;
    private int files;

    /**
     * @param directory where the run files go
     */
    DurableDiskLoop(Path directory) {
        this.directory = directory;
        byte[] random = new byte[WRITE_BYTES];
        ThreadLocalRandom.current().nextBytes(random);
        this.write = ByteBuffer.allocateDirect(WRITE_BYTES).put(random).flip();
    }

    /**
     * One run: the previous file deleted, {@code mib} 1 MiB writes into a new file, then a force.
     *
     * @param mib how many MiB to write
     * @return the bytes written
     */
    long run(int mib) throws IOException {
        deletePrevious();
        previous = directory.resolve("durable-" + files++ + ".dat");
        long position = 0;
        try (FileChannel channel = FileChannel.open(previous, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int i = 0; i < mib; i++) {
                write.clear();
                while (write.hasRemaining()) {
                    position += channel.write(write, position);
                }
            }
            channel.force(false);
        }
        return position;
    }

    /** Deletes the last run's file, if any. */
    void deletePrevious() throws IOException {
        if (previous != null) {
            Files.delete(previous);
            previous = null;
        }
    }
}
