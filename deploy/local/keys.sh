#!/usr/bin/env bash
# The demo identity provider's RS256 key pair (deploy/local/.run/keys), made once.
# Services get the public key (JWT_PUBLIC_KEY_FILE); `npm run token` signs with the private one.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${DEVZONE_RUN_DIR:-$here/.run}/keys"
if [ -f "$dir/private.pem" ] && [ -f "$dir/public.pem" ]; then exit 0; fi
mkdir -p "$dir"
node -e '
const { generateKeyPairSync } = require("node:crypto");
const fs = require("node:fs");
const k = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
fs.writeFileSync(process.argv[1] + "/private.pem", k.privateKey, { mode: 0o600 });
fs.writeFileSync(process.argv[1] + "/public.pem", k.publicKey);
' "$dir"
echo "[keys] made a demo signing key pair in $dir"
