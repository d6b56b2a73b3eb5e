#!/usr/bin/env bash
# Builds ICU's common and i18n libraries as static WebAssembly archives, once, and caches
# them outside the clone. Prints the install prefix (include/ and lib/) on stdout.
#
# The cache key is the ICU version and a hash of this script (which holds every build
# flag), so changing a flag rebuilds and a second run with the same flags is instant.
# ICU's own data is not built here: the libraries are configured for an archive that the
# core hands to ICU from memory (udata_setCommonData), cut to what the core uses by
# tools/cut-icu-data.sh. That keeps this build free of ICU's data tooling.
set -euo pipefail

ICU_VERSION=72.1
ICU_TARBALL="icu_${ICU_VERSION}.orig.tar.gz"
here=$(cd "$(dirname "$0")" && pwd)
cache_root="${ANNOTATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/news-annotator}"
key=$(sha256sum "$here/build-icu-wasm.sh" | cut -c1-12)
prefix="$cache_root/icu-$ICU_VERSION-wasm-$key"
export NODE_PATH=/usr/share/nodejs   # emcc's own JavaScript needs Debian's node modules

if [ -f "$prefix/.complete" ]; then
  echo "$prefix"
  exit 0
fi
mkdir -p "$cache_root"
log() { echo "[icu-wasm] $*" >&2; }

# 1. Debian's ICU source (the upstream tarball), fetched once with apt.
"$here/fetch-icu-source.sh" "$cache_root" >&2
tarball="$cache_root/$ICU_TARBALL"

work=$(mktemp -d "$cache_root/icu-build.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 2. A configured native tree: cross builds read the host's settings from it.
log "configuring native host tree"
mkdir -p "$work/native" "$work/wasm"
tar xzf "$tarball" -C "$work/native"
(cd "$work/native/icu/source" &&
  ./configure --disable-tests --disable-samples --disable-extras >/dev/null &&
  make config/icucross.mk config/icucross.inc >/dev/null)

# 3. The wasm build of the libraries the core links: stubdata, common (uc), i18n.
log "building ICU $ICU_VERSION for wasm (several minutes)"
tar xzf "$tarball" -C "$work/wasm"
flags="-Os"
(cd "$work/wasm/icu/source" &&
  CFLAGS="$flags" CXXFLAGS="$flags -std=c++17" emconfigure ./configure \
    --host=wasm32-unknown-linux-gnu --with-cross-build="$work/native/icu/source" \
    --prefix="$prefix" --enable-static --disable-shared --disable-tools --disable-tests \
    --disable-samples --disable-extras --disable-icuio --disable-layoutex \
    --with-data-packaging=archive >/dev/null &&
  mkdir -p lib bin &&
  emmake make -j"$(nproc)" -C stubdata >/dev/null &&
  emmake make -j"$(nproc)" -C common >/dev/null &&
  emmake make -j"$(nproc)" -C i18n >/dev/null)

# 4. Install headers and archives into the cache.
rm -rf "$prefix"
mkdir -p "$prefix/lib" "$prefix/include/unicode"
cp "$work/wasm/icu/source/lib/libicuuc.a" "$work/wasm/icu/source/lib/libicui18n.a" "$prefix/lib/"
cp "$work/wasm/icu/source/stubdata/libicudata.a" "$prefix/lib/" 2>/dev/null ||
  cp "$work/wasm/icu/source/lib/libicudata.a" "$prefix/lib/"
cp "$work/wasm/icu/source/common/unicode/"*.h "$work/wasm/icu/source/i18n/unicode/"*.h "$prefix/include/unicode/"
touch "$prefix/.complete"
log "done: $prefix"
echo "$prefix"
