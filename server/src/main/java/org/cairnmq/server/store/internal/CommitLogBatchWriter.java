package org.cairnmq.server.store.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import org.cairnmq.server.store.AppendRequest;
import org.cairnmq.server.store.AppendResult;
import org.cairnmq.server.store.CommitLogRecordDescriptor;
import org.cairnmq.server.store.FlushMode;
import org.cairnmq.server.store.PutStatus;
import org.cairnmq.server.store.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the records of the {@link CommitLogAppender}'s batches at the CommitLog's write position:
 * assigns each queue's next logical offset and the store timestamp, encodes the record into the
 * staging buffer, rolls to a new segment when one is full, publishes and forces. It also keeps the
 * log's health: a full disk refuses appends until space returns, an I/O failure refuses every later
 * append (the file's state past the failure is unknown).
 *
 * <p>Owning thread: the holder of the appender's write lock.
 */
final class CommitLogBatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CommitLogBatchWriter.class);
    private static final long DISK_CHECK_INTERVAL_MS = 100L;

    private final StoreConfig config;
    private final CommitLog commitLog;
    private final Clock clock;
    private final DiskSpaceMonitor diskSpace;
    private final LongFunction<MappedSegment> standbySegments;
    private final CommitLogRecordCodec codec = new CommitLogRecordCodec();
    private final QueueOffsetTable queueOffsets = new QueueOffsetTable();
    private final StagedSegmentWriter writer;
    /** The store timestamp of the current batch's records; never less than the previous batch's. */
    private long batchTimestampMs;
    private long nextDiskCheckNs = System.nanoTime();
    private boolean diskFull;
    /** Set by the appender, or by the group-commit thread when a force fails. */
    private volatile boolean ioFailed;

    /**
     * @param config the store's settings
     * @param commitLog the log, recovered
     * @param clock the source of store timestamps
     * @param diskSpace the volume's free-space probe
     * @param standbySegments at roll-over, given the new segment's base offset: a segment mapped
     *     ahead of time (see {@link SegmentWarmer#take}), or null to create it here
     */
    CommitLogBatchWriter(StoreConfig config, CommitLog commitLog, Clock clock, DiskSpaceMonitor diskSpace,
            LongFunction<MappedSegment> standbySegments) {
        this.config = config;
        this.commitLog = commitLog;
        this.clock = clock;
        this.diskSpace = diskSpace;
        this.standbySegments = standbySegments;
        this.writer = new StagedSegmentWriter(commitLog, config.maxRecordBytes(),
                config.flushMode() == FlushMode.SYNC);
    }

    /** Reads the clock and the free space once, before the first batch. */
    void start() {
        batchTimestampMs = clock.millis();
        diskFull = !diskSpace.hasRoomFor(0L);
    }

    /**
     * Sets a queue's next logical offset after recovery, before the first batch.
     *
     * @param topic the topic
     * @param queueId the queue
     * @param nextQueueOffset the offset the next record of that queue gets
     */
    void recoveredQueueOffset(String topic, int queueId, long nextQueueOffset) {
        queueOffsets.topic(topic).nextOffset(queueId, nextQueueOffset);
    }

    /** Writes zeros ahead of the position when due (SYNC mode); a failure marks the writer failed. */
    void preallocate() {
        if (ioFailed) {
            return;
        }
        try {
            writer.preallocateAhead();
        } catch (RuntimeException e) {
            LOG.error("preallocating the CommitLog failed; the store refuses further appends", e);
            ioFailed = true;
        }
    }

    /**
     * Writes the staged records to the file and publishes them.
     *
     * @param written how many records of the batch were staged
     * @return how many of them are in the file (all, unless a write failed during the batch: then the
     *     ones not in the file fail with {@link PutStatus#IO_ERROR})
     */
    int publishBatch(List<AppendTask> batch, int written) {
        try {
            writer.publish();
        } catch (RuntimeException e) {
            LOG.error("writing to the CommitLog failed; the store refuses further appends", e);
            ioFailed = true;
        }
        if (!ioFailed || written == 0) {
            return written;
        }
        long published = commitLog.writtenOffset();
        int stillOk = 0;
        for (AppendTask task : batch) {
            for (int i = 0; i < task.size(); i++) {
                AppendResult result = task.resultAt(i);
                if (result.isOk() && result.commitLogOffset() >= published) {
                    task.result(i, AppendResult.failed(PutStatus.IO_ERROR));
                } else if (result.isOk()) {
                    stillOk++;
                }
            }
        }
        return stillOk;
    }

    /** Makes the writer refuse every later append (a force failed: the file's state is unknown); any thread. */
    void markIoFailed() {
        ioFailed = true;
    }

    /** Stages every record of the task, or none when a pre-check fails; how many were staged. */
    int writeTask(AppendTask task) {
        PutStatus precheck = precheck(task);
        if (precheck != PutStatus.OK) {
            for (int i = 0; i < task.size(); i++) {
                task.result(i, AppendResult.failed(precheck));
            }
            return 0;
        }
        int written = 0;
        for (int i = 0; i < task.size(); i++) {
            AppendResult result = write(task.request(i));
            task.result(i, result);
            written += result.isOk() ? 1 : 0;
        }
        return written;
    }

    private PutStatus precheck(AppendTask task) {
        if (ioFailed) {
            return PutStatus.IO_ERROR;
        }
        if (diskFull) {
            return PutStatus.DISK_FULL;
        }
        for (int i = 0; i < task.size(); i++) {
            if (recordLength(task.request(i)) > config.maxRecordBytes()) {
                return PutStatus.RECORD_TOO_LARGE;
            }
        }
        return PutStatus.OK;
    }

    private long recordLength(AppendRequest request) {
        return CommitLogRecordDescriptor.recordLength(queueOffsets.topic(request.topic()).topicUtf8().length,
                request.key().length, request.payload().remaining());
    }

    private AppendResult write(AppendRequest request) {
        QueueOffsetTable.TopicQueues topic = queueOffsets.topic(request.topic());
        byte[] topicUtf8 = topic.topicUtf8();
        int recordBytes = (int) CommitLogRecordDescriptor.recordLength(topicUtf8.length, request.key().length,
                request.payload().remaining());
        long physicalOffset = -1L;
        try {
            PutStatus room = ensureRoom(recordBytes);
            if (room != PutStatus.OK) {
                return AppendResult.failed(room);
            }
            physicalOffset = writer.segment().baseOffset() + writer.position();
            long storeTimestampMs = batchTimestampMs;
            long queueOffset = topic.nextOffset(request.queueId());
            ByteBuffer staging = writer.reserve(recordBytes);
            codec.encode(staging, writer.stagingIndex(), recordBytes, request, topicUtf8, queueOffset, physicalOffset,
                    storeTimestampMs);
            writer.advance(recordBytes);
            topic.nextOffset(request.queueId(), queueOffset + 1);
            return new AppendResult(PutStatus.OK, physicalOffset, queueOffset, recordBytes, storeTimestampMs);
        } catch (RuntimeException e) {
            LOG.error("writing a record at {} failed; the store refuses further appends", physicalOffset, e);
            ioFailed = true;
            return AppendResult.failed(PutStatus.IO_ERROR);
        }
    }

    private PutStatus ensureRoom(int recordBytes) {
        MappedSegment segment = writer.segment();
        if (segment == null) {
            segment = commitLog.segments().find(commitLog.writtenOffset());
            writer.switchTo(segment);
        }
        if (segment != null && writer.position() < segment.sizeBytes()
                && writer.position() + recordBytes + CommitLogRecordDescriptor.BLANK_MARKER_BYTES
                        > segment.sizeBytes()) {
            writer.sealWithBlank();
        }
        if (segment == null || writer.position() == segment.sizeBytes()) {
            return roll();
        }
        return PutStatus.OK;
    }

    private PutStatus roll() {
        if (!diskSpace.hasRoomFor(config.commitLogSegmentBytes())) {
            diskFull = true;
            return PutStatus.DISK_FULL;
        }
        try {
            long baseOffset = commitLog.writtenOffset();
            MappedSegment standby = standbySegments.apply(baseOffset);
            writer.switchTo(standby != null ? commitLog.segments().addNext(standby)
                    : commitLog.segments().createNext(baseOffset));
            return PutStatus.OK;
        } catch (RuntimeException e) {
            LOG.error("creating the CommitLog segment at {} failed", commitLog.writtenOffset(), e);
            writer.switchTo(null);
            return PutStatus.IO_ERROR;
        }
    }

    /**
     * Starts a batch: reads the clock once for the batch's store timestamp (a clock read per record
     * was 7% of the appender's time in sustained appends), and re-reads the free space every
     * {@value #DISK_CHECK_INTERVAL_MS} ms, and on every batch while full.
     *
     * @param nowNs the caller's {@link System#nanoTime()}
     */
    void beginBatch(long nowNs) {
        batchTimestampMs = Math.max(clock.millis(), batchTimestampMs);
        if (nowNs - nextDiskCheckNs >= 0 || diskFull) {
            diskFull = !diskSpace.hasRoomFor(0L);
            nextDiskCheckNs = nowNs + TimeUnit.MILLISECONDS.toNanos(DISK_CHECK_INTERVAL_MS);
        }
    }
}
