#!/usr/bin/env bash
# Runs `make STAGE` for each stage given, one after the other, each with its
# output in out/stages/STAGE.log (and on the terminal). Ends with one line per
# stage and its seconds. When a stage fails it stops there, names the stage and
# prints the end of that stage's output last, so a failed run says at a glance
# what broke.
#
# `bg:STAGE` starts STAGE in the background at the lowest CPU priority (nice 19),
# so it uses only what the stages in the foreground leave idle (the E2E tests
# wait on a window half the time); `wait` waits for the background stages,
# prints their output and counts a failure of theirs like any other.
set -uo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
logs="$here/out/stages"
mkdir -p "$logs"
make_cmd="${MAKE:-make}"
began=$(date +%s)

names=()
secs=()
results=()
failed=""
bg_pids=()
bg_names=()
bg_starts=()

table() {
  printf '\n==> stages\n'
  local i
  for i in "${!names[@]}"; do
    printf '%-20s %6ss  %s\n' "${names[$i]}" "${secs[$i]}" "${results[$i]}"
  done
  printf '%-20s %6ss  (wall clock; background stages overlap the others)\n' total "$(($(date +%s) - began))"
}

stop_background() {
  local pid
  for pid in "${bg_pids[@]}"; do
    kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null
  done
  for pid in "${bg_pids[@]}"; do wait "$pid" 2>/dev/null; done
  bg_pids=()
}

wait_background() {
  local i rc name end
  for i in "${!bg_pids[@]}"; do
    wait "${bg_pids[$i]}"
    rc=$?
    name="${bg_names[$i]}"
    end=$(cat "$logs/$name.end" 2>/dev/null || date +%s)
    printf '\n==> stage %s (ran in the background; log: %s)\n' "$name" "out/stages/$name.log"
    cat "$logs/$name.log"
    names+=("$name (background)")
    secs+=($((end - bg_starts[i])))
    if [ "$rc" -ne 0 ]; then
      results+=("FAILED (exit $rc)")
      failed="$name"
    else
      results+=(ok)
    fi
  done
  bg_pids=()
  bg_names=()
  bg_starts=()
}

for stage in "$@"; do
  case "$stage" in
    bg:*)
      name="${stage#bg:}"
      rm -f "$logs/$name.end"
      printf '\n==> stage %s started in the background at low priority (log: %s)\n' "$name" "out/stages/$name.log"
      # Its own process group, so a failure elsewhere can stop all of it.
      setsid bash -c 'nice -n 19 "$0" --no-print-directory -C "$1" "$2" > "$3" 2>&1; rc=$?; date +%s > "$4"; exit $rc' \
        "$make_cmd" "$here" "$name" "$logs/$name.log" "$logs/$name.end" &
      bg_pids+=($!)
      bg_names+=("$name")
      bg_starts+=($(date +%s))
      continue
      ;;
    wait)
      wait_background
      [ -n "$failed" ] && break
      continue
      ;;
  esac
  log="$logs/$stage.log"
  start=$(date +%s)
  printf '\n==> stage %s (log: %s)\n' "$stage" "out/stages/$stage.log"
  "$make_cmd" --no-print-directory -C "$here" "$stage" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  names+=("$stage")
  secs+=($(($(date +%s) - start)))
  if [ "$rc" -ne 0 ]; then
    results+=("FAILED (exit $rc)")
    failed="$stage"
    stop_background
    break
  fi
  results+=(ok)
done
# A background stage nobody waited for is waited for here.
[ -z "$failed" ] && [ ${#bg_pids[@]} -gt 0 ] && wait_background

table
if [ -n "$failed" ]; then
  printf '\n==> stage %s FAILED; the end of its output (%s):\n' "$failed" "out/stages/$failed.log"
  tail -n 60 "$logs/$failed.log"
  printf '\n==> stage %s FAILED\n' "$failed"
  exit 1
fi
