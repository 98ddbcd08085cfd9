#!/usr/bin/env bash
# Side-by-side: importing 1,000,000 observations (generate.py) into a fresh database with
#   - `integrity-stats import` (read with the agency reader, SHA-256, compare with current
#     values, insert every figure with provenance, one WAL transaction),
#   - the sqlite3 shell's `.import` of the same rows as plain CSV into a new table,
# whole processes, each run RUNS times (default 3); prints every run's wall and CPU time,
# then the range and the ratio of medians. Needs: sqlite3 (apt), /usr/bin/time, python3.
#   Benchmarks/workspace/bench.sh [RUNS]        (CLI=path skips the release build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-3}"
data="$here/data/observations_1m.csv"
[ -f "$data" ] || python3 "$here/generate.py"
if [ -z "${CLI:-}" ]; then
  swift build -c release --package-path "$root" --product integrity-stats >&2
fi
cli="${CLI:-$root/.build/release/integrity-stats}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

measure() {  # name, command...
  local name="$1"; shift
  : > "$tmp/times-$name"
  for _ in $(seq "$runs"); do
    rm -f "$tmp"/db.sqlite*
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/one" "$@" > /dev/null 2> "$tmp/stderr" || { cat "$tmp/stderr" >&2; exit 1; }
    cat "$tmp/one" >> "$tmp/times-$name"
  done
}
measure ours "$cli" import --db "$tmp/db.sqlite" --received 2026-12-05 "$data"
measure sqlite3 sqlite3 "$tmp/db.sqlite" ".mode csv" ".import $data observations"
python3 - "$tmp/times-ours" "$tmp/times-sqlite3" <<'PY'
import statistics, sys
def rows(path): return [list(map(float, l.split())) for l in open(path) if l.strip()]
ours, shell = rows(sys.argv[1]), rows(sys.argv[2])
for name, rs in (("integrity-stats import", ours), ("sqlite3 .import", shell)):
    walls = [r[0] for r in rs]; cpus = [r[1] + r[2] for r in rs]
    print(f"{name:24} wall {min(walls):6.2f}–{max(walls):6.2f} s (runs: {', '.join(f'{w:.2f}' for w in walls)})"
          f"   cpu {min(cpus):5.2f}–{max(cpus):5.2f} s   peak {max(r[3] for r in rs) / 1024:7.1f} MB")
wo, ws = statistics.median(r[0] for r in ours), statistics.median(r[0] for r in shell)
co, cs = statistics.median(r[1] + r[2] for r in ours), statistics.median(r[1] + r[2] for r in shell)
print(f"ratio of medians: wall {wo / ws:.2f}×, cpu {co / cs:.2f}×   (target: ≤ 3× and < 10 s)")
PY
