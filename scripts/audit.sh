#!/usr/bin/env bash
# Dependency audits, when their advisory sources can be reached from this
# machine. Says plainly when they can't; fails when an audit ran and found a
# high-severity problem.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0

echo "==> npm audit (high and above)"
out=$(cd ui && timeout 120 npm audit --audit-level=high 2>&1)
rc=$?
if grep -qiE "audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|Method Not Allowed|network" <<<"$out"; then
  echo "npm audit: NOT CHECKED: the npm advisory service isn't reachable from this machine:"
  grep -iE "error|warn" <<<"$out" | head -3 | sed 's/^/  /'
elif [ $rc -ne 0 ]; then
  echo "$out"
  echo "npm audit found high-severity advisories"
  status=1
else
  echo "$out" | tail -3
fi

echo "==> cargo audit"
if ! timeout 15 git ls-remote https://github.com/rustsec/advisory-db HEAD >/dev/null 2>&1; then
  echo "cargo audit: NOT CHECKED: the RustSec advisory database (github.com/rustsec/advisory-db) isn't reachable from this machine"
elif ! command -v cargo-audit >/dev/null; then
  echo "cargo audit: NOT CHECKED: cargo-audit isn't installed (cargo install cargo-audit --locked)"
else
  cargo audit || status=1
fi
exit $status
