#!/usr/bin/env bash
# The whole test suite, from a fresh clone: set-up, build, every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
# Tests write scratch files under TMPDIR: a directory of this run's own, removed after.
TMPDIR="$(mktemp -d "${TMPDIR:-/tmp}/integrity-stats-tests.XXXXXX")"
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
swift build
swift test 2>&1 | tee .build/test-output.txt
