package org.cairnmq.benchmarks.load;

import java.util.SplittableRandom;

/**
 * Records latencies into a bounded array of samples.
 *
 * <p>Owned by one consumer thread; other threads read it only after that thread has finished
 * (a {@code Future.get} gives the happens-before edge).
 *
 * <p>Design note: while fewer than {@code capacity} latencies have been recorded every one is
 * kept, so percentiles are exact. Past that the recorder keeps a uniform random sample
 * (reservoir sampling) so memory stays bounded; count and maximum stay exact.
 */
public final class LatencyRecorder {

    private final long[] samples;
    private final SplittableRandom random;
    private int sampleCount;
    private long recordedCount;
    private long maxNanos;

    /**
     * @param capacity maximum samples kept, at least 1
     * @param seed seed of the reservoir's random choices, so runs are repeatable
     */
    public LatencyRecorder(int capacity, long seed) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.samples = new long[capacity];
        this.random = new SplittableRandom(seed);
    }

    /** Records one latency; negative values (clock steps) are recorded as zero. */
    public void record(long latencyNanos) {
        long value = Math.max(0L, latencyNanos);
        recordedCount++;
        maxNanos = Math.max(maxNanos, value);
        if (sampleCount < samples.length) {
            samples[sampleCount++] = value;
            return;
        }
        long slot = random.nextLong(recordedCount);
        if (slot < samples.length) {
            samples[(int) slot] = value;
        }
    }

    /** Total latencies recorded. */
    public long recordedCount() {
        return recordedCount;
    }

    /** Summarises this recorder alone. */
    public LatencySummary summary() {
        return LatencySummary.of(samples, sampleCount, recordedCount, maxNanos);
    }

    /** Summarises several recorders together, as one population of samples. */
    public static LatencySummary merge(Iterable<LatencyRecorder> recorders) {
        int total = 0;
        long recorded = 0;
        long max = 0;
        for (LatencyRecorder recorder : recorders) {
            total += recorder.sampleCount;
            recorded += recorder.recordedCount;
            max = Math.max(max, recorder.maxNanos);
        }
        long[] all = new long[total];
        int position = 0;
        for (LatencyRecorder recorder : recorders) {
            System.arraycopy(recorder.samples, 0, all, position, recorder.sampleCount);
            position += recorder.sampleCount;
        }
        return LatencySummary.of(all, total, recorded, max);
    }
}
