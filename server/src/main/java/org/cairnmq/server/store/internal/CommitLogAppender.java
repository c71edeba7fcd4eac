package org.cairnmq.server.store.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * The CommitLog's single writer. It owns the write position, the current segment and every queue's
 * next logical offset. Other threads {@link #submit} tasks through a queue.
 *
 * <p>Each round drains every queued task, writes them, and in SYNC mode forces the batch once (group
 * commit) before completing the futures, so a future completes only when its record is durable; a
 * batch with no durable record (non-persistent messages only) is confirmed without a force. In
 * ASYNC mode the futures complete after the write and the flusher forces periodically.
 *
 * <p>Design note: futures complete on this thread, so a caller's non-async continuation runs here
 * and delays the next batch; callers chain with {@code *Async} or keep continuations short.
 *
 * <p>Design note: the hand-off is a lock-free {@link ConcurrentLinkedQueue}; an idle appender spins
 * briefly, then publishes that it is about to park and parks, and a submitter unparks it only when
 * it saw that flag (the flag is set before the queue's last check and read after the offer, so no
 * wake-up is lost). A busy appender therefore costs submitters no lock and no system call; a
 * {@code LinkedBlockingQueue} took two locks per hand-off and signalled its condition (a futex call)
 * on every empty-to-non-empty transition, which group commit with waiting appenders hits per batch.
 */
public final class CommitLogAppender implements StoreAgent {

    private static final Logger LOG = LoggerFactory.getLogger(CommitLogAppender.class);
    private static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int IDLE_SPINS = 64;
    private static final long DISK_CHECK_INTERVAL_MS = 100L;
    private static final int MAX_TASKS_PER_BATCH = 4096;

    private final StoreConfig config;
    private final CommitLog commitLog;
    private final Clock clock;
    private final DiskSpaceMonitor diskSpace;
    private final Runnable onPublished;
    private final LongFunction<MappedSegment> standbySegments;
    private final Queue<AppendTask> queue = new ConcurrentLinkedQueue<>();
    private final List<AppendTask> batch = new ArrayList<>();
    private final CommitLogRecordCodec codec = new CommitLogRecordCodec();
    private final QueueOffsetTable queueOffsets = new QueueOffsetTable();
    private volatile boolean stopped;
    private volatile boolean parking;
    private volatile Thread appenderThread;
    private final StagedSegmentWriter writer;
    private long lastStoreTimestampMs;
    private long nextDiskCheckNs = System.nanoTime();
    private boolean diskFull;
    private boolean ioFailed;

    /**
     * @param config the store's settings
     * @param commitLog the log, recovered
     * @param clock the source of store timestamps
     * @param diskSpace the volume's free-space probe
     * @param onPublished called on this thread after new records became readable (wakes dispatch)
     * @param standbySegments at roll-over, given the new segment's base offset: a segment mapped
     *     ahead of time (see {@link SegmentWarmer#take}), or null to create it here
     */
    public CommitLogAppender(StoreConfig config, CommitLog commitLog, Clock clock, DiskSpaceMonitor diskSpace,
            Runnable onPublished, LongFunction<MappedSegment> standbySegments) {
        this.config = config;
        this.commitLog = commitLog;
        this.clock = clock;
        this.diskSpace = diskSpace;
        this.onPublished = onPublished;
        this.standbySegments = standbySegments;
        this.writer = new StagedSegmentWriter(commitLog, config.maxRecordBytes(),
                config.flushMode() == FlushMode.SYNC);
    }

    @Override
    public String roleName() {
        return "appender";
    }

    /**
     * Sets a queue's next logical offset after recovery, before the appender starts.
     *
     * @param topic the topic
     * @param queueId the queue
     * @param nextQueueOffset the offset the next record of that queue gets
     */
    public void recoveredQueueOffset(String topic, int queueId, long nextQueueOffset) {
        queueOffsets.topic(topic).nextOffset(queueId, nextQueueOffset);
    }

    /**
     * Hands a task to the appender; any thread. A task submitted after the appender stopped fails with
     * {@link PutStatus#STORE_CLOSED}.
     *
     * @param task the task
     */
    public void submit(AppendTask task) {
        queue.offer(task);
        if (parking) {
            LockSupport.unpark(appenderThread);
        }
        if (stopped) {
            failQueued();
        }
    }

    @Override
    public int doWork() {
        if (appenderThread == null) {
            appenderThread = Thread.currentThread();
            lastStoreTimestampMs = clock.millis();
            diskFull = !diskSpace.hasRoomFor(0L);
        }
        AppendTask first = queue.poll();
        if (first == null) {
            first = awaitTask();
            if (first == null) {
                return 0;
            }
        }
        batch.add(first);
        drainInto(MAX_TASKS_PER_BATCH - 1);
        int count = processBatch();
        batch.clear();
        return count;
    }

    private AppendTask awaitTask() {
        for (int i = 0; i < IDLE_SPINS; i++) {
            Thread.onSpinWait();
            AppendTask task = queue.poll();
            if (task != null) {
                return task;
            }
        }
        parking = true;
        AppendTask task = queue.poll();
        if (task == null) {
            LockSupport.parkNanos(this, IDLE_PARK_NS);
            task = queue.poll();
        }
        parking = false;
        return task;
    }

    private int drainInto(int max) {
        int drained = 0;
        AppendTask task;
        while (drained < max && (task = queue.poll()) != null) {
            batch.add(task);
            drained++;
        }
        return drained;
    }

    @Override
    public void onClose() {
        if (appenderThread == null) {
            appenderThread = Thread.currentThread();
        }
        while (drainInto(MAX_TASKS_PER_BATCH) > 0) {
            processBatch();
            batch.clear();
        }
        stopped = true;
        failQueued();
    }

    private void failQueued() {
        AppendTask task;
        while ((task = queue.poll()) != null) {
            task.fail(PutStatus.STORE_CLOSED);
        }
    }

    private int processBatch() {
        assert appenderThread == Thread.currentThread();
        refreshDiskState();
        int written = 0;
        for (AppendTask task : batch) {
            written += writeTask(task);
        }
        written = publishBatch(written);
        if (written > 0 && config.flushMode() == FlushMode.SYNC) {
            if (batchHasDurableRecord()) {
                forceBatch();
            } else {
                commitLog.confirmWrittenUnforced();
            }
        }
        if (written > 0) {
            onPublished.run();
        }
        for (AppendTask task : batch) {
            task.complete();
        }
        preallocate();
        return batch.size();
    }

    /** Design note: a batch of non-persistent messages only skips the force (they may be lost anyway). */
    private boolean batchHasDurableRecord() {
        for (AppendTask task : batch) {
            for (int i = 0; i < task.size(); i++) {
                if (task.request(i).durable() && task.resultAt(i).isOk()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void preallocate() {
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
    private int publishBatch(int written) {
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

    private void forceBatch() {
        try {
            commitLog.flush();
        } catch (RuntimeException e) {
            LOG.error("forcing the CommitLog failed; the store refuses further appends", e);
            ioFailed = true;
            for (AppendTask task : batch) {
                for (int i = 0; i < task.size(); i++) {
                    if (task.resultAt(i).isOk()) {
                        task.result(i, AppendResult.failed(PutStatus.IO_ERROR));
                    }
                }
            }
        }
    }

    private int writeTask(AppendTask task) {
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
            long storeTimestampMs = Math.max(clock.millis(), lastStoreTimestampMs);
            long queueOffset = topic.nextOffset(request.queueId());
            ByteBuffer staging = writer.reserve(recordBytes);
            codec.encode(staging, writer.stagingIndex(), recordBytes, request, topicUtf8, queueOffset, physicalOffset,
                    storeTimestampMs);
            writer.advance(recordBytes);
            topic.nextOffset(request.queueId(), queueOffset + 1);
            lastStoreTimestampMs = storeTimestampMs;
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

    private void refreshDiskState() {
        long nowNs = System.nanoTime();
        if (nowNs - nextDiskCheckNs >= 0 || diskFull) {
            diskFull = !diskSpace.hasRoomFor(0L);
            nextDiskCheckNs = nowNs + TimeUnit.MILLISECONDS.toNanos(DISK_CHECK_INTERVAL_MS);
        }
    }
}
