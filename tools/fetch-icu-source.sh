#!/usr/bin/env bash
# Fetches Debian's ICU 72.1 source tarball into the cache folder given as $1, once.
# Needs a deb-src entry for bookworm; adds one (and runs apt-get update) if none exists.
set -euo pipefail
cache_root=$1
tarball="$cache_root/icu_72.1.orig.tar.gz"
[ -f "$tarball" ] && exit 0

if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  cat >/etc/apt/sources.list.d/annotator-src.sources <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt-get update -qq
fi
download=$(mktemp -d "$cache_root/icu-src.XXXXXX")
(cd "$download" && apt-get source --download-only -qq icu >/dev/null 2>&1) ||
  { echo "error: apt-get source icu failed (is a deb-src entry reachable?)" >&2; exit 1; }
mv "$download"/icu_72.1.orig.tar.gz "$tarball"
rm -rf "$download"
