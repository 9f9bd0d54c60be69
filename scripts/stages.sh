#!/usr/bin/env bash
# Runs `make STAGE` for each stage given, one after the other, each with its
# output in out/stages/STAGE.log (and on the terminal). Ends with one line per
# stage and its seconds. When a stage fails it stops there, names the stage and
# prints the end of that stage's output last, so a failed run says at a glance
# what broke.
set -uo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
logs="$here/out/stages"
mkdir -p "$logs"
make_cmd="${MAKE:-make}"

names=()
secs=()
results=()
failed=""

table() {
  printf '\n==> stages\n'
  local i total=0
  for i in "${!names[@]}"; do
    printf '%-14s %6ss  %s\n' "${names[$i]}" "${secs[$i]}" "${results[$i]}"
    total=$((total + secs[i]))
  done
  printf '%-14s %6ss\n' total "$total"
}

for stage in "$@"; do
  log="$logs/$stage.log"
  start=$(date +%s)
  printf '\n==> stage %s (log: %s)\n' "$stage" "${log#"$here"/}"
  "$make_cmd" --no-print-directory -C "$here" "$stage" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  names+=("$stage")
  secs+=($(($(date +%s) - start)))
  if [ "$rc" -ne 0 ]; then
    results+=("FAILED (exit $rc)")
    failed="$stage"
    break
  fi
  results+=(ok)
done

table
if [ -n "$failed" ]; then
  printf '\n==> stage %s FAILED; the end of its output (%s):\n' "$failed" "${logs#"$here"/}/$failed.log"
  tail -n 60 "$logs/$failed.log"
  printf '\n==> stage %s FAILED\n' "$failed"
  exit 1
fi
