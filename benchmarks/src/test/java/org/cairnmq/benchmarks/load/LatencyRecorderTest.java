package org.cairnmq.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LatencyRecorderTest {

    @Test
    void shouldSummariseUnsortedSamplesExactlyWhileUnderCapacity() {
        LatencyRecorder recorder = new LatencyRecorder(1000, 1);
        for (long value = 1000; value >= 1; value--) {
            recorder.record(value * 1000);
        }

        LatencySummary summary = recorder.summary();

        assertThat(summary.recordedCount()).isEqualTo(1000);
        assertThat(summary.sampleCount()).isEqualTo(1000);
        assertThat(summary.p50Nanos()).isEqualTo(500_000);
        assertThat(summary.p99Nanos()).isEqualTo(990_000);
        assertThat(summary.p999Nanos()).isEqualTo(999_000);
        assertThat(summary.maxNanos()).isEqualTo(1_000_000);
    }

    @Test
    void shouldKeepMemoryBoundedButCountAndMaximumExactPastCapacity() {
        LatencyRecorder recorder = new LatencyRecorder(100, 42);
        for (long value = 1; value <= 100_000; value++) {
            recorder.record(value);
        }

        LatencySummary summary = recorder.summary();

        assertThat(summary.recordedCount()).isEqualTo(100_000);
        assertThat(summary.sampleCount()).isEqualTo(100);
        assertThat(summary.maxNanos()).isEqualTo(100_000);
        assertThat(summary.p50Nanos()).isBetween(25_000L, 75_000L);
    }

    @Test
    void shouldRecordNegativeLatencyAsZero() {
        LatencyRecorder recorder = new LatencyRecorder(4, 1);
        recorder.record(-5);

        assertThat(recorder.summary().maxNanos()).isZero();
        assertThat(recorder.summary().p50Nanos()).isZero();
    }

    @Test
    void shouldMergeRecordersIntoOnePopulation() {
        LatencyRecorder low = new LatencyRecorder(10, 1);
        LatencyRecorder high = new LatencyRecorder(10, 2);
        for (long value = 1; value <= 5; value++) {
            low.record(value);
            high.record(value + 5);
        }

        LatencySummary merged = LatencyRecorder.merge(List.of(high, low));

        assertThat(merged.recordedCount()).isEqualTo(10);
        assertThat(merged.p50Nanos()).isEqualTo(5);
        assertThat(merged.maxNanos()).isEqualTo(10);
    }

    @Test
    void shouldReportNoSamplesWhenNothingWasRecorded() {
        assertThat(new LatencyRecorder(8, 1).summary()).isEqualTo(LatencySummary.NONE);
        assertThat(LatencySummary.NONE.hasSamples()).isFalse();
    }

    @Test
    void shouldRejectZeroCapacity() {
        assertThatThrownBy(() -> new LatencyRecorder(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
