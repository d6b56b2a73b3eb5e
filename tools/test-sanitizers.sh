#!/usr/bin/env bash
# The native tests again under AddressSanitizer and UndefinedBehaviorSanitizer, and a
# short run of each libFuzzer target (docs/robustness.md, "Sanitizers and fuzzing"): a
# Clang build in build-asan/ (ANNOTATOR_SANITIZE), every ctest test of the native build
# (Catch2 cases, golden CLI output, the quality floors over ../shared/data) plus one
# test per fuzzer. Any sanitizer finding, leak or fuzzer crash fails it. Called by
# tools/test.sh; the last lines are ctest's summary. FUZZ_SECONDS (default 60) is how
# long each fuzzer runs; ctest runs two at a time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

cmake -S . -B build-asan -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug -DANNOTATOR_SANITIZE=ON \
      -DANNOTATOR_FUZZ_SECONDS="${FUZZ_SECONDS:-60}" >/dev/null
cmake --build build-asan -j"$(nproc)"

# Leaks, C++ static initialisation order and stack use after return are checked too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
