#!/usr/bin/env bash
# Side-by-side: reading a 1,000,000-row Big5 agency file (generate.py) with
#   - our read path (read-observations: decode + scan + parse into observations),
#   - `integrity-stats tidy FILE -o OUT` (read + write the tidy CSV),
#   - pandas read_csv(encoding="cp950", thousands=","),
#   - DuckDB read_csv(thousands=",") after an `iconv -f CP950` pass (DuckDB cannot read Big5),
#   - pandas read_csv plus the normalisation `tidy` does (ROC year + 1911, the quarter digit out
#     of 第3季, unit scaling from the 單位 column) and to_csv, against `tidy -o` on the same file
#     with a 單位 column (data/big5_1m_unit.csv; issue 13: ≤ 0.3× pandas),
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
unitdata="$here/data/big5_1m_unit.csv"
[ -f "$unitdata" ] || python3 "$here/generate.py" 1000000 "$unitdata" unit
# OURS / CLI may name already-built release binaries (skips the builds); OURS=none skips
# read-observations.
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
  echo "  (runs: $(awk '{printf "%s s %d kB; ", $1, $4}' "$tmp/times")load now $(cut -d' ' -f1 /proc/loadavg))"
  python3 - "$name" "$tmp/times" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[2]) if l.strip()]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = max(r[3] for r in rows) / 1024
print(f"{sys.argv[1]:<40} wall {wall:6.2f} s   cpu {cpu:6.2f} s   peak {rss:7.1f} MB")
PY
}

echo "file: $data ($(stat -c %s "$data") bytes), runs: $runs, $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$ours" = none ] || measure "ours: read path (observations)" "$ours" "$data"
[ -x "$cli" ] && measure "ours: integrity-stats tidy -o" "$cli" tidy "$data" -o "$tmp/tidy.csv"
measure "pandas read_csv cp950" python3 -c "import pandas as pd; pd.read_csv('$data', encoding='cp950', thousands=',')"
measure "duckdb after iconv" bash -c "iconv -f CP950 -t UTF-8 '$data' > '$tmp/u.csv' && python3 -c \"import duckdb; duckdb.sql(\\\"create table t as select * from read_csv('$tmp/u.csv', thousands=',')\\\")\""
[ -x "$cli" ] && measure "ours: tidy -o (單位 column)" "$cli" tidy "$unitdata" -o "$tmp/tidy-unit.csv"
measure "pandas cp950 + normalise + to_csv" python3 -c "
import pandas as pd
df = pd.read_csv('$unitdata', encoding='cp950', thousands=',')
df['年度'] = df['年度'] + 1911
df['季別'] = df['季別'].str.extract(r'(\\d)', expand=False).astype('int64')
scale = df['單位'].map({'千元': 1000, '件': 1})
df['實際值'] = df['實際值'] * scale
df['目標值'] = df['目標值'] * scale
df['單位'] = df['單位'].where(df['單位'] != '千元', '元')
df.to_csv('$tmp/pandas.csv', index=False)"
