#!/usr/bin/env bash
# Issue 13: `trend` on files with many distinct agency names, by path and on standard input,
# whole process (`/usr/bin/time -f "%e %M"`), the load average beside every run.
#   Benchmarks/trends/names.sh [BIN=.build/release/integrity-stats] [RUNS=3] [NAMES="10000 30000 100000"]
# Files /tmp/trend-names-N.csv come from generate.py --agencies N (never committed).
# Goals: the path no slower than stdin; time linear in the number of names. Also `cmp`s the
# path and stdin outputs (they must be byte-identical).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-.build/release/integrity-stats}"; runs="${2:-3}"; names="${3:-10000 30000 100000}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for n in $names; do
  f="/tmp/trend-names-$n.csv"; [ -f "$f" ] || python3 "$here/generate.py" --agencies "$n" "$f" >&2
  for mode in path stdin; do
    for _ in $(seq "$runs"); do
      load="$(cut -d' ' -f1 /proc/loadavg)"
      out="/tmp/trend-names-$n-$mode.out.csv"
      if [ "$mode" = path ]; then
        /usr/bin/time -f "%e %M" -o /tmp/trend-names.time "$bin" trend "$f" -o "$out" 2>/tmp/trend-names.err >/dev/null || echo "exit $?: $(tail -1 /tmp/trend-names.err)"
      else
        /usr/bin/time -f "%e %M" -o /tmp/trend-names.time sh -c "'$bin' trend - -o '$out' < '$f'" 2>/tmp/trend-names.err >/dev/null || echo "exit $?: $(tail -1 /tmp/trend-names.err)"
      fi
      read -r wall rss < /tmp/trend-names.time
      printf 'names %7s  %-5s  %6s s  %7.1f MB  load %s\n' "$n" "$mode" "$wall" "$(echo "$rss / 1024" | bc -l)" "$load"
    done
  done
  if cmp -s "/tmp/trend-names-$n-path.out.csv" "/tmp/trend-names-$n-stdin.out.csv"; then echo "cmp path stdin ($n): identical"
  else echo "cmp path stdin ($n): DIFFER"; fi
done
