#!/usr/bin/env bash
# Side-by-side: reading a 1,000,000-row Big5 agency file (generate.py) with
#   - our read path (read-observations: decode + scan + parse into observations),
#   - `integrity-stats tidy FILE -o OUT` (read + write the tidy CSV),
#   - pandas read_csv(encoding="cp950", thousands=","),
#   - DuckDB read_csv(thousands=",") after an `iconv -f CP950` pass (DuckDB cannot read Big5),
# whole processes, each run RUNS times (default 3); prints the median wall time, the
# median CPU time (user + sys) and the largest peak RSS. CPU time is the fairer figure
# on a shared machine. Needs: python3 with pandas and duckdb, /usr/bin/time, iconv.
#   Benchmarks/reader/bench.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-3}"
data="$here/data/big5_1m.csv"
[ -f "$data" ] || python3 "$here/generate.py"
# OURS / CLI may name already-built release binaries (skips the builds).
if [ -z "${OURS:-}" ]; then
  swift build -c release --package-path "$here" --scratch-path "$here/.build" >&2
fi
if [ -z "${CLI:-}" ]; then
  swift build -c release --package-path "$root" --scratch-path "$here/.build-root" --product integrity-stats >&2
fi
ours="${OURS:-$here/.build/release/read-observations}"
cli="${CLI:-$here/.build-root/release/integrity-stats}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

measure() {  # name, command...
  local name="$1"; shift
  : > "$tmp/times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/one" "$@" > /dev/null 2> "$tmp/stderr"
    cat "$tmp/one" >> "$tmp/times"
  done
  python3 - "$name" "$tmp/times" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[2]) if l.strip()]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = max(r[3] for r in rows) / 1024
print(f"{sys.argv[1]:<34} wall {wall:6.2f} s   cpu {cpu:6.2f} s   peak {rss:7.1f} MB")
PY
}

echo "file: $data ($(stat -c %s "$data") bytes), runs: $runs, $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "ours: read path (observations)" "$ours" "$data"
[ -x "$cli" ] && measure "ours: integrity-stats tidy -o" "$cli" tidy "$data" -o "$tmp/tidy.csv"
measure "pandas read_csv cp950" python3 -c "import pandas as pd; pd.read_csv('$data', encoding='cp950', thousands=',')"
measure "duckdb after iconv" bash -c "iconv -f CP950 -t UTF-8 '$data' > '$tmp/u.csv' && python3 -c \"import duckdb; duckdb.sql(\\\"create table t as select * from read_csv('$tmp/u.csv', thousands=',')\\\")\""
