#!/usr/bin/env bash
# Sets up, builds, and serves the page on 127.0.0.1 (PORT, default 8000). The same page
# also works opened straight from disk: the file:// path is printed too.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/setup.sh"
bash "$root/tools/build.sh"
port=${PORT:-8000}
echo
echo "News Annotator is ready:"
echo "  served at  http://127.0.0.1:$port/"
echo "  from disk  file://$root/public/index.html"
echo "(Ctrl-C stops the server)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root/public"
