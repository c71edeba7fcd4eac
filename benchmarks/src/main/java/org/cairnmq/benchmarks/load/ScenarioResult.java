package org.cairnmq.benchmarks.load;

/**
 * The outcome of one timed scenario run.
 *
 * @param config the settings the run used
 * @param completedMessages messages sent (send) or received (consume, roundtrip) in the timed phase
 * @param elapsedNanos wall time of the timed phase
 * @param latency latency percentiles; {@link LatencySummary#NONE} for throughput scenarios
 */
public record ScenarioResult(LoadConfig config, long completedMessages, long elapsedNanos,
                             LatencySummary latency) {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final double BYTES_PER_MEGABYTE = 1e6;

    /** True when the timed phase moved every message before its time bound. */
    public boolean complete() {
        return completedMessages == config.messages();
    }

    /** Messages per second over the timed phase; zero when no time elapsed. */
    public double messagesPerSecond() {
        if (elapsedNanos <= 0) {
            return 0.0;
        }
        return completedMessages * NANOS_PER_SECOND / elapsedNanos;
    }

    /** Payload megabytes (10^6 bytes) per second over the timed phase. */
    public double megabytesPerSecond() {
        return messagesPerSecond() * config.sizeBytes() / BYTES_PER_MEGABYTE;
    }
}
