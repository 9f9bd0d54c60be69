# Steady: the two commands are `make run` and `make test`. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

export CARGO_TERM_COLOR ?= never
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
E2E_BIN := $(TARGET_DIR)/e2e/steady
E2E_OUT := $(CURDIR)/out/e2e

# Test builds use their own app identifier (tauri.conf.test.json), so they never
# meet a running Steady (single instance) or its web view storage.
TEST_CONFIG = $(shell tr -d '\n' < src-tauri/tauri.conf.test.json)

.PHONY: help deps ui run test check test-fast bindings bench soak egress package package-test package-check lint lint-bench ui-check ui-test cargo-test e2e-app e2e

help:
	@echo "make run        install what is missing, build Steady and start it on your data"
	@echo "make test       everything: format, lints, unit, integration, UI and real-window tests"
	@echo "make check      the gate before every commit: format, clippy, core and integration tests, config and command-list checks, svelte-check, vitest"
	@echo "make test-fast  the core and its integration tests only (no WebKit needed)"
	@echo "make e2e ONLY=checkin   one E2E file (tests/e2e/*checkin*.test.mjs); ONLY=\"app spanish\" for several"
	@echo "make bindings   regenerate the UI's TypeScript types from the Rust types (then commit them)"
	@echo "make bench      benchmarks: Log and insights queries, Progress in the real window"
	@echo "make package    release .deb and .rpm in target/release/bundle (make package-test checks them)"
	@echo "make soak       the crash suite (1,000 kills per kind), the model test (1,000 runs) and every crash point, at full size"

deps:
	./scripts/install-deps.sh

# The UI is built only when its sources changed: a rebuilt ui/dist makes the
# shell's build script run again, which recompiles the shell.
UI_SOURCES := $(shell find ui/src ui/public -type f 2>/dev/null) $(wildcard ui/index.html ui/vite.config.* ui/package-lock.json ui/tsconfig*.json ui/svelte.config.*)
ui: deps ui/dist/.built

ui/dist/.built: $(UI_SOURCES)
	cd ui && npm run build
	touch $@

run: ui
	cargo build --release --locked -p steady
	$(TARGET_DIR)/release/steady

test-fast:
	cargo test --locked -p steady-core -p steady-tests

# The fast gate before every commit: no real window, no release build.
# Run one Rust test with `cargo test -p steady-core NAME` or
# `cargo test -p steady-tests --test core NAME`.
check: ui
	cargo fmt --all --check
	TAURI_CONFIG='$(TEST_CONFIG)' cargo clippy --locked --workspace --exclude steady-empty-app --all-targets -- -D warnings
	cargo test --locked -p steady-core -p steady-tests
	TAURI_CONFIG='$(TEST_CONFIG)' cargo test --locked -p steady --features ts --test bindings
	node scripts/check-config.mjs
	cd ui && npm run check && npm test

# The TypeScript types generated from the Rust ones (ui/src/lib/api/generated.ts);
# make check fails while they are stale.
bindings:
	STEADY_WRITE_BINDINGS=1 cargo test --locked -p steady-tests --test core bindings
	STEADY_WRITE_BINDINGS=1 TAURI_CONFIG='$(TEST_CONFIG)' cargo test --locked -p steady --features ts --test bindings

# Speed is measured here, never asserted in tests.
# The proof suites at full size (make test runs them at a size that fits CI).
soak:
	STEADY_CRASH_ROUNDS=1000 cargo test --locked --release -p steady-tests --test core crash -- --test-threads=1
	STEADY_PROPTEST_CASES=1000 cargo test --locked --release -p steady-tests --test core model
	STEADY_CRASHPOINTS=all cargo test --locked --release -p steady-tests --test crashpoints -- --nocapture

# The benchmark's empty app has its own config (never the test build's), so
# linting it rebuilds tauri: it is linted with the benchmarks, not in every lint.
lint-bench:
	cargo clippy --locked -p steady-empty-app --all-targets -- -D warnings

bench: lint-bench
	cargo bench --locked -p steady-tests --bench checkin_save
	cargo bench --locked -p steady-tests --bench log_queries
	cargo bench --locked -p steady-tests --bench insights
	cargo bench --locked -p steady-tests --bench mood_import
	cargo bench --locked -p steady-tests --bench pdf
	$(MAKE) e2e-app
	STEADY_E2E_BIN=$(E2E_BIN) STEADY_E2E_OUT=$(E2E_OUT) STEADY_SEED_BIN=$(TARGET_DIR)/debug/seed \
	  node tests/e2e/bench-progress.mjs
	$(MAKE) ui
	cargo build --release --locked -p steady -p steady-empty-app
	node tests/bench/startup.mjs $(TARGET_DIR)/release/steady $(TARGET_DIR)/release/steady-empty-app 7
	$(MAKE) package
	cd bench/empty-app && ../../ui/node_modules/.bin/tauri build --bundles deb
	./scripts/sizes.sh $(TARGET_DIR)

lint: ui
	cargo fmt --all --check
	TAURI_CONFIG='$(TEST_CONFIG)' cargo clippy --locked --workspace --exclude steady-empty-app --all-targets -- -D warnings
	node scripts/check-config.mjs
	./scripts/audit.sh

ui-check: deps
	cd ui && npm run check

ui-test: deps
	cd ui && npm test

cargo-test: ui
	TAURI_CONFIG='$(TEST_CONFIG)' cargo test --locked --workspace --exclude steady-empty-app
	TAURI_CONFIG='$(TEST_CONFIG)' cargo test --locked -p steady --features ts --test bindings

# The app for E2E comes from the test build: `cargo test --no-run` builds the
# shell's binary and the seed tool too, with the same features as cargo-test
# (a plain `cargo build -p steady` unifies features differently and rebuilt
# tauri and much else: about a minute of every cold run).
e2e-app: ui
	TAURI_CONFIG='$(TEST_CONFIG)' cargo test --locked --workspace --exclude steady-empty-app --no-run
	mkdir -p $(dir $(E2E_BIN))
	cp --remove-destination $(TARGET_DIR)/debug/steady $(E2E_BIN)

# ONLY runs the matching files only: make e2e ONLY=checkin, or ONLY="app spanish".
E2E_FILES = $(if $(ONLY),$(sort $(foreach o,$(ONLY),$(wildcard tests/e2e/*$(o)*.test.mjs))),tests/e2e/)
e2e: e2e-app
	@test -n "$(E2E_FILES)" || { echo "no E2E file matches ONLY=$(ONLY)" >&2; exit 1; }
	$(if $(ONLY),,rm -rf $(E2E_OUT))
	STEADY_E2E_BIN=$(E2E_BIN) STEADY_E2E_OUT=$(E2E_OUT) STEADY_SEED_BIN=$(TARGET_DIR)/debug/seed \
	  node --test --test-concurrency=1 --test-timeout=180000 $(E2E_FILES)
	@echo "screenshots: $(E2E_OUT)"

# Release .deb and .rpm (offline; AppImage would need downloads), then a test
# that unpacks the .deb and starts it.
VERSION = $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
# What the packages carry besides the program: the manual page (gzipped) and
# the third-party licenses, listed from the build's own dependency graph
# (cargo-about for the crates, Vite's report for the UI's bundle).
PKG_BUILD := packaging/build
package-files: ui
	mkdir -p $(PKG_BUILD)
	gzip -9n -c packaging/steady.1 > $(PKG_BUILD)/steady.1.gz
	gzip -9n -c packaging/changelog > $(PKG_BUILD)/changelog.gz
	cargo about generate --locked --offline --fail -c packaging/about.toml -m src-tauri/Cargo.toml \
	  packaging/about.hbs > $(PKG_BUILD)/crates.md
	cat $(PKG_BUILD)/crates.md ui/dist/.vite/license.md > $(PKG_BUILD)/third-party-licenses.md

# The .deb by tauri; the .rpm from the same files (scripts/make-rpm.sh).
package: package-files
	cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb
	./scripts/make-rpm.sh $(TARGET_DIR) $(VERSION)
	@ls -l $(TARGET_DIR)/release/bundle/deb/*.deb $(TARGET_DIR)/release/bundle/rpm/*.rpm

package-test: package
	$(MAKE) --no-print-directory package-check

# The test of the packages already built (make package).
package-check:
	STEADY_BUNDLE_DIR=$(TARGET_DIR)/release/bundle STEADY_VERSION=$(VERSION) STEADY_E2E_OUT=$(E2E_OUT) \
	  node --test --test-concurrency=1 tests/package/

# Zero egress: the app, traced with strace -f across its screens, and offline.
egress: e2e-app
	node tests/egress/egress.mjs $(E2E_BIN)

# Each stage on its own, timed, with a table at the end (scripts/stages.sh).
# The release packages build in the background at the lowest priority while
# the E2E tests run (they leave about half the CPU idle); `wait` joins them.
STAGES := deps lint cargo-test e2e-app bg:package ui-check ui-test e2e egress wait package-check
test:
	./scripts/stages.sh $(STAGES)
