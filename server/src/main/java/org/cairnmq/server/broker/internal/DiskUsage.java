package org.cairnmq.server.broker.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleSupplier;

/**
 * The used fraction of the volume that holds a directory, re-read at most every
 * {@value #REFRESH_MS} ms so that the send path can ask on every send.
 *
 * <p>Owning thread: the broker thread.
 */
public final class DiskUsage implements DoubleSupplier {

    private static final long REFRESH_MS = 100L;

    private final FileStore fileStore;
    private double usedRatio;
    private boolean read;
    private long readAtMs;

    /**
     * @param directory a directory on the volume
     */
    public DiskUsage(Path directory) {
        try {
            this.fileStore = Files.getFileStore(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find the volume of " + directory, e);
        }
    }

    @Override
    public double getAsDouble() {
        long nowMs = System.currentTimeMillis();
        if (!read || nowMs - readAtMs >= REFRESH_MS) {
            read = true;
            readAtMs = nowMs;
            try {
                long total = fileStore.getTotalSpace();
                usedRatio = total <= 0 ? 0 : (double) (total - fileStore.getUsableSpace()) / total;
            } catch (IOException e) {
                usedRatio = 0;
            }
        }
        return usedRatio;
    }
}
