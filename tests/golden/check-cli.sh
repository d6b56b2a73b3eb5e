#!/usr/bin/env bash
# Golden test: the CLI's JSON for the two seed articles equals the reviewed file beside
# this script. After a deliberate change, regenerate it with --update and review the diff.
set -euo pipefail
annotate=$1
here=$(cd "$(dirname "$0")" && pwd)
seeds="$here/../../../shared/examples/seeds"
actual=$("$annotate" --pretty "$seeds/000_f69547d81110a782.txt" "$seeds/004_4d6ec85c132eac13.txt")
if [ "${2:-}" = "--update" ]; then
  printf '%s\n' "$actual" >"$here/seeds.json"
  exit 0
fi
diff -u "$here/seeds.json" <(printf '%s\n' "$actual")
