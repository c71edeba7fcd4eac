package org.cairnmq.benchmarks.load;

import java.util.Locale;

/** Formats a {@link ScenarioResult} as a human summary line and a machine-readable CSV line. */
public final class ResultFormatter {

    /** Prefix of every machine-readable line, so scripts can grep them out of mixed output. */
    public static final String CSV_PREFIX = "RESULT";

    /** Column names of the CSV line, in order; latencies are in microseconds. */
    public static final String CSV_HEADER = CSV_PREFIX + ",scenario,delivery,producers,consumers,"
            + "size_bytes,messages,target_messages,elapsed_ms,msgs_per_s,mb_per_s,"
            + "p50_us,p99_us,p999_us,max_us";

    private static final double NANOS_PER_MICRO = 1e3;
    private static final double NANOS_PER_MILLI = 1e6;
    private static final double NANOS_PER_SECOND = 1e9;

    private ResultFormatter() {
    }

    /** One line for people, e.g. {@code send persistent producers=16 size=1024B: 50000/50000 msgs in ...}. */
    public static String humanLine(ScenarioResult result) {
        LoadConfig config = result.config();
        String clients = config.scenario() == Scenario.SEND
                ? "producers=" + config.producers()
                : "producers=" + config.producers() + " consumers=" + config.consumers();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%s %s %s size=%dB: %d/%d msgs in %.3f s = %.0f msgs/s, %.2f MB/s",
                config.scenario().label(), config.deliveryLabel(), clients, config.sizeBytes(),
                result.completedMessages(), config.messages(), result.elapsedNanos() / NANOS_PER_SECOND,
                result.messagesPerSecond(), result.megabytesPerSecond()));
        LatencySummary latency = result.latency();
        if (latency.hasSamples()) {
            line.append(String.format(Locale.ROOT,
                    "; latency p50=%.1f us p99=%.1f us p99.9=%.1f us max=%.1f us",
                    micros(latency.p50Nanos()), micros(latency.p99Nanos()),
                    micros(latency.p999Nanos()), micros(latency.maxNanos())));
        }
        if (!result.complete()) {
            line.append(" (INCOMPLETE: stopped by --duration-seconds or idle timeout)");
        }
        return line.toString();
    }

    /** One CSV line with the columns of {@link #CSV_HEADER}; latency columns empty when unmeasured. */
    public static String csvLine(ScenarioResult result) {
        LoadConfig config = result.config();
        LatencySummary latency = result.latency();
        String latencyColumns = latency.hasSamples()
                ? String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f", micros(latency.p50Nanos()),
                        micros(latency.p99Nanos()), micros(latency.p999Nanos()), micros(latency.maxNanos()))
                : ",,,";
        return String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%d,%d,%.1f,%.1f,%.3f,%s",
                CSV_PREFIX, config.scenario().label(), config.deliveryLabel(), config.producers(),
                config.consumers(), config.sizeBytes(), result.completedMessages(), config.messages(),
                result.elapsedNanos() / NANOS_PER_MILLI, result.messagesPerSecond(),
                result.megabytesPerSecond(), latencyColumns);
    }

    private static double micros(long nanos) {
        return nanos / NANOS_PER_MICRO;
    }
}
