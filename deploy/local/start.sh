#!/usr/bin/env bash
# Starts the whole system on this machine: installs dependencies, brings up
# Kafka, PostgreSQL and Keycloak (the identity provider; deploy/local), makes the
# realm with the demo people, builds the five services, starts them, the web
# console and the demo mail catcher in the background, waits until each is ready,
# seeds the demo (two zones, their people, about 40 projects; DEVZONE_SEED=none
# skips it), and prints the URLs and how each demo person signs in. A second run
# reuses what is running.
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

# The identity provider's realm (deploy/keycloak) with the demo people, and what the services and the
# console need to use it ($run_dir/idp.json). When the realm had to be made again, its client
# secrets changed: whatever runs must start again.
idp_file="$run_dir/idp.json"
idp_before="$(cat "$idp_file" 2>/dev/null || true)"
DEVZONE_DEMO="${DEVZONE_DEMO:-true}" CONSOLE_PUBLIC_URL="http://127.0.0.1:$CONSOLE_PORT_LOCAL" \
  "${node_ts[@]}" libs/demo/src/cli/realm.main.ts
idp() { node -p "require('$idp_file').$1"; }
issuer="$(idp issuer)"
if [ "$idp_before" != "$(cat "$idp_file")" ] && running; then
  echo "[start] the identity provider's realm changed: starting the services again"
  bash "$here/stop.sh" --quiet
fi

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
      OIDC_ISSUER="$issuer" OIDC_AUDIENCE="$(idp audience)" \
      IDP_ADMIN_URL="$(idp keycloakUrl)" IDP_REALM="$(idp realm)" IDP_ADMIN_CLIENT_ID="$(idp adminClientId)" IDP_ADMIN_CLIENT_SECRET="$(idp adminClientSecret)" \
      CONSOLE_PUBLIC_URL="http://127.0.0.1:$CONSOLE_PORT_LOCAL" \
      SMTP_HOST=127.0.0.1 SMTP_PORT="$SMTP_PORT_LOCAL" \
      NODE_OPTIONS="${DEVZONE_NODE_OPTIONS:---max-old-space-size=96 --max-semi-space-size=8}" \
      nohup node "dist/apps/$name/src/main.js" >"$run_dir/logs/$name.log" 2>&1 </dev/null &
    echo $! >"$run_dir/pids/$name.pid"
  done

  CONSOLE_PORT="$CONSOLE_PORT_LOCAL" CONSOLE_PUBLIC_URL="http://127.0.0.1:$CONSOLE_PORT_LOCAL" DEVZONE_DEMO="${DEVZONE_DEMO:-true}" \
    OIDC_ISSUER="$issuer" OIDC_CLIENT_ID="$(idp consoleClientId)" OIDC_CLIENT_SECRET="$(idp consoleClientSecret)" \
    nohup "${node_ts[@]}" apps/console/server/main.ts >"$run_dir/logs/console.log" 2>&1 </dev/null &
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
  until curl -fs "http://127.0.0.1:$CONSOLE_PORT_LOCAL/" >/dev/null 2>&1; do
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
echo "  web console          http://127.0.0.1:$CONSOLE_PORT_LOCAL   (sign in through the identity provider; the demo people are listed)"
for entry in "${SERVICES[@]}"; do
  read -r name port db <<<"$entry"
  printf '  %-20s http://127.0.0.1:%s   (API docs http://127.0.0.1:%s/docs, health /health, database %s)\n' "$name" "$port" "$port" "$db"
done
echo "  identity provider    $issuer   (Keycloak; administration http://127.0.0.1:${KEYCLOAK_PORT:-8180}/admin, admin/admin, local only)"
echo "  Kafka                127.0.0.1:9092      PostgreSQL 127.0.0.1:5432"
echo "  demo mail            http://127.0.0.1:$MAIL_HTTP_PORT_LOCAL   (SMTP 127.0.0.1:$SMTP_PORT_LOCAL: the e-mails the notifications service sends, invitations too)"
echo
"${node_ts[@]}" libs/demo/src/cli/sign-ins.main.ts
echo
echo "A token for the APIs (15 min): npm run -s token -- <login>; every person with a token: npm run token. In the API docs: Authorize → paste a token."
echo "Logs in $run_dir/logs; stop with: npm stop (npm stop -- --all also stops Kafka and Keycloak)"
