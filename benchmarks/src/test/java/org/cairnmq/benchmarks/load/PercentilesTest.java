package org.cairnmq.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PercentilesTest {

    private static final long[] ONE_TO_THOUSAND = LongStream.rangeClosed(1, 1000).toArray();

    @Test
    void shouldPickNearestRankOfOneToThousand() {
        assertThat(Percentiles.valueAt(ONE_TO_THOUSAND, 1000, 50.0)).isEqualTo(500);
        assertThat(Percentiles.valueAt(ONE_TO_THOUSAND, 1000, 99.0)).isEqualTo(990);
        assertThat(Percentiles.valueAt(ONE_TO_THOUSAND, 1000, 99.9)).isEqualTo(999);
        assertThat(Percentiles.valueAt(ONE_TO_THOUSAND, 1000, 100.0)).isEqualTo(1000);
    }

    @Test
    void shouldRoundRankUpForSmallSampleCounts() {
        long[] sorted = {10, 20, 30, 40};

        assertThat(Percentiles.valueAt(sorted, 4, 50.0)).isEqualTo(20);
        assertThat(Percentiles.valueAt(sorted, 4, 51.0)).isEqualTo(30);
        assertThat(Percentiles.valueAt(sorted, 4, 99.9)).isEqualTo(40);
        assertThat(Percentiles.valueAt(sorted, 4, 0.001)).isEqualTo(10);
    }

    @Test
    void shouldReturnTheOnlySampleForEveryPercentile() {
        long[] sorted = {7};

        assertThat(Percentiles.valueAt(sorted, 1, 50.0)).isEqualTo(7);
        assertThat(Percentiles.valueAt(sorted, 1, 99.9)).isEqualTo(7);
    }

    @Test
    void shouldOnlyConsiderTheFirstCountSamples() {
        long[] sorted = {1, 2, 3, 1_000_000};

        assertThat(Percentiles.valueAt(sorted, 3, 100.0)).isEqualTo(3);
    }

    @Test
    void shouldRejectEmptyInputAndPercentilesOutsideTheRange() {
        assertThatThrownBy(() -> Percentiles.valueAt(new long[0], 0, 50.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.valueAt(ONE_TO_THOUSAND, 1001, 50.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.valueAt(ONE_TO_THOUSAND, 1000, 0.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.valueAt(ONE_TO_THOUSAND, 1000, 100.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.valueAt(ONE_TO_THOUSAND, 1000, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
