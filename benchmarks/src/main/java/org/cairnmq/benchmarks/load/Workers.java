package org.cairnmq.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Builds the producer and consumer workers of a phase from a {@link LoadConfig}. */
public final class Workers {

    /** Upper bound of latency samples kept over all consumers, so memory stays bounded. */
    static final int MAX_TOTAL_LATENCY_SAMPLES = 2_000_000;

    private Workers() {
    }

    /**
     * Producers that together send {@code totalMessages}, split as evenly as possible.
     *
     * @param totalRatePerSecond total send rate, or 0 for unpaced sending
     */
    public static List<ProducerWorker> producers(LoadConfig config, JmsEndpoint endpoint, long totalMessages,
                                                 int totalRatePerSecond, Deadline deadline, StartGate gate) {
        int count = config.producers();
        byte[] payload = payload(config.sizeBytes());
        long periodNanos = totalRatePerSecond == 0 ? 0 : 1_000_000_000L * count / totalRatePerSecond;
        List<ProducerWorker> workers = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            long offsetNanos = periodNanos * index / count;
            workers.add(new ProducerWorker(endpoint, config.persistent(), share(totalMessages, count, index),
                    payload, periodNanos, offsetNanos, deadline, gate));
        }
        return workers;
    }

    /** Consumers that stop together once {@code received} reaches {@code expected}. */
    public static List<ConsumerWorker> consumers(LoadConfig config, JmsEndpoint endpoint, AtomicLong received,
                                                 AtomicLong expected, Deadline deadline, StartGate gate,
                                                 boolean recordLatency) {
        int count = config.consumers();
        int capacity = (int) Math.min(config.messages(), Math.max(1, MAX_TOTAL_LATENCY_SAMPLES / count));
        List<ConsumerWorker> workers = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            LatencyRecorder recorder = recordLatency ? new LatencyRecorder(capacity, index) : null;
            workers.add(new ConsumerWorker(endpoint, received, expected, deadline,
                    LoadScenario.CONSUMER_IDLE_TIMEOUT_NANOS, gate, recorder));
        }
        return workers;
    }

    /** The share of {@code total} for worker {@code index} of {@code workers}; shares add up to total. */
    public static long share(long total, int workers, int index) {
        long base = total / workers;
        return index < total % workers ? base + 1 : base;
    }

    /** A payload of {@code sizeBytes} with a non-constant pattern, so no layer can compress it away. */
    public static byte[] payload(int sizeBytes) {
        byte[] payload = new byte[sizeBytes];
        for (int index = 0; index < sizeBytes; index++) {
            payload[index] = (byte) (index * 31 + 7);
        }
        return payload;
    }
}
