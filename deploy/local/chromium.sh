#!/usr/bin/env bash
# Debian's chromium and a Chinese font for the console's browser tests
# (playwright-core drives it; no browser is downloaded; without a CJK font the
# screenshots show boxes instead of 汉字). Installed with apt-get when missing.
set -euo pipefail
have_font() { fc-list :lang=zh 2>/dev/null | grep -q .; }
if command -v chromium >/dev/null 2>&1 && have_font; then exit 0; fi
echo "[chromium] installing Debian's chromium and fonts-wqy-microhei packages"
export DEBIAN_FRONTEND=noninteractive
sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
$sudo_ apt-get update -qq
$sudo_ apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
command -v chromium >/dev/null || { echo "[chromium] ERROR: chromium did not install" >&2; exit 1; }
have_font || { echo "[chromium] ERROR: no Chinese font after installing fonts-wqy-microhei" >&2; exit 1; }
