package org.cairnmq.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Round-trip latency at a fixed rate: producers send at {@code --rate} in total, each message
 * stamped with its send nanoTime; consumers on the same queue, in the same JVM, record
 * receive nanoTime minus send nanoTime.
 *
 * <p>Design note: the stamp is the actual send time, not the scheduled one, so a producer that
 * falls behind its schedule hides that delay (coordinated omission); the achieved msgs/s in the
 * result shows whether the rate was kept.
 */
public final class RoundTripScenario implements LoadScenario {

    @Override
    public ScenarioResult run(LoadConfig config, JmsEndpoint endpoint) {
        Deadline deadline = Deadline.after(config.durationNanos());
        Deadline consumerDeadline = deadline.extendedBy(CONSUMER_IDLE_TIMEOUT_NANOS);
        AtomicLong received = new AtomicLong();
        AtomicLong expected = new AtomicLong(config.messages());
        StartGate consumerGate = new StartGate(config.consumers());
        StartGate producerGate = new StartGate(config.producers());
        try (WorkerGroup consumers = WorkerGroup.launch("consumer", consumerGate, Workers.consumers(
                     config, endpoint, received, expected, consumerDeadline, consumerGate, true));
             WorkerGroup producers = WorkerGroup.launch("producer", producerGate, Workers.producers(
                     config, endpoint, config.messages(), config.ratePerSecond(), deadline, producerGate))) {
            consumers.awaitReady(deadline);
            producers.awaitReady(deadline);
            consumers.open();
            long startNanos = producers.open();
            long sent = WorkerGroup.totalMessages(producers.join(deadline.extendedBy(JOIN_GRACE_NANOS)));
            expected.set(sent);
            List<WorkerOutcome> outcomes = consumers.join(consumerDeadline.extendedBy(JOIN_GRACE_NANOS));
            List<LatencyRecorder> recorders = new ArrayList<>(outcomes.size());
            outcomes.forEach(outcome -> recorders.add(outcome.recorder()));
            long endNanos = WorkerGroup.lastMessageNanos(outcomes, startNanos);
            return new ScenarioResult(config, WorkerGroup.totalMessages(outcomes), endNanos - startNanos,
                    LatencyRecorder.merge(recorders));
        }
    }
}
