#!/usr/bin/env bash
# Side by side: integrity-stats achievement/quarterly vs polars (lazy), DuckDB and pandas
# on the generated 10,000,000-row file. Whole-process wall time and peak RSS from
# /usr/bin/time -v. Usage (from the package root, after the release build scripts/demo.sh
# makes, `swift build -c release --static-swift-stdlib`):
#
#     Benchmarks/indicators/compare.sh [DATA] [BIN]
#
# DATA defaults to /tmp/quarterly-10m.csv (generated if absent); outputs go to /tmp.
#
# Issue 13's variants (one run measures them side by side, each RUNS times, default 3):
#
#     Benchmarks/indicators/compare.sh --variants [ROWS] [BIN] [RUNS]
#
# generates /tmp/ach-ROWS-{plain,unit,direction,big5}.csv (ROWS defaults to 1000000), then
# times `achievement` on each file by its path, the plain bytes on standard input
# (`BIN achievement - < file` and `cat file | BIN achievement`), and polars lazy doing the same
# computation (others.py achievement-VARIANT); prints wall time and peak RSS of every run
# (`/usr/bin/time -f "%e %M"`) with the load average beside it, the medians, the ratios to the
# plain file and to polars, and `cmp`s the outputs that must be identical (plain = stdin =
# big5; unit and direction differ by design). With ROWS=10000000 it is the memory check.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ "${1:-}" = "--variants" ]; then
  rows="${2:-1000000}"; bin="${3:-.build/release/integrity-stats}"; runs="${4:-3}"
  tag="$rows"; [ "$rows" = 1000000 ] && tag=1m; [ "$rows" = 10000000 ] && tag=10m
  for v in plain unit direction big5; do
    f="/tmp/ach-$tag-$v.csv"; [ -f "$f" ] || python3 "$here/generate.py" "$f" "$rows" "$v" >&2
  done
  times="$(mktemp)"; trap 'rm -f "$times"' EXIT
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); rows: $rows; runs: $runs"
  one() {  # label, output, command... (a shell command string for stdin runs)
    local label="$1" out="$2"; shift 2
    for _ in $(seq "$runs"); do
      local load; load="$(cut -d' ' -f1 /proc/loadavg)"
      /usr/bin/time -f "%e %M" -o "$times.one" "$@" > "$out.stdout" 2> "$out.stderr" || echo "  exit $? ($label): $(tail -1 "$out.stderr")"
      read -r wall rss < "$times.one"
      printf '%-34s %6s s %8.1f MB   load %s\n' "$label" "$wall" "$(echo "$rss / 1024" | bc -l)" "$load"
      echo "$label $wall $rss" >> "$times"
    done
  }
  d=/tmp/ach-$tag
  one "ours plain (path)"      "$d-ours-plain.csv"      "$bin" achievement "$d-plain.csv" -o "$d-ours-plain.csv"
  one "ours plain (- < file)"  "$d-ours-stdin.csv"      sh -c "'$bin' achievement - -o '$d-ours-stdin.csv' < '$d-plain.csv'"
  one "ours plain (cat |)"     "$d-ours-pipe.csv"       sh -c "cat '$d-plain.csv' | '$bin' achievement -o '$d-ours-pipe.csv'"
  for v in unit direction big5; do
    one "ours $v (path)"       "$d-ours-$v.csv"         "$bin" achievement "$d-$v.csv" -o "$d-ours-$v.csv"
  done
  one "polars plain"           "$d-polars-plain.csv"    python3 "$here/others.py" polars achievement "$d-plain.csv" "$d-polars-plain.csv"
  for v in unit direction big5; do
    one "polars $v"            "$d-polars-$v.csv"       python3 "$here/others.py" polars "achievement-$v" "$d-$v.csv" "$d-polars-$v.csv"
  done
  python3 - "$times" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    *label, wall, rss = line.split()
    runs.setdefault(" ".join(label), []).append((float(wall), int(rss) / 1024))
med = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
plain = med["ours plain (path)"]
print("\nmedians                              wall    peak RSS   × plain   × polars")
for k, v in runs.items():
    pol = {"ours plain (path)": "polars plain", "ours plain (- < file)": "polars plain",
           "ours plain (cat |)": "polars plain"}.get(k, k.replace("ours ", "polars ").replace(" (path)", ""))
    rp = f"{med[k] / med[pol]:.2f}" if k.startswith("ours") and pol in med else ""
    rl = f"{med[k] / plain:.2f}" if k.startswith("ours") else ""
    print(f"{k:<34} {med[k]:6.2f} s {max(r for _, r in v):8.1f} MB   {rl:>6}   {rp:>6}")
PY
  echo
  for other in stdin pipe big5; do
    if cmp -s "$d-ours-plain.csv" "$d-ours-$other.csv"; then echo "cmp plain $other: identical"
    else echo "cmp plain $other: DIFFER ($(cmp "$d-ours-plain.csv" "$d-ours-$other.csv" 2>&1 | head -1))"; fi
  done
  exit 0
fi
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
