# Steady: the two commands are `make run` and `make test`. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

export CARGO_TERM_COLOR ?= never

.PHONY: help deps run test test-fast lint cargo-test

help:
	@echo "make run        install what is missing, build Steady and start it"
	@echo "make test       everything: format, lints, unit, integration, UI and real-window tests"
	@echo "make test-fast  the core and its integration tests only (no WebKit needed)"

deps:
	./scripts/install-deps.sh

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings

cargo-test:
	cargo test --workspace

test-fast:
	cargo test -p steady-core -p steady-tests

test: deps lint cargo-test
