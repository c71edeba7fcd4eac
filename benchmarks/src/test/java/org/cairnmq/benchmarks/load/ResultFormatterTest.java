package org.cairnmq.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ResultFormatterTest {

    private static LoadConfig config(Scenario scenario, long messages) {
        return new LoadConfig(Path.of("j"), "ConnectionFactory", "loadQueue", null, null, scenario, true,
                16, 2, messages, 1000, 60, 2000, 0);
    }

    @Test
    void shouldComputeThroughputFromMessagesAndElapsedTime() {
        ScenarioResult result = new ScenarioResult(config(Scenario.SEND, 50_000), 50_000, 2_000_000_000L,
                LatencySummary.NONE);

        assertThat(result.messagesPerSecond()).isEqualTo(25_000.0);
        assertThat(result.megabytesPerSecond()).isEqualTo(25.0);
        assertThat(result.complete()).isTrue();
    }

    @Test
    void shouldWriteOneCsvColumnPerHeaderColumnWithEmptyLatenciesForThroughputRuns() {
        ScenarioResult result = new ScenarioResult(config(Scenario.SEND, 50_000), 50_000, 2_000_000_000L,
                LatencySummary.NONE);

        String line = ResultFormatter.csvLine(result);

        assertThat(line).isEqualTo("RESULT,send,persistent,16,2,1000,50000,50000,2000.0,25000.0,25.000,,,,");
        assertThat(line.split(",", -1)).hasSameSizeAs(ResultFormatter.CSV_HEADER.split(",", -1));
    }

    @Test
    void shouldWriteLatencyPercentilesInMicroseconds() {
        LatencySummary latency = new LatencySummary(10, 10, 1500, 2500, 3500, 9000);
        ScenarioResult result = new ScenarioResult(config(Scenario.ROUNDTRIP, 10), 10, 5_000_000L, latency);

        assertThat(ResultFormatter.csvLine(result)).endsWith(",1.5,2.5,3.5,9.0");
        assertThat(ResultFormatter.humanLine(result))
                .startsWith("roundtrip persistent producers=16 consumers=2 size=1000B: 10/10 msgs")
                .contains("p50=1.5 us p99=2.5 us p99.9=3.5 us max=9.0 us");
    }

    @Test
    void shouldFlagARunStoppedBeforeItsMessageCount() {
        ScenarioResult result = new ScenarioResult(config(Scenario.CONSUME, 100), 40, 1_000_000_000L,
                LatencySummary.NONE);

        assertThat(result.complete()).isFalse();
        assertThat(ResultFormatter.humanLine(result)).contains("40/100 msgs").contains("INCOMPLETE");
    }

    @Test
    void shouldReportZeroThroughputWhenNoTimeElapsed() {
        ScenarioResult result = new ScenarioResult(config(Scenario.SEND, 1), 0, 0, LatencySummary.NONE);

        assertThat(result.messagesPerSecond()).isZero();
    }
}
