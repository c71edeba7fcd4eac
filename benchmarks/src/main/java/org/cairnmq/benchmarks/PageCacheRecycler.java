package org.cairnmq.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Puts recently used memory back in the kernel's free pool just before a measured run, so that the
 * run's new page-cache pages are recycled ones, as they are for a broker that has run for a while.
 * It writes a scratch file of the given size into the page cache and deletes it before writeback
 * (ext4 allocates no blocks for it, so the disk sees nothing).
 *
 * <p>Design note: on a virtual machine that reports free memory to its host (Linux free page
 * reporting, as on the build machine), a page freed for more than a couple of seconds goes back to
 * the host, and the next write into it waits for the host to supply and zero it again. Measured there
 * with {@code dd}, 3 GiB written into the page cache ran at 0.63 to 0.70 GB/s after the memory had
 * been free for 8 s, and at 4.9 to 5.2 GB/s right after deleting the previous 3 GiB file. A
 * long-running broker writes into memory that reclaim has just freed from older segments' pages,
 * which is the second case; so does {@code DiskBaselineBenchmark}'s durable loop, which deletes its
 * previous 256 MiB file just before writing the next. A store benchmark that opens a new store per
 * iteration and writes gigabytes draws on the first case instead, and then measures the hypervisor.
 */
final class PageCacheRecycler {

    private static final int CHUNK_BYTES = 1 << 20;

    private final ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES);

    /**
     * Writes {@code bytes} (rounded up to whole MiB) into a scratch file in {@code directory}, then
     * deletes it.
     *
     * @param directory where the scratch file goes: on the file system the measured run writes to
     * @param bytes how much memory the run will draw on
     */
    void recycle(Path directory, long bytes) throws IOException {
        Path scratch = Files.createTempFile(directory, "recycle", ".tmp");
        try (FileChannel channel = FileChannel.open(scratch, StandardOpenOption.WRITE)) {
            for (long position = 0; position < bytes; position += CHUNK_BYTES) {
                chunk.clear();
                while (chunk.hasRemaining()) {
                    channel.write(chunk, position + chunk.position());
                }
            }
        } finally {
            Files.delete(scratch);
        }
    }
}
