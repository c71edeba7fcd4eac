package org.cairnmq.server.store.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.function.LongSupplier;

import org.cairnmq.server.store.CommitLogRecordDescriptor;
import org.cairnmq.server.store.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes whole CommitLog segments from the oldest: a segment goes when its newest record is older
 * than {@link StoreConfig#retentionMs()} and every consumer group has passed it, or, regardless of
 * age and consumers, when the volume is fuller than {@link StoreConfig#diskUsageHighWaterRatio()}.
 * The active segment and any segment not fully dispatched are never deleted. ConsumeQueue segments
 * wholly below the new minimum go too, and the dispatch thread passes the new minimum on to every
 * dispatcher ({@code onCommitLogDeletedBelow}).
 *
 * <p>A segment's age is taken from the store timestamp of the next segment's first record, which is
 * never earlier than the segment's own newest record (store timestamps do not decrease).
 *
 * <p>Design note: segments are not unmapped (see {@link MappedSegment}), so the space of a deleted
 * file returns when the garbage collector drops its mapping. Above the high-water mark the service
 * therefore deletes one segment per run instead of looping on the volume's usage.
 *
 * <p>Owning thread: the housekeeping thread.
 */
public final class RetentionService {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);
    private static final int MAX_EXPIRED_DELETES_PER_RUN = 10;

    private final StoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;
    private final DispatchAgent dispatch;
    private final DiskSpaceMonitor diskSpace;
    private final Clock clock;
    private final LongSupplier minUnconsumedCommitLogOffset;

    /**
     * @param config the store's settings
     * @param commitLog the CommitLog
     * @param consumeQueues the ConsumeQueues
     * @param dispatch tells how far the log was dispatched
     * @param diskSpace the volume's usage probe
     * @param clock the store's clock
     * @param minUnconsumedCommitLogOffset the lowest CommitLog offset some consumer group still needs
     */
    public RetentionService(StoreConfig config, CommitLog commitLog, ConsumeQueueTable consumeQueues,
            DispatchAgent dispatch, DiskSpaceMonitor diskSpace, Clock clock,
            LongSupplier minUnconsumedCommitLogOffset) {
        this.config = config;
        this.commitLog = commitLog;
        this.consumeQueues = consumeQueues;
        this.dispatch = dispatch;
        this.diskSpace = diskSpace;
        this.clock = clock;
        this.minUnconsumedCommitLogOffset = minUnconsumedCommitLogOffset;
    }

    /**
     * Runs one retention pass.
     *
     * @return how many CommitLog segments were deleted
     */
    public int run() {
        boolean aboveHighWater = diskSpace.usedRatio() > config.diskUsageHighWaterRatio();
        long floor = minUnconsumedCommitLogOffset.getAsLong();
        long dispatched = dispatch.dispatchedOffset();
        long nowMs = clock.millis();
        int deleted = 0;
        while (deleted < (aboveHighWater ? 1 : MAX_EXPIRED_DELETES_PER_RUN)) {
            MappedSegment[] segments = commitLog.segments().segments();
            if (segments.length < 2 || segments[0].endOffset() > dispatched) {
                break;
            }
            boolean expired = segments[1].baseOffset() < dispatched && segments[0].endOffset() <= floor
                    && nowMs - newestRecordTimestampMs(segments[1]) >= config.retentionMs();
            if (!expired && !aboveHighWater) {
                break;
            }
            LOG.info("retention deletes {} ({})", segments[0].file(), expired ? "expired and consumed" : "disk full");
            commitLog.segments().deleteFirst();
            deleted++;
        }
        if (deleted > 0) {
            consumeQueues.deleteBelow(commitLog.minOffset());
            dispatch.requestDeleteBelow(commitLog.minOffset());
        }
        return deleted;
    }

    private static long newestRecordTimestampMs(MappedSegment next) {
        ByteBuffer buffer = next.buffer();
        if (buffer.getInt(CommitLogRecordDescriptor.MAGIC_OFFSET) != CommitLogRecordDescriptor.RECORD_MAGIC) {
            return Long.MAX_VALUE / 2;
        }
        return buffer.getLong(CommitLogRecordDescriptor.STORE_TIMESTAMP_OFFSET);
    }
}
