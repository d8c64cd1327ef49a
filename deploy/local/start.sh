#!/usr/bin/env bash
# Starts the whole system on this machine: installs dependencies, brings up
# Kafka and PostgreSQL (deploy/local), builds the five services, starts them and
# the demo mail catcher in the background, waits until each is ready, seeds the
# demo (two zones, their people, about 40 projects; DEVZONE_SEED=none skips it),
# and prints the URLs and demo tokens. A second run reuses what is running.
# Logs: deploy/local/.run/logs/<service>.log. Stop with `npm stop`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
# shellcheck source=services.sh
source "$here/services.sh"
run_dir="${DEVZONE_RUN_DIR:-$here/.run}"
export DEVZONE_RUN_DIR="$run_dir"
mkdir -p "$run_dir/logs" "$run_dir/pids"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
node_ts=(node -r @swc-node/register)
export SWC_NODE_PROJECT="$root/tsconfig.base.json"

running() { # every service (and the mail catcher and the console) alive and ready
  local name port
  for entry in "${SERVICES[@]}"; do
    read -r name port _ <<<"$entry"
    [ -f "$run_dir/pids/$name.pid" ] && kill -0 "$(cat "$run_dir/pids/$name.pid")" 2>/dev/null || return 1
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 || return 1
  done
  for extra in mail-catcher console; do
    [ -f "$run_dir/pids/$extra.pid" ] && kill -0 "$(cat "$run_dir/pids/$extra.pid")" 2>/dev/null || return 1
  done
}

bash "$here/install.sh"
bash "$here/infra.sh" up
bash "$here/keys.sh"

if running; then
  echo "[start] the services are already running: reusing them"
else
  bash "$here/stop.sh" --quiet   # whatever is left of an earlier start
  echo "[start] building the services"
  npx nx run-many -t build --projects=tag:type:app --outputStyle=static >"$run_dir/logs/build.log" 2>&1 \
    || { tail -n 40 "$run_dir/logs/build.log"; echo "[start] ERROR: the build failed (log: $run_dir/logs/build.log)" >&2; exit 1; }

  SMTP_PORT="$SMTP_PORT_LOCAL" MAIL_HTTP_PORT="$MAIL_HTTP_PORT_LOCAL" \
    nohup "${node_ts[@]}" libs/demo/src/cli/mail-catcher.main.ts >"$run_dir/logs/mail-catcher.log" 2>&1 </dev/null &
  echo $! >"$run_dir/pids/mail-catcher.pid"

  pg="postgres://${PGUSER:-postgres}@${PGHOST:-127.0.0.1}:${PGPORT:-5432}"
  for entry in "${SERVICES[@]}"; do
    read -r name port db <<<"$entry"
    PORT="$port" DATABASE_URL="$pg/$db" KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}" \
      JWT_PUBLIC_KEY_FILE="${JWT_PUBLIC_KEY_FILE:-$run_dir/keys/public.pem}" \
      SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT_LOCAL" \
      NODE_OPTIONS="${DEVZONE_NODE_OPTIONS:---max-old-space-size=96 --max-semi-space-size=8}" \
      nohup node "dist/apps/$name/src/main.js" >"$run_dir/logs/$name.log" 2>&1 </dev/null &
    echo $! >"$run_dir/pids/$name.pid"
  done

  CONSOLE_PORT="$CONSOLE_PORT_LOCAL" nohup "${node_ts[@]}" apps/console/server/main.ts >"$run_dir/logs/console.log" 2>&1 </dev/null &
  echo $! >"$run_dir/pids/console.pid"

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
  until curl -fs "http://127.0.0.1:$CONSOLE_PORT_LOCAL/api/demo/users" >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$run_dir/pids/console.pid")" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      tail -n 30 "$run_dir/logs/console.log" >&2
      echo "[start] ERROR: the console did not start (log: $run_dir/logs/console.log)" >&2
      exit 1
    fi
    sleep 0.5
  done
fi

if [ "${DEVZONE_SEED:-demo}" != none ]; then
  echo "[start] demo data (log: $run_dir/logs/seed.log)"
  "${node_ts[@]}" libs/demo/src/cli/seed.main.ts >"$run_dir/logs/seed.log" 2>&1 \
    || { tail -n 30 "$run_dir/logs/seed.log" >&2; echo "[start] ERROR: seeding the demo failed" >&2; exit 1; }
  tail -n 1 "$run_dir/logs/seed.log"
fi

echo
echo "开发区项目全生命周期 — all five services are up:"
echo "  web console          http://127.0.0.1:$CONSOLE_PORT_LOCAL   (演示登录: pick a demo user)"
for entry in "${SERVICES[@]}"; do
  read -r name port db <<<"$entry"
  printf '  %-20s http://127.0.0.1:%s   (API docs http://127.0.0.1:%s/docs, health /health, database %s)\n' "$name" "$port" "$port" "$db"
done
echo "  Kafka                127.0.0.1:9092      PostgreSQL 127.0.0.1:5432"
echo "  demo mail            http://127.0.0.1:$MAIL_HTTP_PORT_LOCAL   (SMTP 127.0.0.1:$SMTP_PORT_LOCAL: the e-mails the notifications service sends)"
echo
echo "Demo tokens (12 h; all users: npm run token). In the API docs: Authorize → paste a token."
"${node_ts[@]}" libs/demo/src/cli/token.main.ts admin province-manager sx-officer agent-liuyang agent-zhangmin sx-manager ent-sx-1 cz-officer ent-cz-1
echo "Logs in $run_dir/logs; stop with: npm stop"
