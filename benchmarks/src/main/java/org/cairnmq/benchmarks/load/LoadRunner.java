package org.cairnmq.benchmarks.load;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Runs one scenario end to end: looks up the endpoint, drains the queue, runs an optional
 * untimed warm-up, runs the timed scenario, and drains the queue again so repeated runs never
 * see each other's messages.
 *
 * <p>Used from the main thread only.
 */
public final class LoadRunner {

    private final LoadConfig config;
    private final PrintStream progress;

    /**
     * @param config validated settings
     * @param progress where progress lines go (standard error in the CLI)
     */
    public LoadRunner(LoadConfig config, PrintStream progress) {
        this.config = config;
        this.progress = progress;
    }

    /** Runs the configured scenario and returns the timed run's result. */
    public ScenarioResult run() {
        JmsEndpoint endpoint = JmsEndpoint.lookup(config);
        LoadScenario scenario = LoadScenario.of(config.scenario());
        drain(endpoint, "before the run");
        if (config.warmupMessages() > 0) {
            progress.printf(Locale.ROOT, "jms-load: warm-up with %d messages%n", config.warmupMessages());
            scenario.run(config.withMessages(config.warmupMessages()), endpoint);
            drain(endpoint, "after the warm-up");
        }
        progress.printf(Locale.ROOT, "jms-load: %s %s, %d messages of %d bytes%n",
                config.scenario().label(), config.deliveryLabel(), config.messages(), config.sizeBytes());
        ScenarioResult result = scenario.run(config, endpoint);
        drain(endpoint, "after the run");
        return result;
    }

    private void drain(JmsEndpoint endpoint, String when) {
        long drained = QueueDrainer.drain(endpoint, LoadConfig.MAX_MESSAGES, Deadline.after(config.durationNanos()));
        if (drained > 0) {
            progress.printf(Locale.ROOT, "jms-load: drained %d messages %s%n", drained, when);
        }
    }
}
