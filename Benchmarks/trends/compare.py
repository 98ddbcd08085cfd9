#!/usr/bin/env python3
"""Side-by-side timing of `integrity-stats trend` against polars, numpy and statsmodels, and of
`trend --model sen` against pymannkendall, on the file made by generate.py (issue 6).

    python3 Benchmarks/trends/generate.py                       # /tmp/trends-bench/quarterly.csv
    swift build -c release --product integrity-stats
    python3 Benchmarks/trends/compare.py [BIN=.build/release/integrity-stats] [FILE=/tmp/trends-bench/quarterly.csv]

Every contestant starts from the CSV file (reading included) and ends with per-series results:
- ours linear:   `trend --model linear -o OUT` (slope, SE, CI, p, R² for every series)
- polars:        read_csv → yearly sums (4 quarters) → slope and R² in closed form (no SE, no p)
- numpy:         pandas read_csv → yearly sums → one vectorised np.linalg.lstsq on Y (years × series)
                 → SE, t, p (scipy.stats.t.sf)
- statsmodels:   OLS(...).fit() per series, on a random sample of SAMPLE series, scaled to all
- ours sen:      `trend --model sen` (Theil–Sen with Sen CI + Mann–Kendall, every series)
- pymannkendall: original_test per series on a sample, scaled to all
Wall time and CPU time (user + sys, children included) are printed; the machine is shared, so
CPU time is the steadier figure. Our linear output is also checked against numpy's for all
series (max relative difference of slope, SE and p).
Pinned: numpy 2.4.6, pandas 3.1.1, polars 2.1.0, scipy 1.17.1, statsmodels 0.15.0, pymannkendall 1.4.3.
"""
import os
import resource
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import polars as pl
import pymannkendall as mk
import statsmodels.api as sm
from scipy import stats

from polars_trend import closed_form

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/release/integrity-stats"
FILE = sys.argv[2] if len(sys.argv) > 2 else "/tmp/trends-bench/quarterly.csv"
SAMPLE = int(os.environ.get("SAMPLE", "3000"))
OUT = "/tmp/trends-bench"


def cpu():
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def timed(label, fn, scale=1.0):
    c0, t0 = cpu(), time.perf_counter()
    result = fn()
    wall, used = (time.perf_counter() - t0) * scale, (cpu() - c0) * scale
    note = f"  (sample of {SAMPLE} series, scaled ×{scale:.1f})" if scale != 1.0 else ""
    print(f"{label:<34} wall {wall:8.2f} s   cpu {used:8.2f} s{note}", flush=True)
    return result


def ours(model):
    out = f"{OUT}/ours_{model}.csv"
    subprocess.run([BIN, "trend", FILE, "--model", model, "-o", out], check=True, stderr=subprocess.DEVNULL)
    return out


def yearly_pandas():
    df = pd.read_csv(FILE)
    g = df.groupby(["indicator", "agency", "year"], sort=True)["value"].agg(["sum", "count"])
    g = g[g["count"] == 4]["sum"].unstack("year")  # series × years
    return g


def polars_closed_form():
    return closed_form(FILE)


def numpy_lstsq():
    w = yearly_pandas()
    years = np.array(w.columns, dtype=float)
    Y = w.to_numpy(dtype=float).T  # years × series (complete series only)
    X = np.column_stack([np.ones_like(years), years - years[0]])
    B, rss, rank, sv = np.linalg.lstsq(X, Y, rcond=None)
    n, p = X.shape
    s2 = rss / (n - p)
    V = np.linalg.inv(X.T @ X)
    se = np.sqrt(s2 * V[1, 1])
    t = B[1] / se
    pv = 2 * stats.t.sf(np.abs(t), n - p)
    return pd.DataFrame({"slope": B[1], "slope_se": se, "p_value": pv}, index=w.index)


def statsmodels_loop(rng):
    w = yearly_pandas()
    idx = rng.choice(len(w), size=min(SAMPLE, len(w)), replace=False)
    years = np.array(w.columns, dtype=float)
    X = sm.add_constant(years - years[0])
    vals = w.to_numpy(dtype=float)
    out = []
    for i in idx:
        f = sm.OLS(vals[i], X).fit()
        out.append((f.params[1], f.bse[1], f.pvalues[1], f.rsquared))
    return len(w), out


def pymk_loop(rng):
    w = yearly_pandas()
    idx = rng.choice(len(w), size=min(SAMPLE, len(w)), replace=False)
    vals = w.to_numpy(dtype=float)
    return len(w), [mk.original_test(vals[i]) for i in idx]


if __name__ == "__main__":
    rng = np.random.default_rng(1)
    print(f"input {FILE}: {os.path.getsize(FILE) / 1e6:.0f} MB; machine load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ours_linear = timed("ours: trend --model linear", lambda: ours("linear"))
    timed("polars: closed-form slope, R²", polars_closed_form)
    reference = timed("numpy: vectorised lstsq + SE, p", numpy_lstsq)
    # statsmodels and pymannkendall: time the read+reshape once, then the per-series loop on a sample.
    c0, t0 = cpu(), time.perf_counter()
    w = yearly_pandas()
    read_wall, read_cpu = time.perf_counter() - t0, cpu() - c0
    total = len(w)
    scale = total / min(SAMPLE, total)
    years = np.array(w.columns, dtype=float)
    X = sm.add_constant(years - years[0])
    vals = w.to_numpy(dtype=float)
    idx = rng.choice(total, size=min(SAMPLE, total), replace=False)
    c0, t0 = cpu(), time.perf_counter()
    for i in idx:
        f = sm.OLS(vals[i], X).fit()
        _ = (f.params[1], f.bse[1], f.pvalues[1], f.rsquared)
    loop_wall, loop_cpu = (time.perf_counter() - t0) * scale, (cpu() - c0) * scale
    print(f"{'statsmodels: OLS loop':<34} wall {read_wall + loop_wall:8.2f} s   cpu {read_cpu + loop_cpu:8.2f} s"
          f"  (read {read_wall:.1f} s + loop on {len(idx)} series ×{scale:.1f})", flush=True)
    timed("ours: trend --model sen", lambda: ours("sen"))
    c0, t0 = cpu(), time.perf_counter()
    for i in idx:
        mk.original_test(vals[i])
    loop_wall, loop_cpu = (time.perf_counter() - t0) * scale, (cpu() - c0) * scale
    print(f"{'pymannkendall: original_test loop':<34} wall {read_wall + loop_wall:8.2f} s   cpu {read_cpu + loop_cpu:8.2f} s"
          f"  (read {read_wall:.1f} s + loop on {len(idx)} series ×{scale:.1f})", flush=True)

    # Agreement of our linear fits with numpy's, over every series.
    o = pd.read_csv(ours_linear).set_index(["indicator", "agency"])
    joined = reference.join(o.add_suffix("_ours"), how="inner")
    print(f"series compared with numpy: {len(joined)} of {len(o)}")
    # slope relative to its SE (a true slope of 0 comes out as ±1e-16 in both); SE and p relative.
    a, b = joined["slope_ours"].to_numpy(), joined["slope"].to_numpy()
    print(f"  max |slope difference| / SE: {(np.abs(a - b) / joined['slope_se'].to_numpy()).max():.2e}")
    for c in ["slope_se", "p_value"]:
        a, b = joined[c + "_ours"].to_numpy(), joined[c].to_numpy()
        rel = np.abs(a - b) / np.maximum(np.abs(b), 1e-300)
        print(f"  max relative difference {c}: {rel.max():.2e}")
