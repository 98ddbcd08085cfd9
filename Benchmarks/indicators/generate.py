#!/usr/bin/env python3
# Generates the quarterly file of issue 5's benchmark and the variants of issue 13's:
#   indicator,agency,year,quarter,value,target
# 100 indicators x 1,000 agencies x 25 years x 4 quarters (as many as ROWS holds: 10^6 rows
# are indicators I000-I009); values with one decimal, the annual target repeated on each
# quarter row. About 2% of quarter figures are empty (partial years). Deterministic (seed 5),
# every variant holds the same figures. Data is never committed.
#
#     python3 Benchmarks/indicators/generate.py PATH [ROWS] [VARIANT]
#
# VARIANT (default plain):
#   plain      the common layout above
#   unit       + a `unit` column: 件 on even indicators, 千元 on odd ones (scales their figures)
#   direction  + a `direction` column: 正向 on even indicators, 負向 on odd ones
#   big5       CP950 bytes, Chinese headers 指標,機關,年度,季別,實際值,目標值, ROC years
#              (2023 -> 112), quarters written 第3季, figures with thousands separators
#              ("1,234.5", quoted), CRLF line ends as Excel writes them
#
# Pinned: numpy 2.4.6, polars 2.1.0 (the CSV writer).
import sys

import numpy as np
import polars as pl

path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/quarterly-10m.csv"
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
variant = sys.argv[3] if len(sys.argv) > 3 else "plain"
rng = np.random.default_rng(5)
groups = rows // 4
indicators = np.array([f"I{i:03d}" for i in range(100)])
agencies = np.array([f"A{i:04d}" for i in range(1000)])
g = np.arange(groups)
ind = g // (1000 * 25) % 100
ag = g // 25 % 1000
year = 1999 + g % 25
tenths = rng.integers(0, 4000, size=rows)  # 0.0 … 399.9
target_tenths = np.repeat(rng.integers(1, 12000, size=groups), 4)
missing = rng.random(rows) < 0.02
value = pl.Series("value", (tenths / 10).round(1)).set(pl.Series(missing), None)
df = pl.DataFrame({
    "indicator": np.repeat(indicators[ind], 4),
    "agency": np.repeat(agencies[ag], 4),
    "year": np.repeat(year, 4),
    "quarter": np.tile(np.arange(1, 5), groups),
    "value": value,
    "target": (target_tenths / 10).round(1),
})
odd = pl.Series(np.repeat(ind % 2 == 1, 4))
if variant == "plain":
    df.write_csv(path, float_precision=1)
elif variant == "unit":
    df.with_columns(unit=pl.when(odd).then(pl.lit("千元")).otherwise(pl.lit("件"))) \
      .write_csv(path, float_precision=1)
elif variant == "direction":
    df.with_columns(direction=pl.when(odd).then(pl.lit("負向")).otherwise(pl.lit("正向"))) \
      .write_csv(path, float_precision=1)
elif variant == "big5":
    def thousands(col):  # one decimal, thousands separators: 1234.5 -> "1,234.5"
        return [None if v is None else f"{v:,.1f}" for v in df[col].to_list()]
    out = pl.DataFrame({
        "指標": df["indicator"],
        "機關": df["agency"],
        "年度": df["year"] - 1911,
        "季別": pl.Series([f"第{q}季" for q in range(1, 5)] * groups),
        "實際值": thousands("value"),
        "目標值": thousands("target"),
    })
    text = out.write_csv(line_terminator="\r\n", quote_style="necessary")
    with open(path, "wb") as f:
        f.write(text.encode("cp950"))
else:
    sys.exit(f"unknown variant {variant}")
print(f"wrote {len(df)} rows ({variant}) to {path}")
