package org.cairnmq.benchmarks.load;

/**
 * What one producer or consumer worker did in its phase.
 *
 * @param messages messages it sent or received
 * @param lastMessageNanos nanoTime of its last send or receive; 0 when it moved none
 * @param recorder its latency recorder, or null when it recorded none
 */
public record WorkerOutcome(long messages, long lastMessageNanos, LatencyRecorder recorder) {
}
