#!/usr/bin/env bash
# PostgreSQL for the services, without Docker.
#   postgres.sh up      use the server on $PGHOST:$PGPORT when it answers; start the
#                       Debian cluster with pg_ctlcluster when it is installed but down;
#                       create each service's database if missing
#   postgres.sh status  exit 0 when the server answers
# The server itself is the machine's; `down` is deliberately not offered.
set -euo pipefail
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
# shellcheck source=services.sh
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"
databases=()
for entry in "${SERVICES[@]}"; do read -r _ _ db <<<"$entry"; databases+=("$db"); done

say() { printf '[postgres] %s\n' "$*"; }
die() { printf '[postgres] ERROR: %s\n' "$*" >&2; exit 1; }
answers() { pg_isready -q -h "$PGHOST" -p "$PGPORT" -t 2 >/dev/null 2>&1; }

start_cluster() {
  command -v pg_ctlcluster >/dev/null || die "no server answers on $PGHOST:$PGPORT and pg_ctlcluster is not installed"
  local version
  version="$(pg_lsclusters -h 2>/dev/null | awk '$2=="main"{print $1; exit}')"
  [ -n "$version" ] || die "no server answers on $PGHOST:$PGPORT and no Debian cluster 'main' exists"
  say "starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start \
    || die "pg_ctlcluster $version main start failed; see /var/log/postgresql/postgresql-$version-main.log"
  for _ in $(seq 1 60); do answers && return 0; sleep 0.5; done
  die "cluster $version/main started but does not answer on $PGHOST:$PGPORT"
}

cmd_up() {
  command -v pg_isready >/dev/null || die "the PostgreSQL client tools (pg_isready, psql) are not installed"
  answers || start_cluster
  for db in "${databases[@]}"; do
    if [ "$(psql -d postgres -Atc "select 1 from pg_database where datname='$db'")" != "1" ]; then
      psql -d postgres -qc "create database \"$db\"" && say "created database $db"
    fi
  done
  say "up on $PGHOST:$PGPORT (databases: ${databases[*]})"
}

case "${1:-}" in
  up) cmd_up ;;
  status) if answers; then say "up on $PGHOST:$PGPORT"; else say "down"; exit 1; fi ;;
  *) echo "usage: $0 up|status" >&2; exit 2 ;;
esac
