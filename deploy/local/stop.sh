#!/usr/bin/env bash
# Stops the services, the web console and the demo mail catcher started by start.sh (SIGTERM: the
# services stop consuming, flush their outbox and close). `stop.sh --all` also stops the local Kafka
# broker and Keycloak.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=services.sh
source "$here/services.sh"
run_dir="${DEVZONE_RUN_DIR:-$here/.run}"
quiet=false; all=false
for arg in "$@"; do case "$arg" in --quiet) quiet=true ;; --all) all=true ;; esac; done

names=(console mail-catcher)
for entry in "${SERVICES[@]}"; do read -r name _ _ <<<"$entry"; names+=("$name"); done
for name in "${names[@]}"; do
  pid_file="$run_dir/pids/$name.pid"
  [ -f "$pid_file" ] || continue
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    $quiet || echo "[stop] $name stopped"
  fi
  rm -f "$pid_file"
done
if $all; then bash "$here/kafka.sh" down; bash "$here/keycloak.sh" down; fi
