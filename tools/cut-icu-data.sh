#!/usr/bin/env bash
# Packs the ICU data items listed in tools/icu-data.txt into core/1-text/icudt72l.dat,
# a little-endian ICU package that the core hands to ICU from memory. Run it after
# changing the list; the result is committed so that builds need no ICU source.
# Needs Debian's icu-devtools (icupkg) and the ICU 72.1 source tarball (fetched once).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache_root="${ANNOTATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/news-annotator}"
mkdir -p "$cache_root"
"$here/fetch-icu-source.sh" "$cache_root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar xzf "$cache_root/icu_72.1.orig.tar.gz" -C "$work" icu/source/data/in/icudt72l.dat
grep -v '^#' "$here/icu-data.txt" | sed '/^$/d' >"$work/items.txt"
mkdir "$work/items"
icupkg -x "$work/items.txt" -d "$work/items" "$work/icu/source/data/in/icudt72l.dat"
icupkg -tl -a "$work/items.txt" -s "$work/items" new "$work/icudt72l.dat"
cp "$work/icudt72l.dat" "$here/../core/1-text/icudt72l.dat"
icupkg -l "$here/../core/1-text/icudt72l.dat"
