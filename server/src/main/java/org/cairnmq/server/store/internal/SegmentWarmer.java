package org.cairnmq.server.store.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warmer thread (RocketMQ's {@code AllocateMappedFileService} with {@code warmMappedFile}): keeps
 * the CommitLog's pages ready before the appender reaches them.
 *
 * <ol>
 *   <li>ASYNC mode: while the log is idle (nothing written for {@value #ACTIVE_IDLE_US} µs), it
 *       fills {@code aheadBytes} past the active segment's written position with pre-touched pages
 *       (zeros written through the file channel, see {@link MappedSegment#touchAhead}), so that the
 *       next burst of appends finds page-cache pages that exist instead of making the kernel
 *       allocate and zero one per 4 KiB.</li>
 *   <li>When that is done, it maps the next segment ahead of time (the standby, not yet in the
 *       segment list) and pre-touches its first {@code aheadBytes}; the appender's roll-over
 *       {@link #take}s it instead of creating a file.</li>
 * </ol>
 *
 * <p>Owning thread: the warmer; {@link #take} is called by the appender.
 *
 * <p>Design note: in SYNC mode every force of the active segment would also write back the zeros
 * touched ahead of it, so a group commit could carry megabytes of zeros; there the warmer leaves the
 * active segment to the appender's own 1 MiB preallocation ({@link StagedSegmentWriter}) and only
 * prepares the standby, forcing each chunk it touches, so that the standby's blocks are allocated
 * and committed before the first group commit lands in it.
 *
 * <p>Design note: the standby file exists on disk before it is in the list. After a crash recovery
 * deletes it like any segment past the end of the valid data (or starts writing in it when the
 * previous segment ended exactly); a clean close deletes it. The lock orders {@link #take} against
 * the standby's creation: once the appender asked for a base offset and created that segment itself,
 * the warmer never maps a second standby of the same file.
 *
 * <p>Design note: zeros reach the disk only if a force or the kernel's writeback finds them before
 * the appender overwrote them: at most the {@code aheadBytes} region per ASYNC flush interval, and
 * every byte twice only when appends are slow. Measured on the build machine (2 shared cores), a
 * fresh page cost about 1 µs per 4 KiB ({@code DiskBaselineBenchmark}: 3.7 GB/s into fresh files
 * against 9.9 GB/s rewriting a warm one), about 0.25 µs per 1 KiB record, and asynchronous appends
 * of 1 KiB ran at 0.9 to 1.05 million a second with or without the warmer: the append path is
 * bound by per-record CPU, not by page allocation, on that machine. A failure to pre-touch is
 * logged once and stops the warmer; appends go on into untouched pages.
 *
 * <p>Design note: the active segment is touched only while the log is idle. Touching it while the
 * appender writes made both take the file's inode lock in turn (the kernel serializes writes to one
 * file, and a waiter spins on the lock), and wrote every page twice; the appender allocating its own
 * pages costs less than that. A profile of sustained appends showed this thread on half of both
 * cores, mostly copying zeros under that lock. Measured on the build machine (JMH, two runs each),
 * with the warmer backing off while the appender writes and the ASYNC flusher forcing every
 * {@value AsyncFlusher#FLUSH_EVERY_MIB} MiB, bursts into warmed pages ran at 1.56 to 1.57 million
 * appends a second instead of 0.83 to 0.91, and sustained durable appends at 0.84 to 0.91 million
 * instead of 0.65 to 0.70.
 */
public final class SegmentWarmer implements StoreAgent {

    /** How much one pre-touch writes, holding the segment's touch lock. */
    static final int TOUCH_CHUNK_BYTES = 256 << 10;

    private static final Logger LOG = LoggerFactory.getLogger(SegmentWarmer.class);
    private static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(2);
    /** How long the log must be idle before the active segment is touched. */
    static final long ACTIVE_IDLE_US = 1_000L;
    private static final long ACTIVE_IDLE_NS = TimeUnit.MICROSECONDS.toNanos(ACTIVE_IDLE_US);

    private final CommitLog commitLog;
    private final int aheadBytes;
    private final boolean syncMode;
    private final ByteBuffer zeros = ByteBuffer.allocateDirect(TOUCH_CHUNK_BYTES);
    private final Object lock = new Object();
    private MappedSegment standby;
    private long takenBelowOffset;
    private boolean closed;
    private boolean failed;
    private long lastWrittenOffset = -1L;
    private long lastWriteSeenNs;

    /**
     * @param commitLog the log whose segments to warm
     * @param aheadBytes how far past the written position to keep pages touched, more than 0
     * @param syncMode SYNC flush mode: only the standby is touched, and forced chunk by chunk
     */
    public SegmentWarmer(CommitLog commitLog, int aheadBytes, boolean syncMode) {
        this.commitLog = commitLog;
        this.aheadBytes = aheadBytes;
        this.syncMode = syncMode;
    }

    @Override
    public String roleName() {
        return "warmer";
    }

    /**
     * Hands the standby segment over to the appender at roll-over; the appender only.
     *
     * @param baseOffset the base offset of the segment the appender needs
     * @return the standby segment, mapped and partly touched, to add to the list; or null if none
     *     is ready for that offset (the appender then creates the segment itself)
     */
    public MappedSegment take(long baseOffset) {
        synchronized (lock) {
            takenBelowOffset = Math.max(takenBelowOffset, baseOffset + commitLog.segments().segmentBytes());
            MappedSegment ready = standby;
            if (ready != null && ready.baseOffset() == baseOffset) {
                standby = null;
                return ready;
            }
            return null;
        }
    }

    /**
     * @return the CommitLog offset up to which the pages ahead of the appender are pre-touched or
     *     written: in the active segment, continued into the standby once the active one is touched
     *     to its end (or when there is no segment yet)
     */
    public long warmedOffset() {
        MappedSegment active = commitLog.segments().last();
        MappedSegment next;
        synchronized (lock) {
            next = standby;
        }
        if (active != null && (active.touchedPosition() < active.sizeBytes() || next == null
                || next.baseOffset() != active.endOffset())) {
            return active.baseOffset() + active.touchedPosition();
        }
        return next == null ? commitLog.writtenOffset() : next.baseOffset() + next.touchedPosition();
    }

    @Override
    public int doWork() {
        int touched = 0;
        if (!failed) {
            try {
                touched = touchActive();
                if (touched == 0) {
                    touched = touchStandby();
                }
            } catch (RuntimeException e) {
                LOG.warn("pre-touching the CommitLog failed; appends go on into untouched pages", e);
                failed = true;
            }
        }
        if (touched == 0) {
            LockSupport.parkNanos(this, IDLE_PARK_NS);
        }
        return touched;
    }

    private int touchActive() {
        MappedSegment active = commitLog.segments().last();
        if (active == null || syncMode || !logIdle()) {
            return 0;
        }
        int upTo = (int) Math.min(active.sizeBytes(), (long) active.wrotePosition() + aheadBytes);
        return active.touchAhead(upTo, zeros, false);
    }

    /** Whether the written offset has not moved for {@value #ACTIVE_IDLE_US} µs; the warmer only. */
    private boolean logIdle() {
        long now = System.nanoTime();
        long written = commitLog.writtenOffset();
        if (written != lastWrittenOffset) {
            lastWrittenOffset = written;
            lastWriteSeenNs = now;
            return false;
        }
        return now - lastWriteSeenNs >= ACTIVE_IDLE_NS;
    }

    private int touchStandby() {
        MappedSegment target;
        synchronized (lock) {
            if (closed) {
                return 0;
            }
            MappedSegment last = commitLog.segments().last();
            long nextBase = last == null ? commitLog.writtenOffset() : last.endOffset();
            if (standby != null && standby.baseOffset() != nextBase) {
                standby = null;
            }
            if (standby == null) {
                if (nextBase < takenBelowOffset) {
                    return 0;
                }
                standby = commitLog.segments().openNext(nextBase);
            }
            target = standby;
        }
        return target.touchAhead(aheadBytes, zeros, syncMode);
    }

    /**
     * Deletes the standby segment if the appender never took it.
     */
    @Override
    public void onClose() {
        synchronized (lock) {
            closed = true;
            if (standby != null) {
                standby.delete();
                standby = null;
            }
        }
    }
}
