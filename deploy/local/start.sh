#!/usr/bin/env bash
# Starts the whole system on this machine: installs dependencies, brings up
# Kafka and PostgreSQL (deploy/local), builds the five services, starts them in
# the background, waits until each is ready, and prints their URLs.
# Logs: deploy/local/.run/logs/<service>.log. Stop with `npm stop`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
# shellcheck source=services.sh
source "$here/services.sh"
run_dir="${DEVZONE_RUN_DIR:-$here/.run}"
mkdir -p "$run_dir/logs" "$run_dir/pids"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

bash "$here/install.sh"
bash "$here/infra.sh" up
bash "$here/keys.sh"
bash "$here/stop.sh" --quiet   # restart cleanly if an earlier start is still running
echo "[start] building the services"
npx nx run-many -t build --projects=tag:type:app --outputStyle=static >"$run_dir/logs/build.log" 2>&1 \
  || { tail -n 40 "$run_dir/logs/build.log"; echo "[start] ERROR: the build failed (log: $run_dir/logs/build.log)" >&2; exit 1; }

pg="postgres://${PGUSER:-postgres}@${PGHOST:-127.0.0.1}:${PGPORT:-5432}"
for entry in "${SERVICES[@]}"; do
  read -r name port db <<<"$entry"
  PORT="$port" DATABASE_URL="$pg/$db" KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}" \
    JWT_PUBLIC_KEY_FILE="${JWT_PUBLIC_KEY_FILE:-$run_dir/keys/public.pem}" \
    nohup node "dist/apps/$name/src/main.js" >"$run_dir/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$run_dir/pids/$name.pid"
done

deadline=$((SECONDS + ${START_TIMEOUT:-90}))
for entry in "${SERVICES[@]}"; do
  read -r name port db <<<"$entry"
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$run_dir/pids/$name.pid")" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      tail -n 30 "$run_dir/logs/$name.log" >&2
      echo "[start] ERROR: $name did not become ready (log: $run_dir/logs/$name.log)" >&2
      exit 1
    fi
    sleep 0.5
  done
done

echo
echo "开发区项目全生命周期 — all five services are up:"
for entry in "${SERVICES[@]}"; do
  read -r name port db <<<"$entry"
  printf '  %-20s http://127.0.0.1:%s   (API docs http://127.0.0.1:%s/docs, health /health, database %s)\n' "$name" "$port" "$port" "$db"
done
echo "  Kafka                127.0.0.1:9092      PostgreSQL 127.0.0.1:5432"
echo "Logs in $run_dir/logs; stop with: npm stop"
