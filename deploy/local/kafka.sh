#!/usr/bin/env bash
# The real Apache Kafka broker (KRaft, one node) on 127.0.0.1:9092, without Docker.
#   kafka.sh up       resolve the jars (once, from Maven Central), format storage (once), start,
#                     and return when the broker answers metadata requests
#   kafka.sh down     stop it (controlled shutdown), wait until it has exited
#   kafka.sh status   exit 0 and say so when it answers, exit 1 otherwise
# All three are idempotent. Jars: deploy/local/kafka/lib (git-ignored, cached);
# data and log: $DEVZONE_RUN_DIR/kafka (default deploy/local/.run/kafka).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
kafka_dir="$here/kafka"
run_dir="${DEVZONE_RUN_DIR:-$here/.run}/kafka"
data_dir="$run_dir/data"
log_file="$run_dir/broker.log"
pid_file="$run_dir/broker.pid"
bootstrap="127.0.0.1:9092"
start_timeout="${KAFKA_START_TIMEOUT:-90}"
heap="${KAFKA_HEAP:-768m}"

say() { printf '[kafka] %s\n' "$*"; }
die() { printf '[kafka] ERROR: %s\n' "$*" >&2; exit 1; }
# shellcheck source=daemon.sh
source "$here/daemon.sh"

ensure_jars() {
  if [ -f "$kafka_dir/lib/.complete" ]; then return; fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed once to fetch the Kafka jars from Maven Central"
  command -v java >/dev/null || die "Java 17 is needed to run the broker"
  say "resolving the broker's jars from Maven Central (first start only)"
  rm -rf "$kafka_dir/lib"
  if ! mvn -q -B -f "$kafka_dir/pom.xml" dependency:copy-dependencies \
        -DoutputDirectory="$kafka_dir/lib" -DincludeScope=runtime >"$run_dir/maven.log" 2>&1; then
    tail -n 30 "$run_dir/maven.log" >&2
    die "could not resolve the Kafka broker from Maven Central (full log: $run_dir/maven.log)"
  fi
  touch "$kafka_dir/lib/.complete"
}

java_opts() {
  echo -Xms256m -Xmx"$heap" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$kafka_dir/log4j.properties" -Dkafka.logs.dir="$run_dir"
}
# shellcheck disable=SC2046
java_cmd() { java $(java_opts) -cp "$kafka_dir/lib/*" "$@"; }

config_file() {
  local cfg="$run_dir/server.properties"
  { cat "$kafka_dir/server.properties"; echo "log.dirs=$data_dir"; } >"$cfg"
  echo "$cfg"
}

# Answers only when the broker serves metadata (the tool asks for the cluster's
# brokers, then each broker's API versions).
answers() {
  timeout 20 java -Xmx128m -cp "$kafka_dir/lib/*" -Dlog4j.configuration="file:$kafka_dir/log4j-quiet.properties" \
    kafka.admin.BrokerApiVersionsCommand --bootstrap-server "$bootstrap" >/dev/null 2>&1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/9092") 2>/dev/null; }

cmd_up() {
  mkdir -p "$run_dir"
  ensure_jars
  if running_pid >/dev/null && answers; then say "already running on $bootstrap (pid $(running_pid))"; return 0; fi
  if ! running_pid >/dev/null && port_open; then
    if answers; then say "a broker this checkout did not start already answers on $bootstrap; using it"; return 0; fi
    die "port 9092 is taken by something that is not a Kafka broker"
  fi
  local cfg; cfg="$(config_file)"
  if [ ! -f "$data_dir/meta.properties" ]; then
    say "formatting storage in $data_dir"
    mkdir -p "$data_dir"
    java_cmd kafka.tools.StorageTool format --ignore-formatted \
      --cluster-id "$(java_cmd kafka.tools.StorageTool random-uuid)" --config "$cfg" >>"$log_file" 2>&1 \
      || { tail -n 30 "$log_file" >&2; die "formatting the storage failed"; }
  fi
  if ! running_pid >/dev/null; then
    say "starting the broker (log: $log_file)"
    # shellcheck disable=SC2046
    nohup java $(java_opts) -cp "$kafka_dir/lib/*" kafka.Kafka "$cfg" >>"$log_file" 2>&1 </dev/null &
    echo $! >"$pid_file"
  fi
  wait_until_answers "the broker" "$start_timeout"
  say "up on $bootstrap (pid $(running_pid))"
}

cmd_down() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$pid_file"
    if port_open; then die "a broker this checkout did not start answers on $bootstrap; not stopping it"; fi
    say "not running"; return 0
  fi
  stop_running "$pid"
}

cmd_status() {
  if answers; then say "up on $bootstrap"; return 0; fi
  if running_pid >/dev/null; then say "process $(running_pid) is running but does not answer on $bootstrap"; return 1; fi
  say "down"; return 1
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
