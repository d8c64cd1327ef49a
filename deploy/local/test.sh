#!/usr/bin/env bash
# Runs every test: lint and type checks, unit tests, integration tests against
# the real Kafka broker and PostgreSQL, the end-to-end tests of the whole
# system started by the start command, and the fault suite (kill -9, broker and
# PostgreSQL restarts under load). Installs dependencies and brings the infrastructure up first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
started=$SECONDS

bash "$here/install.sh"
bash "$here/infra.sh" up
bash "$here/chromium.sh"   # the console's browser tests (e2e)
npx nx run-many -t lint typecheck test --skip-nx-cache --outputStyle=static
bash deploy/k8s/validate.sh
npx nx run-many -t int-test --parallel=1 --skip-nx-cache --outputStyle=static
npx nx run-many -t e2e --parallel=1 --skip-nx-cache --outputStyle=static
npx nx run-many -t fault-test --parallel=1 --skip-nx-cache --outputStyle=static
echo "[test] all tests passed in $((SECONDS - started)) s"
