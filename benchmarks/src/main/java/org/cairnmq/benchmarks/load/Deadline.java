package org.cairnmq.benchmarks.load;

/**
 * A point on the {@link System#nanoTime()} clock after which a loop stops.
 *
 * @param deadlineNanos the nanoTime value of the deadline
 */
public record Deadline(long deadlineNanos) {

    /** A deadline {@code durationNanos} from now. */
    public static Deadline after(long durationNanos) {
        return new Deadline(System.nanoTime() + durationNanos);
    }

    /** True once the deadline has passed. */
    public boolean expired() {
        return remainingNanos() <= 0;
    }

    /** Nanoseconds left, never negative. */
    public long remainingNanos() {
        return Math.max(0L, deadlineNanos - System.nanoTime());
    }

    /** A deadline {@code extraNanos} later than this one. */
    public Deadline extendedBy(long extraNanos) {
        return new Deadline(deadlineNanos + extraNanos);
    }
}
