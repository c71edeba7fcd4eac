package org.cairnmq.benchmarks.load;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Percentiles by the nearest-rank method over a sorted array of samples.
 *
 * <p>Design note: HdrHistogram would give the same figures in constant memory, but it needs a
 * version pin in the root POM; a bounded, sorted {@code long[]} is exact and small enough for
 * the sample counts this tool records.
 */
public final class Percentiles {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percentiles() {
    }

    /**
     * Returns the nearest-rank percentile: the smallest sample such that at least
     * {@code percentile}% of the samples are less than or equal to it.
     *
     * @param sortedSamples samples in ascending order; only the first {@code count} are used
     * @param count number of samples to consider, at least 1
     * @param percentile in (0, 100]
     * @return the sample at that rank
     */
    public static long valueAt(long[] sortedSamples, int count, double percentile) {
        if (count < 1 || count > sortedSamples.length) {
            throw new IllegalArgumentException("count " + count + " outside 1.." + sortedSamples.length);
        }
        if (!(percentile > 0.0 && percentile <= 100.0)) {
            throw new IllegalArgumentException("percentile " + percentile + " outside (0, 100]");
        }
        // Design note: decimal arithmetic, because in binary 99.9 / 100 * 1000 is 999.0000000000001
        // and its ceiling would pick the sample one rank too high.
        long rank = BigDecimal.valueOf(percentile).multiply(BigDecimal.valueOf(count))
                .divide(HUNDRED, 0, RoundingMode.CEILING).longValueExact();
        int index = (int) Math.min(Math.max(rank, 1L), count) - 1;
        return sortedSamples[index];
    }
}
