#!/usr/bin/env bash
# Benchmarks the built page (public/) in headless Chromium and writes docs/page.md.
set -euo pipefail
cd "$(dirname "$0")/.." && { [ -d tests/browser/node_modules/playwright-core ] || (cd tests/browser && npm ci --no-audit --no-fund); } && exec node tools/benchmark-page.mjs "$@"
