#!/usr/bin/env python3
"""Wilson limits at the edges p = 1 and p = 0 (issue 12 item 11).

Pinned versions (checked at start; the output is committed, CI does not rerun this):
    numpy 2.4.6, statsmodels 0.15.0

Run from the package root:  python3 Tests/Fixtures/reference/wilson_edges.py

Writes Tests/Fixtures/survey/wilson_edges.csv: count,n,level,ci_low,ci_high from
statsmodels proportion_confint(method="wilson"), with the limit that is 0 or 1 in exact
arithmetic (the lower one at count 0, the upper one at count n) written as 0 or 1: statsmodels
prints the floating-point difference there (e.g. 1.0000000000000002), the rounding the
contract removes. Every other number is written with repr() (shortest round-trip).
"""
import csv
import os

import numpy
import statsmodels
from statsmodels.stats.proportion import proportion_confint

assert numpy.__version__ == "2.4.6", numpy.__version__
assert statsmodels.__version__ == "0.15.0", statsmodels.__version__

CASES = [(30, 30, 0.95), (0, 20, 0.95), (20, 40, 0.95), (1, 1, 0.9), (0, 1, 0.9)]

out = os.path.join("Tests", "Fixtures", "survey", "wilson_edges.csv")
with open(out, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["count", "n", "level", "ci_low", "ci_high", "statsmodels_ci_low", "statsmodels_ci_high"])
    for count, n, level in CASES:
        low, high = proportion_confint(count, n, alpha=1 - level, method="wilson")
        exact_low = 0.0 if count == 0 else float(low)
        exact_high = 1.0 if count == n else float(high)
        w.writerow([count, n, level, repr(exact_low), repr(exact_high), repr(float(low)), repr(float(high))])
