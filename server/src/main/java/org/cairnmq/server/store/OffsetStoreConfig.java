package org.cairnmq.server.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The settings of a {@link ConsumerOffsetStore}. Immutable.
 *
 * @param directory {@code directory}: where the store keeps its snapshot and journal; owned by the
 *     store alone. No default; required.
 * @param compactEveryJournalBytes {@code compactEveryJournalBytes}, bytes: when the journal grows
 *     past this, the next {@link ConsumerOffsetStore#flush()} folds it into a new snapshot and starts
 *     an empty journal. Default 4 MiB ({@value #DEFAULT_COMPACT_EVERY_JOURNAL_BYTES}); at least
 *     {@value #MIN_COMPACT_EVERY_JOURNAL_BYTES}.
 */
public record OffsetStoreConfig(Path directory, long compactEveryJournalBytes) {

    /** Default {@link #compactEveryJournalBytes()}: 4 MiB. */
    public static final long DEFAULT_COMPACT_EVERY_JOURNAL_BYTES = 4L << 20;
    /** Smallest {@link #compactEveryJournalBytes()} accepted. */
    public static final long MIN_COMPACT_EVERY_JOURNAL_BYTES = 64L;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if {@code compactEveryJournalBytes} is too small
     */
    public OffsetStoreConfig {
        Objects.requireNonNull(directory, "directory");
        if (compactEveryJournalBytes < MIN_COMPACT_EVERY_JOURNAL_BYTES) {
            throw new IllegalArgumentException("compactEveryJournalBytes must be at least "
                    + MIN_COMPACT_EVERY_JOURNAL_BYTES + ", was " + compactEveryJournalBytes);
        }
    }

    /**
     * @param directory where the store keeps its files
     * @return the default settings for that directory
     */
    public static OffsetStoreConfig defaults(Path directory) {
        return new OffsetStoreConfig(directory, DEFAULT_COMPACT_EVERY_JOURNAL_BYTES);
    }

    /**
     * @param bytes the new {@link #compactEveryJournalBytes()}
     * @return a copy with it
     */
    public OffsetStoreConfig withCompactEveryJournalBytes(long bytes) {
        return new OffsetStoreConfig(directory, bytes);
    }
}
