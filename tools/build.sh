#!/usr/bin/env bash
# Builds everything: the native library, CLI and tests (build/), ICU for wasm (cached
# outside the clone), the WebAssembly module (build-wasm/), and the static site (public/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export NODE_PATH=/usr/share/nodejs  # Debian's emcc needs node modules from there

echo "[build] native"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"

echo "[build] ICU for wasm"
icu=$(bash tools/build-icu-wasm.sh)

echo "[build] wasm"
emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release -DICU_WASM_PREFIX="$icu" >/dev/null
cmake --build build-wasm -j"$(nproc)"

echo "[build] public/"
mkdir -p public
cp web/index.html web/style.css web/*.js public/
cp -r web/icons web/manifest.webmanifest public/
cp build-wasm/wasm/annotator-core.js public/
ls -l public
python3 tools/make-precache.py public  # last: lists and hashes everything copied above, for sw.js
