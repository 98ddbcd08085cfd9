#!/usr/bin/env bash
# Side by side: integrity-stats achievement/quarterly vs polars (lazy), DuckDB and pandas
# on the generated 10,000,000-row file. Whole-process wall time and peak RSS from
# /usr/bin/time -v. Usage (from the package root, after `swift build -c release`):
#
#     Benchmarks/indicators/compare.sh [DATA] [BIN]
#
# DATA defaults to /tmp/quarterly-10m.csv (generated if absent); outputs go to /tmp.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${1:-/tmp/quarterly-10m.csv}"
bin="${2:-.build/release/integrity-stats}"
[ -f "$data" ] || python3 "$here/generate.py" "$data"
ls -l "$data"

measure() {  # label, command...
  local label="$1"; shift
  local log; log="$(mktemp)"
  if /usr/bin/time -v "$@" >/dev/null 2>"$log"; then status=ok; else status="exit $?"; fi
  local wall rss
  wall="$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')"
  rss="$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')"
  printf '%-28s %10s s  %8.0f MiB  %s\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)" "$status"
  rm -f "$log"
}

echo "tool / command                     wall      peak RSS"
for command in achievement quarterly; do
  measure "integrity-stats $command" "$bin" "$command" "$data" -o "/tmp/bench-ours-$command.csv"
  for tool in polars duckdb pandas; do
    measure "$tool $command" python3 "$here/others.py" "$tool" "$command" "$data" "/tmp/bench-$tool-$command.csv"
  done
done
