package org.cairnmq.server.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The store's settings. Immutable; start from {@link #defaults(Path)} and adjust with the withers.
 *
 * @param dataDirectory {@code dataDirectory}: the root of the store's files ({@code commitlog/},
 *     {@code consumequeue/}, {@code index/}, {@code consumer-offsets/}, {@code checkpoint}, the
 *     running marker). No default; required.
 * @param commitLogSegmentBytes {@code commitLogSegmentBytes}, bytes: the fixed size of one CommitLog
 *     segment file. Default 1 GiB ({@value #DEFAULT_COMMIT_LOG_SEGMENT_BYTES}). Tests use a few KiB.
 * @param consumeQueueSegmentEntries {@code consumeQueueSegmentEntries}, entries: how many fixed-width
 *     entries one ConsumeQueue segment file holds. Default {@value #DEFAULT_CONSUME_QUEUE_SEGMENT_ENTRIES}.
 * @param flushMode {@code flushMode}: {@link FlushMode#SYNC} (group commit, an append completes when
 *     durable) or {@link FlushMode#ASYNC} (an append completes when written). Default SYNC.
 * @param asyncFlushIntervalMs {@code asyncFlushIntervalMs}, milliseconds: how often the flusher
 *     forces the CommitLog in ASYNC mode at least (it also forces whenever 8 MiB were written since
 *     the last force). Default {@value #DEFAULT_ASYNC_FLUSH_INTERVAL_MS}.
 * @param checkpointIntervalMs {@code checkpointIntervalMs}, milliseconds: how often the ConsumeQueues
 *     are forced, the checkpoint is written and retention runs. Default
 *     {@value #DEFAULT_CHECKPOINT_INTERVAL_MS}.
 * @param retentionMs {@code retentionMs}, milliseconds: a CommitLog segment whose newest record is
 *     older than this, and which every consumer group has passed, is deleted. Default 72 hours.
 * @param diskUsageHighWaterRatio {@code diskUsageHighWaterRatio}, ratio 0..1 of the volume's total
 *     space: above it retention deletes the oldest segments whatever their age and consumption.
 *     Default {@value #DEFAULT_DISK_USAGE_HIGH_WATER_RATIO}.
 * @param diskFullReserveBytes {@code diskFullReserveBytes}, bytes: when less than this is free on the
 *     volume, appends fail with {@link PutStatus#DISK_FULL}. Default 256 MiB.
 * @param maxRecordBytes {@code maxRecordBytes}, bytes: the longest encoded record (header, topic, key
 *     and payload) accepted. Default 4 MiB; at most {@code commitLogSegmentBytes} minus the blank
 *     marker.
 * @param keyIndexSlotCount {@code keyIndexSlotCount}, slots: the hash-slot table size of each file of
 *     the store's {@link MessageKeyIndex} (under {@code index/}). Default
 *     {@value KeyIndexConfig#DEFAULT_SLOT_COUNT}.
 * @param keyIndexMaxEntriesPerFile {@code keyIndexMaxEntriesPerFile}, entries: how many keys one key
 *     index file holds. Default {@value KeyIndexConfig#DEFAULT_MAX_ENTRIES_PER_FILE}.
 * @param consumerOffsetCompactEveryJournalBytes {@code consumerOffsetCompactEveryJournalBytes}, bytes:
 *     the journal size past which the store's {@link ConsumerOffsetStore} (under
 *     {@code consumer-offsets/}) compacts. Default
 *     {@value OffsetStoreConfig#DEFAULT_COMPACT_EVERY_JOURNAL_BYTES}.
 * @param commitLogWarmAheadBytes {@code commitLogWarmAheadBytes}, bytes: how far ahead of the
 *     CommitLog's write position a background thread keeps the segment's pages pre-touched, and how
 *     much of the next segment (mapped ahead of time) it pre-touches, so that appends land in
 *     existing page-cache pages. 0 turns the warmer off (segments are then created at roll-over).
 *     Default 64 MiB ({@value #DEFAULT_COMMIT_LOG_WARM_AHEAD_BYTES}).
 */
public record StoreConfig(
        Path dataDirectory,
        int commitLogSegmentBytes,
        int consumeQueueSegmentEntries,
        FlushMode flushMode,
        long asyncFlushIntervalMs,
        long checkpointIntervalMs,
        long retentionMs,
        double diskUsageHighWaterRatio,
        long diskFullReserveBytes,
        int maxRecordBytes,
        int keyIndexSlotCount,
        int keyIndexMaxEntriesPerFile,
        long consumerOffsetCompactEveryJournalBytes,
        int commitLogWarmAheadBytes) {

    /** The key index's directory under {@link #dataDirectory()}. */
    public static final String KEY_INDEX_DIRECTORY = "index";
    /** The consumer offset store's directory under {@link #dataDirectory()}. */
    public static final String CONSUMER_OFFSETS_DIRECTORY = "consumer-offsets";

    /** Default {@link #commitLogSegmentBytes()}: 1 GiB. */
    public static final int DEFAULT_COMMIT_LOG_SEGMENT_BYTES = 1 << 30;
    /** Default {@link #consumeQueueSegmentEntries()}. */
    public static final int DEFAULT_CONSUME_QUEUE_SEGMENT_ENTRIES = 300_000;
    /** Default {@link #asyncFlushIntervalMs()}. */
    public static final long DEFAULT_ASYNC_FLUSH_INTERVAL_MS = 500L;
    /** Default {@link #checkpointIntervalMs()}. */
    public static final long DEFAULT_CHECKPOINT_INTERVAL_MS = 1_000L;
    /** Default {@link #retentionMs()}: 72 hours. */
    public static final long DEFAULT_RETENTION_MS = 72L * 60 * 60 * 1_000;
    /** Default {@link #diskUsageHighWaterRatio()}. */
    public static final double DEFAULT_DISK_USAGE_HIGH_WATER_RATIO = 0.90;
    /** Default {@link #diskFullReserveBytes()}: 256 MiB. */
    public static final long DEFAULT_DISK_FULL_RESERVE_BYTES = 256L << 20;
    /** Default {@link #maxRecordBytes()}: 4 MiB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 4 << 20;
    /** Default {@link #commitLogWarmAheadBytes()}: 64 MiB. */
    public static final int DEFAULT_COMMIT_LOG_WARM_AHEAD_BYTES = 64 << 20;

    /**
     * Validates the settings.
     */
    public StoreConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(flushMode, "flushMode");
        if (flushMode == FlushMode.UNKNOWN) {
            throw invalid("flushMode must be SYNC or ASYNC");
        }
        if (commitLogSegmentBytes < CommitLogRecordDescriptor.MIN_SEGMENT_BYTES) {
            throw invalid("commitLogSegmentBytes must be at least " + CommitLogRecordDescriptor.MIN_SEGMENT_BYTES);
        }
        if (consumeQueueSegmentEntries < 1
                || (long) consumeQueueSegmentEntries * ConsumeQueueDescriptor.ENTRY_BYTES > Integer.MAX_VALUE) {
            throw invalid("consumeQueueSegmentEntries out of range: " + consumeQueueSegmentEntries);
        }
        if (maxRecordBytes < CommitLogRecordDescriptor.MIN_RECORD_BYTES
                || maxRecordBytes > commitLogSegmentBytes - CommitLogRecordDescriptor.BLANK_MARKER_BYTES) {
            throw invalid("maxRecordBytes must fit in one segment with room for the blank marker");
        }
        if (commitLogWarmAheadBytes < 0) {
            throw invalid("commitLogWarmAheadBytes must not be negative");
        }
        if (asyncFlushIntervalMs < 1 || checkpointIntervalMs < 1 || retentionMs < 0 || diskFullReserveBytes < 0) {
            throw invalid("intervals must be positive, retention and reserve non-negative");
        }
        if (!(diskUsageHighWaterRatio >= 0.0 && diskUsageHighWaterRatio <= 1.0)) {
            throw invalid("diskUsageHighWaterRatio must be within 0..1");
        }
        try {
            new KeyIndexConfig(dataDirectory, keyIndexSlotCount, keyIndexMaxEntriesPerFile);
            new OffsetStoreConfig(dataDirectory, consumerOffsetCompactEveryJournalBytes);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /**
     * The settings as they were before the CommitLog warmer; it takes its default.
     *
     * @param dataDirectory see {@link #dataDirectory()}
     * @param commitLogSegmentBytes see {@link #commitLogSegmentBytes()}
     * @param consumeQueueSegmentEntries see {@link #consumeQueueSegmentEntries()}
     * @param flushMode see {@link #flushMode()}
     * @param asyncFlushIntervalMs see {@link #asyncFlushIntervalMs()}
     * @param checkpointIntervalMs see {@link #checkpointIntervalMs()}
     * @param retentionMs see {@link #retentionMs()}
     * @param diskUsageHighWaterRatio see {@link #diskUsageHighWaterRatio()}
     * @param diskFullReserveBytes see {@link #diskFullReserveBytes()}
     * @param maxRecordBytes see {@link #maxRecordBytes()}
     * @param keyIndexSlotCount see {@link #keyIndexSlotCount()}
     * @param keyIndexMaxEntriesPerFile see {@link #keyIndexMaxEntriesPerFile()}
     * @param consumerOffsetCompactEveryJournalBytes see {@link #consumerOffsetCompactEveryJournalBytes()}
     */
    public StoreConfig(Path dataDirectory, int commitLogSegmentBytes, int consumeQueueSegmentEntries,
            FlushMode flushMode, long asyncFlushIntervalMs, long checkpointIntervalMs, long retentionMs,
            double diskUsageHighWaterRatio, long diskFullReserveBytes, int maxRecordBytes, int keyIndexSlotCount,
            int keyIndexMaxEntriesPerFile, long consumerOffsetCompactEveryJournalBytes) {
        this(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode, asyncFlushIntervalMs,
                checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio, diskFullReserveBytes, maxRecordBytes,
                keyIndexSlotCount, keyIndexMaxEntriesPerFile, consumerOffsetCompactEveryJournalBytes,
                DEFAULT_COMMIT_LOG_WARM_AHEAD_BYTES);
    }

    /**
     * The settings as they were before the key index and the consumer offsets moved into the store;
     * those take their defaults.
     *
     * @param dataDirectory see {@link #dataDirectory()}
     * @param commitLogSegmentBytes see {@link #commitLogSegmentBytes()}
     * @param consumeQueueSegmentEntries see {@link #consumeQueueSegmentEntries()}
     * @param flushMode see {@link #flushMode()}
     * @param asyncFlushIntervalMs see {@link #asyncFlushIntervalMs()}
     * @param checkpointIntervalMs see {@link #checkpointIntervalMs()}
     * @param retentionMs see {@link #retentionMs()}
     * @param diskUsageHighWaterRatio see {@link #diskUsageHighWaterRatio()}
     * @param diskFullReserveBytes see {@link #diskFullReserveBytes()}
     * @param maxRecordBytes see {@link #maxRecordBytes()}
     */
    public StoreConfig(Path dataDirectory, int commitLogSegmentBytes, int consumeQueueSegmentEntries,
            FlushMode flushMode, long asyncFlushIntervalMs, long checkpointIntervalMs, long retentionMs,
            double diskUsageHighWaterRatio, long diskFullReserveBytes, int maxRecordBytes) {
        this(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode, asyncFlushIntervalMs,
                checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio, diskFullReserveBytes, maxRecordBytes,
                KeyIndexConfig.DEFAULT_SLOT_COUNT, KeyIndexConfig.DEFAULT_MAX_ENTRIES_PER_FILE,
                OffsetStoreConfig.DEFAULT_COMPACT_EVERY_JOURNAL_BYTES);
    }

    /**
     * @return the settings of the store's key index, in {@code dataDirectory/index}
     */
    public KeyIndexConfig keyIndexConfig() {
        return new KeyIndexConfig(dataDirectory.resolve(KEY_INDEX_DIRECTORY), keyIndexSlotCount,
                keyIndexMaxEntriesPerFile);
    }

    /**
     * @return the settings of the store's consumer offsets, in {@code dataDirectory/consumer-offsets}
     */
    public OffsetStoreConfig offsetStoreConfig() {
        return new OffsetStoreConfig(dataDirectory.resolve(CONSUMER_OFFSETS_DIRECTORY),
                consumerOffsetCompactEveryJournalBytes);
    }

    /**
     * @param slotCount the new {@link #keyIndexSlotCount()}
     * @param maxEntriesPerFile the new {@link #keyIndexMaxEntriesPerFile()}
     * @return a copy with those settings
     */
    public StoreConfig withKeyIndex(int slotCount, int maxEntriesPerFile) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio,
                diskFullReserveBytes, maxRecordBytes, slotCount, maxEntriesPerFile,
                consumerOffsetCompactEveryJournalBytes, commitLogWarmAheadBytes);
    }

    /**
     * @param value the new {@link #consumerOffsetCompactEveryJournalBytes()}
     * @return a copy with that setting
     */
    public StoreConfig withConsumerOffsetCompactEveryJournalBytes(long value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio,
                diskFullReserveBytes, maxRecordBytes, keyIndexSlotCount, keyIndexMaxEntriesPerFile, value,
                commitLogWarmAheadBytes);
    }

    /**
     * @param dataDirectory the root of the store's files
     * @return the default settings for that directory
     */
    public static StoreConfig defaults(Path dataDirectory) {
        return new StoreConfig(dataDirectory, DEFAULT_COMMIT_LOG_SEGMENT_BYTES, DEFAULT_CONSUME_QUEUE_SEGMENT_ENTRIES,
                FlushMode.SYNC, DEFAULT_ASYNC_FLUSH_INTERVAL_MS, DEFAULT_CHECKPOINT_INTERVAL_MS, DEFAULT_RETENTION_MS,
                DEFAULT_DISK_USAGE_HIGH_WATER_RATIO, DEFAULT_DISK_FULL_RESERVE_BYTES, DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * @param value the new {@link #dataDirectory()}
     * @return a copy with that setting
     */
    public StoreConfig withDataDirectory(Path value) {
        return new StoreConfig(value, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio,
                diskFullReserveBytes, maxRecordBytes,
                keyIndexSlotCount, keyIndexMaxEntriesPerFile, consumerOffsetCompactEveryJournalBytes,
                commitLogWarmAheadBytes);
    }

    /**
     * Sets the segment size and caps {@link #maxRecordBytes()} to what such a segment can hold.
     *
     * @param value the new {@link #commitLogSegmentBytes()}
     * @return a copy with that setting
     */
    public StoreConfig withCommitLogSegmentBytes(int value) {
        int cappedMaxRecordBytes = Math.min(maxRecordBytes, value - CommitLogRecordDescriptor.BLANK_MARKER_BYTES);
        return new StoreConfig(dataDirectory, value, consumeQueueSegmentEntries, flushMode, asyncFlushIntervalMs,
                checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio, diskFullReserveBytes,
                cappedMaxRecordBytes, keyIndexSlotCount, keyIndexMaxEntriesPerFile,
                consumerOffsetCompactEveryJournalBytes, commitLogWarmAheadBytes);
    }

    /**
     * @param value the new {@link #consumeQueueSegmentEntries()}
     * @return a copy with that setting
     */
    public StoreConfig withConsumeQueueSegmentEntries(int value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, value, flushMode, asyncFlushIntervalMs,
                checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio, diskFullReserveBytes, maxRecordBytes,
                keyIndexSlotCount, keyIndexMaxEntriesPerFile, consumerOffsetCompactEveryJournalBytes,
                commitLogWarmAheadBytes);
    }

    /**
     * @param value the new {@link #flushMode()}
     * @return a copy with that setting
     */
    public StoreConfig withFlushMode(FlushMode value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, value,
                asyncFlushIntervalMs, checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio,
                diskFullReserveBytes, maxRecordBytes,
                keyIndexSlotCount, keyIndexMaxEntriesPerFile, consumerOffsetCompactEveryJournalBytes,
                commitLogWarmAheadBytes);
    }

    /**
     * @param value the new {@link #asyncFlushIntervalMs()}
     * @return a copy with that setting
     */
    public StoreConfig withAsyncFlushIntervalMs(long value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode, value,
                checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio, diskFullReserveBytes, maxRecordBytes,
                keyIndexSlotCount, keyIndexMaxEntriesPerFile, consumerOffsetCompactEveryJournalBytes,
                commitLogWarmAheadBytes);
    }

    /**
     * @param value the new {@link #checkpointIntervalMs()}
     * @return a copy with that setting
     */
    public StoreConfig withCheckpointIntervalMs(long value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, value, retentionMs, diskUsageHighWaterRatio, diskFullReserveBytes,
                maxRecordBytes, keyIndexSlotCount, keyIndexMaxEntriesPerFile,
                consumerOffsetCompactEveryJournalBytes, commitLogWarmAheadBytes);
    }

    /**
     * @param value the new {@link #retentionMs()}
     * @return a copy with that setting
     */
    public StoreConfig withRetentionMs(long value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, checkpointIntervalMs, value, diskUsageHighWaterRatio, diskFullReserveBytes,
                maxRecordBytes, keyIndexSlotCount, keyIndexMaxEntriesPerFile,
                consumerOffsetCompactEveryJournalBytes, commitLogWarmAheadBytes);
    }

    /**
     * @param value the new {@link #diskUsageHighWaterRatio()}
     * @return a copy with that setting
     */
    public StoreConfig withDiskUsageHighWaterRatio(double value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, checkpointIntervalMs, retentionMs, value, diskFullReserveBytes, maxRecordBytes,
                keyIndexSlotCount, keyIndexMaxEntriesPerFile, consumerOffsetCompactEveryJournalBytes,
                commitLogWarmAheadBytes);
    }

    /**
     * @param value the new {@link #diskFullReserveBytes()}
     * @return a copy with that setting
     */
    public StoreConfig withDiskFullReserveBytes(long value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio, value,
                maxRecordBytes, keyIndexSlotCount, keyIndexMaxEntriesPerFile,
                consumerOffsetCompactEveryJournalBytes, commitLogWarmAheadBytes);
    }

    /**
     * @param value the new {@link #maxRecordBytes()}
     * @return a copy with that setting
     */
    public StoreConfig withMaxRecordBytes(int value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio,
                diskFullReserveBytes, value, keyIndexSlotCount, keyIndexMaxEntriesPerFile,
                consumerOffsetCompactEveryJournalBytes, commitLogWarmAheadBytes);
    }

    /**
     * @param value the new {@link #commitLogWarmAheadBytes()}, 0 to turn the warmer off
     * @return a copy with that setting
     */
    public StoreConfig withCommitLogWarmAheadBytes(int value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio,
                diskFullReserveBytes, maxRecordBytes, keyIndexSlotCount, keyIndexMaxEntriesPerFile,
                consumerOffsetCompactEveryJournalBytes, value);
    }

    private static StoreException invalid(String message) {
        return new StoreException(StoreException.Category.CONFIGURATION, message);
    }
}
