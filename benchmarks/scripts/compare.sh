#!/usr/bin/env bash
# Runs the standard JMS load scenario list against one provider and prints a table.
#
# Usage: benchmarks/scripts/compare.sh JNDI_FILE [JAR]
#   JNDI_FILE  e.g. benchmarks/scripts/jndi-artemis.properties or jndi-cairn.properties
#   JAR        shaded jar holding the tool and the provider's client
#              (default benchmarks/target/benchmarks.jar, built with -Partemis or -Pcairn)
#
# Environment (all optional; counts are sized so each timed phase stays well under a minute on a
# 2-core machine where a persistent send costs a disk sync):
#   MESSAGES             every send and consume run but the next (default 100000)
#   PERSISTENT_MESSAGES  the single-producer persistent send run (default 20000)
#   LATENCY_MESSAGES     non-persistent round-trip run (default 40000) at RATE msgs/s (default 2000)
#   PERSISTENT_LATENCY_MESSAGES  persistent round-trip run (default 15000) at PERSISTENT_RATE (default 500)
#   SIZE (bytes, default 1024), WARMUP (messages, default 2000), DURATION_SECONDS (bound of every
#   phase, default 60), CONSUMERS (default 4), JAVA_OPTS, RESULTS_FILE (raw RESULT lines).
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jndi="${1:?usage: $0 JNDI_FILE [JAR]}"
jar="${2:-$script_dir/../target/benchmarks.jar}"
messages="${MESSAGES:-100000}"
persistent_messages="${PERSISTENT_MESSAGES:-20000}"
latency_messages="${LATENCY_MESSAGES:-40000}"
rate="${RATE:-2000}"
persistent_latency_messages="${PERSISTENT_LATENCY_MESSAGES:-15000}"
persistent_rate="${PERSISTENT_RATE:-500}"
size="${SIZE:-1024}"
warmup="${WARMUP:-2000}"
duration="${DURATION_SECONDS:-60}"
consumers="${CONSUMERS:-4}"
results="${RESULTS_FILE:-$(mktemp -t jms-load-results.XXXXXX)}"
: >"$results"

run() {
    echo "== $*" >&2
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -Dlogback.configurationFile="$script_dir/logback-load.xml" \
        -cp "$jar" org.cairnmq.benchmarks.load.JmsLoadTool \
        --jndi "$jndi" --size "$size" --warmup "$warmup" --duration-seconds "$duration" "$@" \
        | tee -a "$results" | grep -v '^RESULT,' >&2 \
        || { echo "FAILED: $* (the table below leaves this run out)" >&2; failures=$((failures + 1)); }
}
failures=0

run --scenario send --persistent --producers 1 --messages "$persistent_messages"
run --scenario send --persistent --producers 16 --messages "$messages"
run --scenario send --non-persistent --producers 1 --messages "$messages"
run --scenario send --non-persistent --producers 16 --messages "$messages"
run --scenario consume --persistent --producers 16 --consumers 1 --messages "$messages"
run --scenario consume --persistent --producers 16 --consumers "$consumers" --messages "$messages"
run --scenario consume --non-persistent --producers 1 --consumers 1 --messages "$messages"
run --scenario roundtrip --non-persistent --rate "$rate" --messages "$latency_messages"
run --scenario roundtrip --persistent --rate "$persistent_rate" --messages "$persistent_latency_messages"

echo
echo "provider: $jndi ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores)"
{
    echo "scenario delivery prod cons msgs elapsed_ms msgs/s MB/s p50_us p99_us p99.9_us max_us"
    awk -F, '/^RESULT,/ {
        printf "%s %s %s %s %s/%s %s %s %s %s %s %s %s\n", $2, $3, $4, ($2 == "send" ? "-" : $5), \
            $7, $8, $9, $10, $11, ($12 == "" ? "-" : $12), ($13 == "" ? "-" : $13), \
            ($14 == "" ? "-" : $14), ($15 == "" ? "-" : $15)
    }' "$results"
} | column -t
echo "raw RESULT lines: $results"
exit $((failures > 0))
