package org.cairnmq.server.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The store's settings. Immutable; start from {@link #defaults(Path)} and adjust with the withers.
 *
 * @param dataDirectory {@code dataDirectory}: the root of the store's files ({@code commitlog/},
 *     {@code consumequeue/}, {@code checkpoint}, the running marker). No default; required.
 * @param commitLogSegmentBytes {@code commitLogSegmentBytes}, bytes: the fixed size of one CommitLog
 *     segment file. Default 1 GiB ({@value #DEFAULT_COMMIT_LOG_SEGMENT_BYTES}). Tests use a few KiB.
 * @param consumeQueueSegmentEntries {@code consumeQueueSegmentEntries}, entries: how many fixed-width
 *     entries one ConsumeQueue segment file holds. Default {@value #DEFAULT_CONSUME_QUEUE_SEGMENT_ENTRIES}.
 * @param flushMode {@code flushMode}: {@link FlushMode#SYNC} (group commit, an append completes when
 *     durable) or {@link FlushMode#ASYNC} (an append completes when written). Default SYNC.
 * @param asyncFlushIntervalMs {@code asyncFlushIntervalMs}, milliseconds: how often the flusher
 *     forces the CommitLog in ASYNC mode. Default {@value #DEFAULT_ASYNC_FLUSH_INTERVAL_MS}.
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
        int maxRecordBytes) {

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
        if (asyncFlushIntervalMs < 1 || checkpointIntervalMs < 1 || retentionMs < 0 || diskFullReserveBytes < 0) {
            throw invalid("intervals must be positive, retention and reserve non-negative");
        }
        if (!(diskUsageHighWaterRatio >= 0.0 && diskUsageHighWaterRatio <= 1.0)) {
            throw invalid("diskUsageHighWaterRatio must be within 0..1");
        }
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
                diskFullReserveBytes, maxRecordBytes);
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
                cappedMaxRecordBytes);
    }

    /**
     * @param value the new {@link #consumeQueueSegmentEntries()}
     * @return a copy with that setting
     */
    public StoreConfig withConsumeQueueSegmentEntries(int value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, value, flushMode, asyncFlushIntervalMs,
                checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio, diskFullReserveBytes, maxRecordBytes);
    }

    /**
     * @param value the new {@link #flushMode()}
     * @return a copy with that setting
     */
    public StoreConfig withFlushMode(FlushMode value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, value,
                asyncFlushIntervalMs, checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio,
                diskFullReserveBytes, maxRecordBytes);
    }

    /**
     * @param value the new {@link #asyncFlushIntervalMs()}
     * @return a copy with that setting
     */
    public StoreConfig withAsyncFlushIntervalMs(long value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode, value,
                checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio, diskFullReserveBytes, maxRecordBytes);
    }

    /**
     * @param value the new {@link #checkpointIntervalMs()}
     * @return a copy with that setting
     */
    public StoreConfig withCheckpointIntervalMs(long value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, value, retentionMs, diskUsageHighWaterRatio, diskFullReserveBytes,
                maxRecordBytes);
    }

    /**
     * @param value the new {@link #retentionMs()}
     * @return a copy with that setting
     */
    public StoreConfig withRetentionMs(long value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, checkpointIntervalMs, value, diskUsageHighWaterRatio, diskFullReserveBytes,
                maxRecordBytes);
    }

    /**
     * @param value the new {@link #diskUsageHighWaterRatio()}
     * @return a copy with that setting
     */
    public StoreConfig withDiskUsageHighWaterRatio(double value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, checkpointIntervalMs, retentionMs, value, diskFullReserveBytes, maxRecordBytes);
    }

    /**
     * @param value the new {@link #diskFullReserveBytes()}
     * @return a copy with that setting
     */
    public StoreConfig withDiskFullReserveBytes(long value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio, value,
                maxRecordBytes);
    }

    /**
     * @param value the new {@link #maxRecordBytes()}
     * @return a copy with that setting
     */
    public StoreConfig withMaxRecordBytes(int value) {
        return new StoreConfig(dataDirectory, commitLogSegmentBytes, consumeQueueSegmentEntries, flushMode,
                asyncFlushIntervalMs, checkpointIntervalMs, retentionMs, diskUsageHighWaterRatio,
                diskFullReserveBytes, value);
    }

    private static StoreException invalid(String message) {
        return new StoreException(StoreException.Category.CONFIGURATION, message);
    }
}
