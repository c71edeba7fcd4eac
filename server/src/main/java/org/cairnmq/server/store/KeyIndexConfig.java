package org.cairnmq.server.store;

import java.nio.file.Path;
import java.util.Objects;
import org.cairnmq.server.store.internal.IndexFileDescriptor;

/**
 * The settings of a {@link MessageKeyIndex}. Immutable. A change applies to index files created
 * afterwards; each file records its own slot count and capacity.
 *
 * @param directory {@code directory}: where the index keeps its files and checkpoint; owned by the
 *     index alone. No default; required.
 * @param slotCount {@code slotCount}, slots: the size of each file's hash-slot table (4 bytes each).
 *     Default {@value #DEFAULT_SLOT_COUNT}. Keys sharing a slot are chained, so more slots mean
 *     shorter chains.
 * @param maxEntriesPerFile {@code maxEntriesPerFile}, entries: how many keys one index file holds
 *     before the index rolls to a new file (20 bytes each). Default
 *     {@value #DEFAULT_MAX_ENTRIES_PER_FILE}, about 80 MiB of entries.
 */
public record KeyIndexConfig(Path directory, int slotCount, int maxEntriesPerFile) {

    /** Default {@link #slotCount()}. */
    public static final int DEFAULT_SLOT_COUNT = 1 << 20;
    /** Default {@link #maxEntriesPerFile()}. */
    public static final int DEFAULT_MAX_ENTRIES_PER_FILE = 1 << 22;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if a count is not positive or one file would exceed 2 GiB
     */
    public KeyIndexConfig {
        Objects.requireNonNull(directory, "directory");
        if (slotCount < 1 || maxEntriesPerFile < 1) {
            throw new IllegalArgumentException("slotCount and maxEntriesPerFile must be positive, were "
                    + slotCount + " and " + maxEntriesPerFile);
        }
        if (IndexFileDescriptor.fileLength(slotCount, maxEntriesPerFile) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an index file of " + slotCount + " slots and "
                    + maxEntriesPerFile + " entries exceeds 2 GiB");
        }
    }

    /**
     * @param directory where the index keeps its files
     * @return the default settings for that directory
     */
    public static KeyIndexConfig defaults(Path directory) {
        return new KeyIndexConfig(directory, DEFAULT_SLOT_COUNT, DEFAULT_MAX_ENTRIES_PER_FILE);
    }
}
