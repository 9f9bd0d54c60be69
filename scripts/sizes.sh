#!/usr/bin/env bash
# Sizes for the benchmark table: the .deb against the empty app's, and the
# UI's JS and CSS after gzip. Goals: .deb within 6 MiB of the empty app's,
# JS <= 150 KB gzipped.
set -euo pipefail
target="${1:-target}"
cd "$(dirname "$0")/.."
deb=$(ls "$target"/release/bundle/deb/Steady_*.deb | head -1)
empty=$(ls "$target"/release/bundle/deb/Empty_*.deb | head -1)
mib() { awk -v b="$1" 'BEGIN { printf "%.2f MiB", b / 1048576 }'; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1000 }'; }
s=$(stat -c %s "$deb"); e=$(stat -c %s "$empty")
echo "| size | Steady | empty app | difference (goal <= 6 MiB) |"
echo "|---|---|---|---|"
echo "| .deb | $(mib "$s") | $(mib "$e") | $(mib $((s - e))) |"
js=0; css=0
for f in ui/dist/assets/*.js; do js=$((js + $(gzip -9c "$f" | wc -c))); done
for f in ui/dist/assets/*.css; do css=$((css + $(gzip -9c "$f" | wc -c))); done
echo "| UI JS, gzip (goal <= 150 KB) | $(kb "$js") | | |"
echo "| UI CSS, gzip | $(kb "$css") | | |"
