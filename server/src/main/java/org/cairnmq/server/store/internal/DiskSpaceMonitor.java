package org.cairnmq.server.store.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cairnmq.server.store.StoreException;

/**
 * Answers "is there room?" and "how full is the volume?" for the store's volume.
 *
 * <p>Thread-safe: it only reads the volume's counters.
 */
public final class DiskSpaceMonitor {

    private final FileStore fileStore;
    private final long reserveBytes;

    /**
     * @param dataDirectory a directory on the store's volume
     * @param reserveBytes the free space below which appends fail
     */
    public DiskSpaceMonitor(Path dataDirectory, long reserveBytes) {
        try {
            this.fileStore = Files.getFileStore(dataDirectory);
        } catch (IOException e) {
            throw new StoreException(StoreException.Category.IO, "cannot inspect the volume of " + dataDirectory, e);
        }
        this.reserveBytes = reserveBytes;
    }

    /**
     * Design note: a volume whose counters cannot be read is treated as full, so that appends stop
     * with {@code DISK_FULL} rather than risk a write into a file the volume cannot back.
     *
     * @param neededBytes bytes about to be allocated
     * @return whether the usable space minus {@code neededBytes} stays at or above the reserve
     */
    public boolean hasRoomFor(long neededBytes) {
        try {
            return fileStore.getUsableSpace() - neededBytes >= reserveBytes;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @return the used fraction of the volume, 0..1 (1 if it cannot be read)
     */
    public double usedRatio() {
        try {
            long total = fileStore.getTotalSpace();
            return total <= 0 ? 1.0 : 1.0 - (double) fileStore.getUsableSpace() / total;
        } catch (IOException e) {
            return 1.0;
        }
    }
}
