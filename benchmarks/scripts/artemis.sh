#!/usr/bin/env bash
# Starts, stops and reports a local Apache ActiveMQ Artemis broker for the JMS load tool.
#
# Usage: benchmarks/scripts/artemis.sh start|stop|status
#
# The distribution is fetched from Maven Central with Maven itself and unpacked under
# $ARTEMIS_WORK (default benchmarks/target/artemis). A broker instance is created there with
# user admin/admin, login required, and every acceptor and the web console bound to 127.0.0.1.
# Every wait in this script is bounded.
set -euo pipefail

ARTEMIS_VERSION="${ARTEMIS_VERSION:-2.40.0}"
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${ARTEMIS_WORK:-$script_dir/../target/artemis}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
dist_home="$work/apache-artemis-$ARTEMIS_VERSION"
instance="$work/instance"
pid_file="$work/broker.pid"
log_file="$work/broker.log"
port=61616
start_timeout_seconds="${ARTEMIS_START_TIMEOUT_SECONDS:-120}"
stop_timeout_seconds="${ARTEMIS_STOP_TIMEOUT_SECONDS:-60}"

log() { echo "artemis.sh: $*" >&2; }

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

broker_pid() {
    if [[ -f "$pid_file" ]]; then
        local pid
        pid="$(cat "$pid_file")"
        if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
            echo "$pid"
            return 0
        fi
    fi
    return 1
}

fetch_distribution() {
    if [[ -x "$dist_home/bin/artemis" ]]; then
        return
    fi
    log "fetching org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin with Maven"
    mvn -B -q dependency:copy \
        -Dartifact="org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" \
        -DoutputDirectory="$work/dist"
    tar -xzf "$work/dist/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$work"
}

create_instance() {
    if [[ -x "$instance/bin/artemis" ]]; then
        return
    fi
    log "creating broker instance in $instance"
    "$dist_home/bin/artemis" create "$instance" \
        --user admin --password admin --require-login \
        --host 127.0.0.1 --http-host 127.0.0.1 \
        --silent >"$work/create.log" 2>&1
}

# Fails unless every acceptor and the web console bind to 127.0.0.1.
check_loopback_only() {
    local acceptors
    acceptors="$(grep -o '<acceptor name="[^"]*">[a-z]*://[^:?<]*' "$instance/etc/broker.xml" || true)"
    if [[ -z "$acceptors" ]]; then
        log "no acceptor found in $instance/etc/broker.xml"
        return 1
    fi
    if grep -v '://127\.0\.0\.1$' <<<"$acceptors"; then
        log "an acceptor above is not bound to 127.0.0.1; refusing to start"
        return 1
    fi
    if ! grep -q 'http://127\.0\.0\.1:' "$instance/etc/bootstrap.xml"; then
        log "the web console in $instance/etc/bootstrap.xml is not bound to 127.0.0.1; refusing to start"
        return 1
    fi
}

start_broker() {
    if pid="$(broker_pid)"; then
        log "already running (pid $pid)"
        return
    fi
    if port_open; then
        log "port $port is already in use by another process; refusing to start"
        return 1
    fi
    fetch_distribution
    create_instance
    check_loopback_only
    nohup "$instance/bin/artemis" run >"$log_file" 2>&1 &
    echo $! >"$pid_file"
    local deadline=$((SECONDS + start_timeout_seconds))
    until port_open; do
        if ! broker_pid >/dev/null; then
            log "broker exited during start; see $log_file"
            tail -n 30 "$log_file" >&2
            return 1
        fi
        if ((SECONDS >= deadline)); then
            log "port $port not open after ${start_timeout_seconds}s; see $log_file"
            return 1
        fi
        sleep 1
    done
    log "started (pid $(cat "$pid_file")), listening on 127.0.0.1:$port, log $log_file"
}

stop_broker() {
    local pid
    if ! pid="$(broker_pid)"; then
        log "not running"
        rm -f "$pid_file"
        return
    fi
    "$instance/bin/artemis" stop >>"$log_file" 2>&1 || kill "$pid"
    local deadline=$((SECONDS + stop_timeout_seconds))
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            log "pid $pid still alive after ${stop_timeout_seconds}s; sending SIGKILL"
            kill -9 "$pid" 2>/dev/null || true
            break
        fi
        sleep 1
    done
    rm -f "$pid_file"
    log "stopped"
}

status_broker() {
    local pid
    if pid="$(broker_pid)"; then
        if port_open; then
            echo "running (pid $pid), 127.0.0.1:$port accepting connections"
        else
            echo "starting (pid $pid), 127.0.0.1:$port not yet accepting connections"
        fi
    else
        echo "stopped"
        return 3
    fi
}

case "${1:-}" in
    start) start_broker ;;
    stop) stop_broker ;;
    status) status_broker ;;
    *)
        echo "usage: $0 start|stop|status" >&2
        exit 2
        ;;
esac
