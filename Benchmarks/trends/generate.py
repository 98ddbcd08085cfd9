#!/usr/bin/env python3
"""Generate the trend benchmark input: a quarterly long file (never committed).

    python3 Benchmarks/trends/generate.py [ROWS_TARGET=10000000] [OUT=/tmp/trends-bench/quarterly.csv]

Series = (indicator, agency): 60 indicators x 3,000 agencies = 180,000 series, 14 years
(2011-2024) x 4 quarters = 10,080,000 rows. Values are whole counts (Poisson around a
log-linear mean with a per-series slope), so every model applies. Seeded: same bytes each run.
Columns: indicator,agency,year,quarter,value
Pinned: numpy 2.4.6, polars 2.1.0 (writing only).

    python3 Benchmarks/trends/generate.py --agencies N OUT

writes issue 13's many-names file instead: one indicator, N distinct agency names
(`機關000001號` …, UTF-8), yearly values 2015-2024 (10 rows a series, N × 10 rows), for
Benchmarks/trends/names.sh (path vs stdin, time against the number of names).
"""
import os
import sys

import numpy as np
import polars as pl

if len(sys.argv) > 2 and sys.argv[1] == "--agencies":
    n, out = int(sys.argv[2]), sys.argv[3]
    rng = np.random.default_rng(13)
    years = np.arange(2015, 2025)
    values = rng.poisson(50, size=n * len(years))
    pl.DataFrame({
        "indicator": ["受理檢舉件數"] * (n * len(years)),
        "agency": np.repeat([f"機關{i:06d}號" for i in range(n)], len(years)),
        "year": np.tile(years, n),
        "value": values,
    }).write_csv(out)
    print(f"wrote {out}: {n * len(years)} rows, {n} agencies")
    sys.exit(0)

N_IND, N_AG, YEARS = 60, 3000, list(range(2011, 2025))
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/trends-bench/quarterly.csv"
os.makedirs(os.path.dirname(out), exist_ok=True)
rng = np.random.default_rng(20261125)
S = N_IND * N_AG
base = rng.uniform(1.0, 4.0, S)
slope = rng.normal(0.0, 0.05, S)
Y, Q = len(YEARS), 4
t = np.arange(Y)[:, None] + (np.arange(Q)[None, :] / 4.0)          # Y x Q
mu = np.exp(base[:, None, None] + slope[:, None, None] * t[None, :, :])   # S x Y x Q
values = rng.poisson(mu).astype(np.int64)
ind = np.repeat(np.arange(N_IND), N_AG)
ag = np.tile(np.arange(N_AG), N_IND)
df = pl.DataFrame({
    "indicator": np.repeat([f"IND-{i:02d}" for i in ind], Y * Q),
    "agency": np.repeat([f"AG-{a:04d}" for a in ag], Y * Q),
    "year": np.tile(np.repeat(YEARS, Q), S),
    "quarter": np.tile(np.tile(np.arange(1, Q + 1), Y), S),
    "value": values.reshape(-1),
})
df.write_csv(out)
print(f"wrote {out}: {df.height} rows, {S} series")
