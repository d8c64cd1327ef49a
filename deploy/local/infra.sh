#!/usr/bin/env bash
# Local infrastructure where no Docker engine exists: PostgreSQL (deploy/local/postgres.sh),
# Kafka (deploy/local/kafka.sh) and Keycloak, the identity provider (deploy/local/keycloak.sh).
#   infra.sh up|down|status
# `up` starts Kafka and Keycloak side by side (both are Java and take a while).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "${1:-}" in
  up)
    "$here/postgres.sh" up
    "$here/keycloak.sh" up & keycloak=$!
    "$here/kafka.sh" up || { wait "$keycloak" || true; exit 1; }
    wait "$keycloak"
    ;;
  down) "$here/kafka.sh" down; "$here/keycloak.sh" down ;;  # the machine's PostgreSQL stays up
  status) rc=0; "$here/postgres.sh" status || rc=1; "$here/kafka.sh" status || rc=1; "$here/keycloak.sh" status || rc=1; exit $rc ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
