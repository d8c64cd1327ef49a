# What deploy/local's Java servers (kafka.sh, keycloak.sh) share: a process started in the
# background with a pid file, waited for until it answers, stopped with SIGTERM. Sourced, not run;
# the caller defines say, die, pid_file, log_file and an `answers` function.

# The pid in $pid_file when that process is alive.
running_pid() {
  if [ -f "$pid_file" ]; then
    local pid; pid="$(cat "$pid_file")"
    if kill -0 "$pid" 2>/dev/null; then echo "$pid"; return 0; fi
  fi
  return 1
}

# Waits until `answers` succeeds; dies with the log's tail if the process exits or $1 seconds pass.
wait_until_answers() {
  local what="$1" timeout="$2" deadline=$((SECONDS + $2))
  until answers; do
    if ! running_pid >/dev/null; then
      tail -n 40 "$log_file" >&2
      die "$what exited while starting; last lines of $log_file above"
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 40 "$log_file" >&2
      die "$what did not answer within ${timeout}s; last lines of $log_file above"
    fi
    sleep 0.5
  done
}

# SIGTERM to the pid (and its children), then waits up to 60 s before SIGKILL.
stop_running() {
  local pid="$1"
  say "stopping pid $pid"
  pkill -TERM -P "$pid" 2>/dev/null || true
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 60))
  while kill -0 "$pid" 2>/dev/null || pgrep -P "$pid" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then say "did not stop in 60s, killing"; pkill -KILL -P "$pid" 2>/dev/null || true; kill -KILL "$pid" 2>/dev/null || true; fi
    sleep 0.2
  done
  rm -f "$pid_file"
  say "stopped"
}
