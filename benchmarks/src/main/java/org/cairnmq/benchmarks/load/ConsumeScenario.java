package org.cairnmq.benchmarks.load;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consume throughput: the queue is pre-filled untimed with the configured producers, then the
 * consumers drain it with AUTO_ACKNOWLEDGE and only the drain is timed.
 */
public final class ConsumeScenario implements LoadScenario {

    @Override
    public ScenarioResult run(LoadConfig config, JmsEndpoint endpoint) {
        long prefilled = SendScenario.sendUnpaced(config, endpoint, config.messages()).messages();
        if (prefilled != config.messages()) {
            throw new LoadToolException("pre-fill sent only " + prefilled + " of " + config.messages()
                    + " messages within --duration-seconds");
        }
        Deadline deadline = Deadline.after(config.durationNanos());
        StartGate gate = new StartGate(config.consumers());
        AtomicLong received = new AtomicLong();
        AtomicLong expected = new AtomicLong(prefilled);
        List<ConsumerWorker> workers = Workers.consumers(config, endpoint, received, expected, deadline, gate, false);
        try (WorkerGroup group = WorkerGroup.launch("consumer", gate, workers)) {
            group.awaitReady(deadline);
            long startNanos = group.open();
            List<WorkerOutcome> outcomes = group.join(deadline.extendedBy(JOIN_GRACE_NANOS));
            long endNanos = WorkerGroup.lastMessageNanos(outcomes, startNanos);
            return new ScenarioResult(config, WorkerGroup.totalMessages(outcomes), endNanos - startNanos,
                    LatencySummary.NONE);
        }
    }
}
