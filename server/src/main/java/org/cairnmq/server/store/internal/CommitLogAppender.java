package org.cairnmq.server.store.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
 * commit) before completing the futures, so a future completes only when its record is durable. In
 * ASYNC mode the futures complete after the write and the flusher forces periodically.
 *
 * <p>Design note: futures complete on this thread, so a caller's non-async continuation runs here
 * and delays the next batch; callers chain with {@code *Async} or keep continuations short.
 */
public final class CommitLogAppender implements StoreAgent {

    private static final Logger LOG = LoggerFactory.getLogger(CommitLogAppender.class);
    private static final long IDLE_POLL_MS = 5L;
    private static final long DISK_CHECK_INTERVAL_MS = 100L;
    private static final int MAX_TASKS_PER_BATCH = 4096;

    private final StoreConfig config;
    private final CommitLog commitLog;
    private final Clock clock;
    private final DiskSpaceMonitor diskSpace;
    private final Runnable onPublished;
    private final BlockingQueue<AppendTask> queue = new LinkedBlockingQueue<>();
    private final List<AppendTask> batch = new ArrayList<>();
    private final CommitLogRecordCodec codec = new CommitLogRecordCodec();
    private final QueueOffsetTable queueOffsets = new QueueOffsetTable();
    private volatile boolean stopped;
    private Thread appenderThread;
    private MappedSegment segment;
    private ByteBuffer segmentView;
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
     */
    public CommitLogAppender(StoreConfig config, CommitLog commitLog, Clock clock, DiskSpaceMonitor diskSpace,
            Runnable onPublished) {
        this.config = config;
        this.commitLog = commitLog;
        this.clock = clock;
        this.diskSpace = diskSpace;
        this.onPublished = onPublished;
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
        queue.add(task);
        if (stopped) {
            failQueued();
        }
    }

    @Override
    public int doWork() throws InterruptedException {
        if (appenderThread == null) {
            appenderThread = Thread.currentThread();
            lastStoreTimestampMs = clock.millis();
            diskFull = !diskSpace.hasRoomFor(0L);
        }
        AppendTask first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_TASKS_PER_BATCH - 1);
        int count = processBatch();
        batch.clear();
        return count;
    }

    @Override
    public void onClose() {
        if (appenderThread == null) {
            appenderThread = Thread.currentThread();
        }
        while (queue.drainTo(batch, MAX_TASKS_PER_BATCH) > 0) {
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
        if (written > 0 && config.flushMode() == FlushMode.SYNC) {
            forceBatch();
        }
        if (written > 0) {
            onPublished.run();
        }
        for (AppendTask task : batch) {
            task.complete();
        }
        return batch.size();
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
        PutStatus room = ensureRoom(recordBytes);
        if (room != PutStatus.OK) {
            return AppendResult.failed(room);
        }
        int position = segment.wrotePosition();
        long physicalOffset = segment.baseOffset() + position;
        long storeTimestampMs = Math.max(clock.millis(), lastStoreTimestampMs);
        long queueOffset = topic.nextOffset(request.queueId());
        try {
            codec.encode(segmentView, position, recordBytes, request, topicUtf8, queueOffset, physicalOffset,
                    storeTimestampMs);
        } catch (RuntimeException e) {
            LOG.error("writing a record at {} failed; the store refuses further appends", physicalOffset, e);
            ioFailed = true;
            return AppendResult.failed(PutStatus.IO_ERROR);
        }
        segment.wrotePosition(position + recordBytes);
        commitLog.writtenOffset(physicalOffset + recordBytes);
        topic.nextOffset(request.queueId(), queueOffset + 1);
        lastStoreTimestampMs = storeTimestampMs;
        return new AppendResult(PutStatus.OK, physicalOffset, queueOffset, recordBytes, storeTimestampMs);
    }

    private PutStatus ensureRoom(int recordBytes) {
        if (segment == null) {
            segment = commitLog.segments().find(commitLog.writtenOffset());
            segmentView = segment == null ? null : segment.newView();
        }
        if (segment != null && segment.wrotePosition() < segment.sizeBytes()
                && segment.wrotePosition() + recordBytes + CommitLogRecordDescriptor.BLANK_MARKER_BYTES
                        > segment.sizeBytes()) {
            CommitLogRecordCodec.encodeBlank(segmentView, segment.wrotePosition(), segment.sizeBytes());
            segment.wrotePosition(segment.sizeBytes());
            commitLog.writtenOffset(segment.endOffset());
        }
        if (segment == null || segment.wrotePosition() == segment.sizeBytes()) {
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
            segment = commitLog.segments().createNext(commitLog.writtenOffset());
            segmentView = segment.newView();
            return PutStatus.OK;
        } catch (RuntimeException e) {
            LOG.error("creating the CommitLog segment at {} failed", commitLog.writtenOffset(), e);
            segment = null;
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
