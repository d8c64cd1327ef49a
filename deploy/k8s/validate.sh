#!/usr/bin/env bash
# Validates the deployment without a cluster: docker-compose.yml, the operator
# resources in deploy/k8s/infra and the Helm chart deploy/k8s/devzone (checks in
# deploy/k8s/validate.mjs). The chart is rendered with `helm lint` and
# `helm template` when helm is installed or can be installed from Debian's
# packages (apt-get, as root); otherwise only its static parts are checked, and
# the output says so. Exits non-zero on any problem. Run by deploy/local/test.sh.
#   DEVZONE_VALIDATE_NO_APT=1   never look for helm with apt
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
chart="deploy/k8s/devzone"
say() { printf '[validate] %s\n' "$*"; }

helm_candidate() { apt-cache policy helm 2>/dev/null | awk '/Candidate:/ {print $2; exit}'; }
fresh_apt_lists() { find /var/lib/apt/lists -maxdepth 1 -name '*_Packages*' -mmin -1440 2>/dev/null | grep -q .; }

# helm on PATH, or Debian's package `helm` when the archive has one.
ensure_helm() {
  command -v helm >/dev/null 2>&1 && return 0
  [ "${DEVZONE_VALIDATE_NO_APT:-}" = 1 ] && return 1
  command -v apt-cache >/dev/null 2>&1 || return 1
  local candidate; candidate="$(helm_candidate)"
  if { [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; } && [ "$(id -u)" = 0 ] && ! fresh_apt_lists; then
    timeout 120 apt-get update -qq >/dev/null 2>&1 || true
    candidate="$(helm_candidate)"
  fi
  if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then
    say "helm: Debian's archive has no package helm (apt-cache policy helm: no candidate)"
    return 1
  fi
  [ "$(id -u)" = 0 ] || { say "helm: Debian has helm $candidate, but installing it needs root"; return 1; }
  say "installing helm $candidate from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq helm >/dev/null 2>&1 || { say "helm: apt-get install helm failed"; return 1; }
  command -v helm >/dev/null 2>&1
}

if ensure_helm; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  # auth.issuer has no default (the chart refuses to render without one): every
  # render gets one. The first render is otherwise the defaults (no accounts).
  cat >"$tmp/issuer-values.yaml" <<'EOF'
auth:
  issuer: https://sso.example.gov.cn/realms/devzone
EOF
  # A second render takes the branches the defaults skip: discovery inside the
  # cluster, project-intake's accounts with the client secret given inline (the
  # chart makes the Secret), and SMTP credentials.
  cat >"$tmp/variant-values.yaml" <<'EOF'
auth:
  issuer: https://sso.example.gov.cn/realms/devzone
  discoveryUrl: http://keycloak.iam:8080/realms/devzone
  algorithms: [RS256, ES256]
identityProvider:
  adminUrl: http://keycloak.iam:8080
  adminClientSecret: not-a-secret
  consolePublicUrl: https://devzone.example.gov.cn
smtp:
  user: devzone
  password: not-a-secret
image:
  tag: "1.2.3"
EOF
  # A third: accounts with the client secret from the existing Secret (the default name).
  cat >"$tmp/accounts-values.yaml" <<'EOF'
auth:
  issuer: https://sso.example.gov.cn/realms/devzone
identityProvider:
  adminUrl: http://keycloak.iam:8080
  consolePublicUrl: https://devzone.example.gov.cn
EOF
  if helm template devzone "$chart" --namespace devzone >/dev/null 2>&1; then
    say "FAILED: $chart renders without auth.issuer (it must be required)"; exit 1
  fi
  renders=()
  for variant in issuer variant accounts; do
    helm lint --strict "$chart" -f "$tmp/$variant-values.yaml" >"$tmp/lint-$variant.log" 2>&1 \
      || { cat "$tmp/lint-$variant.log" >&2; say "FAILED: helm lint $chart ($variant values)"; exit 1; }
    helm template devzone "$chart" --namespace devzone -f "$tmp/$variant-values.yaml" >"$tmp/$variant.yaml"
    renders+=(--rendered "$tmp/$variant.yaml")
  done
  node deploy/k8s/validate.mjs --helm-version "$(helm version --short 2>/dev/null || echo '?')" "${renders[@]}"
else
  say "helm is not available: the chart is NOT rendered; checking its static parts, values and template skeletons"
  node deploy/k8s/validate.mjs
fi
