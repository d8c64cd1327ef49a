#!/usr/bin/env bash
# Installs the npm dependencies exactly as locked, when they are missing or stale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[install] npm ci"
  npm ci --no-audit --no-fund
else
  echo "[install] node_modules is up to date"
fi
