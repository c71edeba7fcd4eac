package org.cairnmq.server.store;

import java.util.Arrays;

/**
 * An immutable view of one consumer group's acknowledgements on one queue: every queue offset below
 * {@link #ackedOffset()} is acknowledged, and so are the offsets of {@link #ackedAbove()}.
 *
 * <p>A consumer resumes at {@link #ackedOffset()} and skips the offsets that {@link #isAcked} reports.
 */
public final class QueueProgress {

    private final ConsumerQueueKey key;
    private final long ackedOffset;
    private final long[] ackedAbove;

    /**
     * @param key whose progress this is
     * @param ackedOffset every queue offset below it is acknowledged
     * @param ackedAbove the individually acknowledged offsets above {@code ackedOffset}, sorted
     *     ascending; the array is copied
     */
    public QueueProgress(ConsumerQueueKey key, long ackedOffset, long[] ackedAbove) {
        this.key = key;
        this.ackedOffset = ackedOffset;
        this.ackedAbove = ackedAbove.clone();
    }

    /**
     * @return whose progress this is
     */
    public ConsumerQueueKey key() {
        return key;
    }

    /**
     * @return the queue offset below which every offset is acknowledged: where redelivery starts
     */
    public long ackedOffset() {
        return ackedOffset;
    }

    /**
     * @param queueOffset a queue offset
     * @return whether it is acknowledged
     */
    public boolean isAcked(long queueOffset) {
        return queueOffset < ackedOffset || Arrays.binarySearch(ackedAbove, queueOffset) >= 0;
    }

    /**
     * @return a sorted copy of the offsets above {@link #ackedOffset()} that are acknowledged
     */
    public long[] ackedAbove() {
        return ackedAbove.clone();
    }

    /**
     * @return how many offsets above {@link #ackedOffset()} are acknowledged
     */
    public int ackedAboveCount() {
        return ackedAbove.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueueProgress that
                && key.equals(that.key)
                && ackedOffset == that.ackedOffset
                && Arrays.equals(ackedAbove, that.ackedAbove);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * key.hashCode() + Long.hashCode(ackedOffset)) + Arrays.hashCode(ackedAbove);
    }

    @Override
    public String toString() {
        return "QueueProgress[" + key + ", ackedOffset=" + ackedOffset
                + ", ackedAbove=" + Arrays.toString(ackedAbove) + "]";
    }
}
