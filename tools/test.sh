#!/usr/bin/env bash
# Sets up, builds and runs every test: the core's unit and golden tests (ctest), the same
# under AddressSanitizer and UBSan with a short run of each fuzzer (tools/test-sanitizers.sh),
# the wasm module against the CLI in node, and the page in headless Chromium. Exits
# non-zero on the first failing suite; the last line sums up.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash tools/setup.sh
bash tools/build.sh

echo "[test] core (ctest)"
ctest --test-dir build --output-on-failure -j"$(nproc)" | tee build/ctest.log
native_passed=$(grep -oE '[0-9]+ tests passed|tests passed, [0-9]+ tests failed out of [0-9]+' build/ctest.log | grep -oE '[0-9]+$' | tail -1)

echo "[test] core under AddressSanitizer and UBSan, and fuzzing (ctest, build-asan/)"
bash tools/test-sanitizers.sh | tee build/sanitizers.log
sanitized_passed=$(grep -oE '[0-9]+ tests passed|tests passed, [0-9]+ tests failed out of [0-9]+' build/sanitizers.log | grep -oE '[0-9]+$' | tail -1)

echo "[test] wasm module and page (node --test)"
node --test --test-reporter=spec tests/node/ tests/browser/ 2>&1 | tee build/node-test.log
node_passed=$(grep -oE '^ℹ pass [0-9]+' build/node-test.log | grep -oE '[0-9]+$')
echo "[test] passed: $native_passed native, $sanitized_passed sanitized (the native tests again and the fuzzers), $node_passed node"
echo "$((native_passed + sanitized_passed + node_passed)) passed, 0 failed"
