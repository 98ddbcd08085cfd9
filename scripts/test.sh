#!/usr/bin/env bash
# The whole test suite, from a fresh clone: set-up, build, every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
swift build
swift test 2>&1 | tee .build/test-output.txt
