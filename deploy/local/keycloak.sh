#!/usr/bin/env bash
# Keycloak, the local identity provider (OpenID Connect), on 127.0.0.1:8180, without Docker.
#   keycloak.sh up       fetch the server distribution (once, from Maven Central: org.keycloak:keycloak-quarkus-dist,
#                        a zip), start it in development mode (its own H2 database under the distribution),
#                        and return when it serves OpenID Connect discovery
#   keycloak.sh down     stop it, wait until it has exited
#   keycloak.sh status   exit 0 and say so when it answers, exit 1 otherwise
# All three are idempotent. The realms (deploy/keycloak/realm.json) are made by the start command
# (libs/demo/src/cli/realm.main.ts), not here. Distribution: deploy/local/keycloak/dist (git-ignored,
# cached); log and pid: $DEVZONE_RUN_DIR/keycloak (default deploy/local/.run/keycloak). One Keycloak
# serves every instance on the machine (the end-to-end tests' too), like the Kafka broker.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="${KEYCLOAK_VERSION:-26.5.6}"
dist_root="$here/keycloak/dist"
home="$dist_root/keycloak-$version"
run_dir="${DEVZONE_RUN_DIR:-$here/.run}/keycloak"
log_file="$run_dir/keycloak.log"
pid_file="$run_dir/keycloak.pid"
port="${KEYCLOAK_PORT:-8180}"
url="http://127.0.0.1:$port"
start_timeout="${KEYCLOAK_START_TIMEOUT:-180}"

say() { printf '[keycloak] %s\n' "$*"; }
die() { printf '[keycloak] ERROR: %s\n' "$*" >&2; exit 1; }
# shellcheck source=daemon.sh
source "$here/daemon.sh"

ensure_dist() {
  if [ -f "$home/.complete" ]; then return; fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed once to fetch Keycloak from Maven Central"
  command -v java >/dev/null || die "Java 17 is needed to run Keycloak"
  say "fetching the Keycloak $version server distribution from Maven Central (first start only)"
  rm -rf "$dist_root"
  mkdir -p "$dist_root" "$run_dir"
  if ! (cd "$dist_root" && mvn -q -B dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" \
        -DoutputDirectory="$dist_root" -DmarkersDirectory="$dist_root/.maven-markers") >"$run_dir/maven.log" 2>&1; then
    tail -n 30 "$run_dir/maven.log" >&2
    die "could not fetch org.keycloak:keycloak-quarkus-dist:$version (full log: $run_dir/maven.log)"
  fi
  [ -x "$home/bin/kc.sh" ] || die "the distribution did not unpack to $home"
  touch "$home/.complete"
}

answers() { curl -fs -m 5 "$url/realms/master/.well-known/openid-configuration" >/dev/null 2>&1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

cmd_up() {
  mkdir -p "$run_dir"
  if running_pid >/dev/null && answers; then say "already running on $url (pid $(running_pid))"; return 0; fi
  if ! running_pid >/dev/null && port_open; then
    if answers; then say "a Keycloak this checkout did not start already answers on $url; using it"; return 0; fi
    die "port $port is taken by something that is not Keycloak (set KEYCLOAK_PORT)"
  fi
  ensure_dist
  if ! running_pid >/dev/null; then
    say "starting Keycloak $version (log: $log_file)"
    # The bootstrap administrator exists only in this local development server (bound to loopback).
    KC_BOOTSTRAP_ADMIN_USERNAME="${KEYCLOAK_ADMIN_USER:-admin}" KC_BOOTSTRAP_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}" \
      JAVA_OPTS_KC_HEAP="${KEYCLOAK_HEAP:--Xms64m -Xmx512m}" \
      nohup "$home/bin/kc.sh" start-dev --http-host 127.0.0.1 --http-port "$port" --hostname "$url" \
        --log-level=WARN,org.keycloak.services:INFO,io.quarkus:INFO >>"$log_file" 2>&1 </dev/null &
    echo $! >"$pid_file"
  fi
  wait_until_answers "Keycloak" "$start_timeout"
  say "up on $url (pid $(running_pid))"
}

cmd_down() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$pid_file"
    say "not running"; return 0
  fi
  # kc.sh runs java as its child (stop_running signals both).
  stop_running "$pid"
}

cmd_status() {
  if answers; then say "up on $url"; return 0; fi
  if running_pid >/dev/null; then say "process $(running_pid) is running but does not answer on $url"; return 1; fi
  say "down"; return 1
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
