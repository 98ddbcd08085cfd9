#!/usr/bin/env bash
# Fuzzes the reader with libFuzzer + AddressSanitizer for a bounded time.
#   Fuzz/run.sh [SECONDS]     (default 60)
# Seed corpus: the reader fixtures and the real agency samples. A crash leaves the
# input as Fuzz/artifacts/crash-* and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
swift build -c debug --scratch-path .build \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
cp ../Tests/Fixtures/reader/*.csv "$corpus"/ 2>/dev/null || true
cp ../Tests/Fixtures/reference/agency-csv-samples/*.csv "$corpus"/  # the real samples, copied into the repository with their sources
mkdir -p artifacts
.build/debug/ReaderFuzzer "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix=artifacts/ -print_final_stats=1
