package org.cairnmq.benchmarks.load;

import java.util.List;

/** Send throughput: every producer sends its share as fast as it can. */
public final class SendScenario implements LoadScenario {

    @Override
    public ScenarioResult run(LoadConfig config, JmsEndpoint endpoint) {
        PhaseTiming timing = sendUnpaced(config, endpoint, config.messages());
        return new ScenarioResult(config, timing.messages(), timing.elapsedNanos(), LatencySummary.NONE);
    }

    /** Sends {@code totalMessages} with the configured producers, unpaced, and times it. */
    static PhaseTiming sendUnpaced(LoadConfig config, JmsEndpoint endpoint, long totalMessages) {
        Deadline deadline = Deadline.after(config.durationNanos());
        StartGate gate = new StartGate(config.producers());
        List<ProducerWorker> workers = Workers.producers(config, endpoint, totalMessages, 0, deadline, gate);
        try (WorkerGroup group = WorkerGroup.launch("producer", gate, workers)) {
            group.awaitReady(deadline);
            long startNanos = group.open();
            List<WorkerOutcome> outcomes = group.join(deadline.extendedBy(JOIN_GRACE_NANOS));
            return new PhaseTiming(WorkerGroup.totalMessages(outcomes), startNanos,
                    WorkerGroup.lastMessageNanos(outcomes, startNanos));
        }
    }

    /**
     * Messages moved in a phase and when it ran.
     *
     * @param messages messages moved
     * @param startNanos nanoTime the gate opened
     * @param endNanos nanoTime of the last message
     */
    record PhaseTiming(long messages, long startNanos, long endNanos) {

        long elapsedNanos() {
            return endNanos - startNanos;
        }
    }
}
