#!/usr/bin/env bash
# Installs what building and testing Steady needs, only where it is missing.
# Safe to run again and again. Debian 12 / Ubuntu; uses sudo when not root.
set -euo pipefail

APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config xvfb xauth webkit2gtk-driver dbus-daemon
  xdotool strace mold python3-gi gir1.2-atspi-2.0 at-spi2-core dbus-bin procps poppler-utils
  lintian rpmlint rpm appstream desktop-file-utils man-db imagemagick
)
TAURI_DRIVER_VERSION=2.1.0

say() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "cargo is missing: install Rust (https://rustup.rs) and run again" >&2
  exit 1
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
fi

if [ "${STEADY_SKIP_DRIVER:-0}" != 1 ]; then
  if ! command -v tauri-driver >/dev/null || ! tauri-driver --help 2>&1 | head -1 >/dev/null; then
    say "installing tauri-driver $TAURI_DRIVER_VERSION"
    cargo install tauri-driver --locked --version "$TAURI_DRIVER_VERSION"
  fi
fi

# The third-party license list in the packages (make package-files).
CARGO_ABOUT_VERSION=0.9.3
if ! cargo about --version 2>/dev/null | grep -q "$CARGO_ABOUT_VERSION"; then
  say "installing cargo-about $CARGO_ABOUT_VERSION"
  cargo install cargo-about --locked --features cli --version "$CARGO_ABOUT_VERSION"
fi

here="$(cd "$(dirname "$0")/.." && pwd)"
if [ -f "$here/ui/package-lock.json" ]; then
  stamp="$here/ui/node_modules/.steady-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$here/ui/package-lock.json" "$stamp"; then
    say "installing UI packages (npm ci)"
    (cd "$here/ui" && npm ci --no-audit --no-fund)
    cp "$here/ui/package-lock.json" "$stamp"
  fi
fi
