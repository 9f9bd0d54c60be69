#!/usr/bin/env bash
# The .rpm, from the very files of the .deb that tauri built: the .deb is
# unpacked into a tree and rpmbuild packs that tree with packaging/steady.spec
# (its tags, changelog and file list; rpm finds the library dependencies in
# the binary itself). Usage: make-rpm.sh TARGET_DIR VERSION
set -euo pipefail
target="$1"
version="$2"
cd "$(dirname "$0")/.."
deb=$(ls "$target"/release/bundle/deb/Steady_"$version"_*.deb)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/tree"
rpmbuild -bb --quiet \
  --define "_topdir $work/rpm" \
  --define "version $version" \
  --define "tree $work/tree" \
  packaging/steady.spec
out="$target/release/bundle/rpm"
mkdir -p "$out"
rm -f "$out"/*.rpm
cp "$work"/rpm/RPMS/*/*.rpm "$out/"
