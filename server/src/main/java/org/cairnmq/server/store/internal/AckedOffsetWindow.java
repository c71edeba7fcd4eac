package org.cairnmq.server.store.internal;

import java.util.Arrays;

/**
 * The acknowledgement state of one (group, topic, queue): an acked offset below which every queue
 * offset is acknowledged, and the sorted set of individually acknowledged offsets above it.
 *
 * <pre>
 *   queue offsets:  0 1 2 3 4 5 6 7 8 9
 *   acked:          x x x x . x x . . x
 *                           ^
 *                           ackedOffset = 4, acked above = {5, 6, 9}
 * </pre>
 *
 * <p>When the offset right at {@code ackedOffset} becomes acknowledged, the acked offset advances
 * through the contiguous run above it (acking 4 above gives ackedOffset 7, acked above {9}).
 *
 * <p>Design note: the offsets above are a sorted primitive array, not a bitmap. Out-of-order acks
 * are bounded by the broker's in-flight window (a few thousand), so an insert that shifts the array
 * is cheap, and a lone far-away ack costs 8 bytes instead of a bitmap spanning the gap.
 *
 * <p>Owning thread: not thread-safe; its owner ({@code ConsumerOffsetStore}) guards it with its lock.
 */
public final class AckedOffsetWindow {

    private static final long[] EMPTY = new long[0];

    private long ackedOffset;
    private long[] above = EMPTY;
    private int aboveCount;

    /**
     * Creates a window restored from persisted state.
     *
     * @param ackedOffset every queue offset below it is acknowledged
     * @param ackedAbove individually acknowledged offsets, each above {@code ackedOffset}, in any order
     * @return the window, with its acked offset advanced over any contiguous run
     */
    public static AckedOffsetWindow restore(long ackedOffset, long[] ackedAbove) {
        AckedOffsetWindow window = new AckedOffsetWindow();
        window.resetTo(ackedOffset);
        for (long offset : ackedAbove) {
            window.ack(offset);
        }
        return window;
    }

    /**
     * @return the offset below which every queue offset is acknowledged
     */
    public long ackedOffset() {
        return ackedOffset;
    }

    /**
     * @return how many offsets above {@link #ackedOffset()} are individually acknowledged
     */
    public int ackedAboveCount() {
        return aboveCount;
    }

    /**
     * @return a sorted copy of the individually acknowledged offsets above {@link #ackedOffset()}
     */
    public long[] ackedAbove() {
        return Arrays.copyOf(above, aboveCount);
    }

    /**
     * @param queueOffset a queue offset
     * @return whether it is acknowledged
     */
    public boolean isAcked(long queueOffset) {
        return queueOffset < ackedOffset || Arrays.binarySearch(above, 0, aboveCount, queueOffset) >= 0;
    }

    /**
     * Acknowledges one queue offset.
     *
     * @param queueOffset the offset, not negative
     * @return whether the state changed (false when it was already acknowledged)
     */
    public boolean ack(long queueOffset) {
        if (queueOffset < ackedOffset) {
            return false;
        }
        if (queueOffset == ackedOffset) {
            ackedOffset++;
            advanceOverContiguousRun();
            return true;
        }
        int index = Arrays.binarySearch(above, 0, aboveCount, queueOffset);
        if (index >= 0) {
            return false;
        }
        insertAt(-index - 1, queueOffset);
        return true;
    }

    /**
     * Acknowledges every queue offset up to and including {@code queueOffsetInclusive}.
     *
     * @param queueOffsetInclusive the last offset acknowledged, not negative
     * @return whether the state changed
     */
    public boolean ackUpTo(long queueOffsetInclusive) {
        long newAckedOffset = queueOffsetInclusive + 1;
        if (newAckedOffset <= ackedOffset) {
            return false;
        }
        int index = Arrays.binarySearch(above, 0, aboveCount, newAckedOffset);
        int dropped = index >= 0 ? index : -index - 1;
        dropFirst(dropped);
        ackedOffset = newAckedOffset;
        advanceOverContiguousRun();
        return true;
    }

    /**
     * Moves the acked offset to {@code queueOffset}, back or forward, and forgets the acks above it.
     *
     * @param queueOffset the new acked offset, not negative
     */
    public void resetTo(long queueOffset) {
        ackedOffset = queueOffset;
        above = EMPTY;
        aboveCount = 0;
    }

    private void advanceOverContiguousRun() {
        int run = 0;
        while (run < aboveCount && above[run] == ackedOffset) {
            ackedOffset++;
            run++;
        }
        dropFirst(run);
    }

    private void dropFirst(int count) {
        if (count == 0) {
            return;
        }
        System.arraycopy(above, count, above, 0, aboveCount - count);
        aboveCount -= count;
    }

    private void insertAt(int index, long queueOffset) {
        if (aboveCount == above.length) {
            above = Arrays.copyOf(above, Math.max(8, aboveCount * 2));
        }
        System.arraycopy(above, index, above, index + 1, aboveCount - index);
        above[index] = queueOffset;
        aboveCount++;
    }
}
