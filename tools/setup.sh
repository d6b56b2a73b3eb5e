#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian bookworm machine, and
# nothing that is already there: Debian packages, then the browser test's npm packages.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

packages=(cmake g++ make python3 ca-certificates dpkg-dev catch2 nlohmann-json3-dev libicu-dev icu-devtools
          emscripten chromium firefox-esr fonts-wqy-microhei clang libclang-rt-14-dev)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[setup] installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# playwright-core drives Debian's Chromium in the browser test; it downloads no browser.
if [ ! -d "$root/tests/browser/node_modules/playwright-core" ]; then
  echo "[setup] npm ci (tests/browser)"
  (cd "$root/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
