package org.cairnmq.benchmarks.load;

import java.util.Arrays;

/**
 * Latency percentiles of one run, all in nanoseconds.
 *
 * @param recordedCount how many latencies were recorded in total
 * @param sampleCount how many of them the percentiles were computed from (bounded)
 * @param p50Nanos median
 * @param p99Nanos 99th percentile
 * @param p999Nanos 99.9th percentile
 * @param maxNanos exact maximum over all recorded latencies, sampled or not
 */
public record LatencySummary(long recordedCount, int sampleCount, long p50Nanos, long p99Nanos,
                             long p999Nanos, long maxNanos) {

    /** The summary of a run that recorded no latency (the throughput scenarios). */
    public static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0, 0);

    /**
     * Computes a summary; sorts a copy of the samples and leaves the argument untouched.
     *
     * @param samples latency samples in nanoseconds; the first {@code sampleCount} are used
     * @param sampleCount number of valid samples
     * @param recordedCount total latencies recorded, at least {@code sampleCount}
     * @param maxNanos exact maximum, at least the largest sample
     */
    public static LatencySummary of(long[] samples, int sampleCount, long recordedCount, long maxNanos) {
        if (sampleCount == 0) {
            return NONE;
        }
        long[] sorted = Arrays.copyOf(samples, sampleCount);
        Arrays.sort(sorted);
        return new LatencySummary(recordedCount, sampleCount,
                Percentiles.valueAt(sorted, sampleCount, 50.0),
                Percentiles.valueAt(sorted, sampleCount, 99.0),
                Percentiles.valueAt(sorted, sampleCount, 99.9),
                Math.max(maxNanos, sorted[sampleCount - 1]));
    }

    /** True when at least one latency was recorded. */
    public boolean hasSamples() {
        return sampleCount > 0;
    }
}
