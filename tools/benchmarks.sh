#!/usr/bin/env bash
# Regenerates docs/benchmarks.md: the core's throughput natively, as wasm in node and in
# headless Chromium beside compromise and wink-nlp, its scale to 5,000 articles, start-up,
# page weight and a callgrind profile (tools/benchmarks/run.mjs). Installs the npm packages
# it needs and builds what is missing first. About ten minutes on two shared cores.
# Usage: bash tools/benchmarks.sh [--no-build] [--report]
#   --no-build  measure build/ and public/ as they are, even if older than their sources
#   --report    rewrite the doc from the last run's measures (build/benchmarks.json)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=yes
arguments=()
for argument in "$@"; do
  case "$argument" in
    --no-build) build=no ;;
    --report) build=no; arguments+=("$argument") ;;
    *) arguments+=("$argument") ;;
  esac
done

# compromise and wink-nlp (tools/benchmarks), playwright-core (tests/browser), as locked.
[ -d tools/benchmarks/node_modules/wink-nlp ] || (cd tools/benchmarks && npm ci --no-audit --no-fund)
[ -d tests/browser/node_modules/playwright-core ] || (cd tests/browser && npm ci --no-audit --no-fund)
# Debian: callgrind (valgrind), /usr/bin/time for peak memory, Chromium.
missing=()
for package in valgrind time chromium; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "[benchmarks] installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Built if missing, and again if a source is newer than what was built: native and wasm must
# be the same code for their figures to be compared.
if [ ! -x build/benchmark ] || [ ! -x build/annotate ] || [ ! -f public/annotator-core.js ] || [ ! -f public/index.html ]; then
  bash tools/build.sh
elif [ "$build" = yes ] && { [ -n "$(find core wasm models tools/benchmark tools/annotate cmake CMakeLists.txt -newer build/benchmark -print -quit)" ] ||
                              [ -n "$(find core wasm models cmake CMakeLists.txt web -newer public/annotator-core.js -print -quit)" ]; }; then
  echo "[benchmarks] sources newer than build/ or public/: building" >&2
  bash tools/build.sh
fi
exec node tools/benchmarks/run.mjs "${arguments[@]}"
