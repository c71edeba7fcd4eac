package org.cairnmq.benchmarks.load;

/** The load scenarios the tool can run; the CLI accepts the lower-case names. */
public enum Scenario {
    /** Producers send as fast as they can; reports send throughput. */
    SEND,
    /** The queue is pre-filled untimed, then consumers drain it; reports consume throughput. */
    CONSUME,
    /** Producers send at a fixed rate while consumers record per-message latency. */
    ROUNDTRIP;

    /** The name used on the command line and in result lines. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
