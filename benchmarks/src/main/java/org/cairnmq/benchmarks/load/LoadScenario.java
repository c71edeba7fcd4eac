package org.cairnmq.benchmarks.load;

import java.util.concurrent.TimeUnit;

/** One timed scenario; runs on the coordinating thread and starts its own worker threads. */
public interface LoadScenario {

    /** Extra time granted past a phase's deadline for workers blocked in a JMS call to return. */
    long JOIN_GRACE_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** A consumer stops after this long without receiving a message. */
    long CONSUMER_IDLE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Runs the scenario once with {@code config} against {@code endpoint}. */
    ScenarioResult run(LoadConfig config, JmsEndpoint endpoint);

    /** The implementation of {@code scenario}. */
    static LoadScenario of(Scenario scenario) {
        return switch (scenario) {
            case SEND -> new SendScenario();
            case CONSUME -> new ConsumeScenario();
            case ROUNDTRIP -> new RoundTripScenario();
        };
    }
}
