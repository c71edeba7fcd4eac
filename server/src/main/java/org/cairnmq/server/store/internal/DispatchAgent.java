package org.cairnmq.server.store.internal;

import static org.cairnmq.server.store.CommitLogRecordDescriptor.FLAGS_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.QUEUE_ID_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.QUEUE_OFFSET_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.STORE_TIMESTAMP_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.TAGS_CODE_OFFSET;
import static org.cairnmq.server.store.CommitLogRecordDescriptor.TOPIC_LENGTH_OFFSET;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.cairnmq.server.store.CommitLogDispatcher;
import org.cairnmq.server.store.CommitLogRecordDescriptor;
import org.cairnmq.server.store.DispatchRequest;
import org.cairnmq.server.store.StoreException;

/**
 * The dispatch thread (RocketMQ's {@code ReputMessageService}): follows the CommitLog's confirmed
 * offset (flushed in SYNC mode, written in ASYNC mode), parses each new record and calls every
 * dispatcher in registration order. It also flushes every dispatcher each checkpoint interval
 * (publishing the CommitLog offset up to which the ConsumeQueues are durable) and passes retention's
 * deletions on to the dispatchers, so that each dispatcher is only ever called on this thread.
 * After each batch it completes the {@link DispatchWaiters} the batch passed (read-your-writes);
 * when it stops, it fails the rest.
 *
 * <p>Owning thread: whoever holds the dispatch lock: the dispatch thread, or the thread that has just
 * written a small batch ({@link #onRecordsPublished()}); before the threads start, recovery calls
 * {@link #dispatchUpTo} on the starting thread. The dispatchers are called under that lock only, so
 * they still see one thread at a time.
 *
 * <p>Design note: dispatching a small backlog on the writing thread saves the hand-off to this thread,
 * a park and unpark that cost 20 to 30 µs per record on the build machine when the broker is nearly
 * idle (it was a tenth of a non-persistent round trip). A backlog above
 * {@value #INLINE_DISPATCH_MAX_BYTES} bytes, or a lock the dispatch thread holds, is left to the
 * dispatch thread, so that under load writing and dispatching still overlap.
 */
public final class DispatchAgent implements StoreAgent {

    private static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(2);
    static final long INLINE_DISPATCH_MAX_BYTES = 16 * 1024;
    private static final long NO_DELETE_REQUEST = -1L;
    private static final byte[] NO_KEY = new byte[0];

    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;
    private final List<CommitLogDispatcher> dispatchers = new CopyOnWriteArrayList<>();
    private final CommitLogRecordCodec codec = new CommitLogRecordCodec();
    private final long flushIntervalNs;
    private final DispatchWaiters waiters = new DispatchWaiters(this::dispatchedOffset);
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long dispatchedOffset;
    private volatile long consumeQueueFlushedOffset;
    private volatile long deletedBelowRequest = NO_DELETE_REQUEST;
    private volatile Thread thread;
    private long nextFlushNs;
    private byte[] lastTopicUtf8 = new byte[0];
    private String lastTopic = "";

    /**
     * @param commitLog the log to follow
     * @param consumeQueues the first dispatcher, whose flushes this agent drives
     * @param flushIntervalMs how often to force the ConsumeQueues
     */
    public DispatchAgent(CommitLog commitLog, ConsumeQueueTable consumeQueues, long flushIntervalMs) {
        this.commitLog = commitLog;
        this.consumeQueues = consumeQueues;
        this.flushIntervalNs = TimeUnit.MILLISECONDS.toNanos(flushIntervalMs);
        this.dispatchers.add(consumeQueues);
    }

    @Override
    public String roleName() {
        return "dispatch";
    }

    /**
     * @param dispatcher called for every record after the ones already registered; before start only
     */
    public void addDispatcher(CommitLogDispatcher dispatcher) {
        dispatchers.add(dispatcher);
    }

    /**
     * @param offset where dispatch starts (recovery)
     */
    public void startFrom(long offset) {
        dispatchedOffset = offset;
    }

    /**
     * @return the lowest {@link CommitLogDispatcher#recoveredUpToCommitLogOffset()} of the
     *     dispatchers ({@code Long.MAX_VALUE} if none keeps durable state of its own)
     */
    public long lowestRecoveredOffset() {
        long lowest = Long.MAX_VALUE;
        for (CommitLogDispatcher dispatcher : dispatchers) {
            lowest = Math.min(lowest, dispatcher.recoveredUpToCommitLogOffset());
        }
        return lowest;
    }

    /**
     * Tells every dispatcher where the recovered CommitLog ends (recovery, before replay).
     *
     * @param endOffset the CommitLog's end after recovery
     */
    public void commitLogTruncated(long endOffset) {
        for (CommitLogDispatcher dispatcher : dispatchers) {
            dispatcher.onCommitLogTruncated(endOffset);
        }
    }

    /**
     * Asks the dispatch thread to tell every dispatcher that the CommitLog now starts at
     * {@code newMinOffset}; any thread (retention).
     *
     * @param newMinOffset the CommitLog's new minimum offset
     */
    public void requestDeleteBelow(long newMinOffset) {
        deletedBelowRequest = newMinOffset;
        wake();
    }

    /**
     * @return the CommitLog offset up to which every record was dispatched
     */
    public long dispatchedOffset() {
        return dispatchedOffset;
    }

    /**
     * @return the futures waiting for records to be dispatched, completed on this agent's thread
     */
    public DispatchWaiters waiters() {
        return waiters;
    }

    /**
     * @return the CommitLog offset up to which the ConsumeQueue entries are durable
     */
    public long consumeQueueFlushedOffset() {
        return consumeQueueFlushedOffset;
    }

    /**
     * Called by the CommitLog's writer after it made records readable: dispatches them on the calling
     * thread when the backlog is small and the dispatch lock is free, otherwise wakes the dispatch
     * thread. A caller that already holds the lock (a waiter's continuation that appended) only wakes
     * it, so that dispatch never runs inside itself.
     */
    public void onRecordsPublished() {
        if (commitLog.confirmedOffset() - dispatchedOffset > INLINE_DISPATCH_MAX_BYTES
                || lock.isHeldByCurrentThread() || !lock.tryLock()) {
            wake();
            return;
        }
        try {
            dispatchUpTo(commitLog.confirmedOffset());
            waiters.completeBelow(dispatchedOffset);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes the dispatch thread; any thread.
     */
    private void wake() {
        Thread target = thread;
        if (target != null) {
            LockSupport.unpark(target);
        }
    }

    @Override
    public int doWork() {
        if (thread == null) {
            thread = Thread.currentThread();
            nextFlushNs = System.nanoTime() + flushIntervalNs;
        }
        int dispatched;
        lock.lock();
        try {
            dispatched = dispatchUpTo(commitLog.confirmedOffset());
            waiters.completeBelow(dispatchedOffset);
            passOnDeletion();
            if (System.nanoTime() - nextFlushNs >= 0) {
                flushDispatchers();
                nextFlushNs = System.nanoTime() + flushIntervalNs;
            }
        } finally {
            lock.unlock();
        }
        if (dispatched == 0) {
            LockSupport.parkNanos(this, IDLE_PARK_NS);
        }
        return dispatched;
    }

    @Override
    public void onClose() {
        lock.lock();
        try {
            dispatchUpTo(commitLog.confirmedOffset());
            waiters.completeBelow(dispatchedOffset);
            passOnDeletion();
            flushDispatchers();
        } finally {
            waiters.failAll();
            lock.unlock();
        }
    }

    /**
     * Forces the ConsumeQueues, publishes the offset they are durable up to, then flushes every
     * other dispatcher.
     */
    public void flushDispatchers() {
        long upTo = dispatchedOffset;
        consumeQueues.flushAll();
        consumeQueueFlushedOffset = upTo;
        for (CommitLogDispatcher dispatcher : dispatchers) {
            if (dispatcher != consumeQueues) {
                dispatcher.flush();
            }
        }
    }

    private void passOnDeletion() {
        long newMinOffset = deletedBelowRequest;
        if (newMinOffset == NO_DELETE_REQUEST) {
            return;
        }
        deletedBelowRequest = NO_DELETE_REQUEST;
        for (CommitLogDispatcher dispatcher : dispatchers) {
            dispatcher.onCommitLogDeletedBelow(newMinOffset);
        }
    }

    /**
     * Dispatches every record in {@code [dispatchedOffset, limit)}.
     *
     * @param limit a record boundary no higher than the confirmed offset
     * @return how many records were dispatched
     */
    public int dispatchUpTo(long limit) {
        int count = 0;
        long offset = dispatchedOffset;
        while (offset < limit) {
            MappedSegment segment = commitLog.segments().find(offset);
            if (segment == null) {
                throw new StoreException(StoreException.Category.STATE, "no CommitLog segment holds " + offset);
            }
            int position = (int) (offset - segment.baseOffset());
            int segmentLimit = (int) Math.min(segment.sizeBytes(), limit - segment.baseOffset());
            int result = codec.check(segment.buffer(), position, segmentLimit, segment.sizeBytes(), offset, false);
            if (result > 0) {
                dispatch(segment.buffer(), position, offset, result);
                offset += result;
                count++;
            } else if (result == CommitLogRecordCodec.BLANK || result == CommitLogRecordCodec.END_OF_DATA
                    && segmentLimit == segment.sizeBytes()) {
                offset = segment.endOffset();
            } else {
                throw new StoreException(StoreException.Category.CORRUPTION,
                        "cannot dispatch the CommitLog at " + offset + " (code " + result + ")");
            }
            dispatchedOffset = offset;
        }
        return count;
    }

    private void dispatch(ByteBuffer buffer, int position, long commitLogOffset, int sizeBytes) {
        int topicBytes = buffer.getShort(position + TOPIC_LENGTH_OFFSET);
        String topic = topic(buffer, position + TOPIC_LENGTH_OFFSET + 2, topicBytes);
        int keyLengthOffset = position + CommitLogRecordDescriptor.keyLengthOffset(topicBytes);
        int keyBytes = buffer.getShort(keyLengthOffset);
        byte[] key = keyBytes == 0 ? NO_KEY : new byte[keyBytes];
        buffer.get(keyLengthOffset + 2, key);
        DispatchRequest request = new DispatchRequest(topic,
                buffer.getInt(position + QUEUE_ID_OFFSET), buffer.getLong(position + QUEUE_OFFSET_OFFSET),
                commitLogOffset, sizeBytes, buffer.getLong(position + TAGS_CODE_OFFSET),
                buffer.getLong(position + STORE_TIMESTAMP_OFFSET), buffer.getInt(position + FLAGS_OFFSET), key);
        for (CommitLogDispatcher dispatcher : dispatchers) {
            dispatcher.dispatch(request);
        }
    }

    /**
     * Decodes a record's topic, reusing the previous record's string when the bytes are the same
     * (consecutive records mostly share a topic, so this saves an allocation per record).
     */
    private String topic(ByteBuffer buffer, int index, int topicBytes) {
        byte[] last = lastTopicUtf8;
        if (last.length == topicBytes && sameBytes(buffer, index, last)) {
            return lastTopic;
        }
        byte[] topicUtf8 = new byte[topicBytes];
        buffer.get(index, topicUtf8);
        lastTopicUtf8 = topicUtf8;
        lastTopic = new String(topicUtf8, StandardCharsets.UTF_8);
        return lastTopic;
    }

    private static boolean sameBytes(ByteBuffer buffer, int index, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (buffer.get(index + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
