#!/usr/bin/env bash
# Local infrastructure where no Docker engine exists: Kafka (deploy/local/kafka.sh)
# and PostgreSQL (deploy/local/postgres.sh).  infra.sh up|down|status
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "${1:-}" in
  up) "$here/postgres.sh" up; "$here/kafka.sh" up ;;
  down) "$here/kafka.sh" down ;;  # the machine's PostgreSQL stays up
  status) rc=0; "$here/postgres.sh" status || rc=1; "$here/kafka.sh" status || rc=1; exit $rc ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
