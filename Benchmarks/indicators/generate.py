#!/usr/bin/env python3
# Generates the 10,000,000-row quarterly file of issue 5's benchmark:
#   indicator,agency,year,quarter,value,target
# 100 indicators x 1,000 agencies x 25 years x 4 quarters; values with one decimal,
# the annual target repeated on each quarter row. About 2% of quarter figures are
# empty (partial years). Deterministic (seed 5). Data is never committed.
#
#     python3 Benchmarks/indicators/generate.py /tmp/quarterly-10m.csv [ROWS]
#
# Pinned: numpy 2.4.6, polars 2.1.0 (the CSV writer).
import sys

import numpy as np
import polars as pl

path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/quarterly-10m.csv"
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
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
df.write_csv(path, float_precision=1)
print(f"wrote {len(df)} rows to {path}")
