#!/usr/bin/env python3
"""The LRE a perfect double-precision answer scores on each NIST StRD linear dataset.

Usage (from the package root; stdlib only):  python3 Tests/Fixtures/nist/ceilings.py
Output committed beside it: Tests/Fixtures/nist/ceilings.txt

For each dataset this solves least squares EXACTLY (rational arithmetic) on NIST's printed decimal
data (Tests/Fixtures/nist/NAME.csv, the text of the .dat), rounds every certified quantity of that
exact solution (coefficients, standard errors, residual SD, R^2) once to the nearest double, and
scores it with the StRD README's LRE (certified value taken exactly from its printed string,
capped at 15); it prints the minimum per dataset. That is the score of a method whose only error
is the final rounding to double: the most a correct answer can earn. It is below 15 where NIST's
15-digit print of a certified value is itself more than 1e-15 (relative) from the exact value:
NoInt1's B1 is exactly 251/121 = 2.07438016528925619..., printed 2.07438016528926 (1.8e-15 away),
so the correctly rounded B1 scores 14.73. A higher score would need an answer farther from the
true solution, i.e. an error that happens to lean toward NIST's rounding.
"""
import json
import math
import os
from decimal import Decimal, getcontext
from fractions import Fraction

getcontext().prec = 60
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))                     # package root
NIST = os.path.join(HERE, "source")  # NIST's files with their companion JSON (source/README.md)
DATASETS = ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
            "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"]


def lre(estimate, printed):
    cert = Fraction(Decimal(printed))
    est = Fraction(estimate)
    err = abs(est) if cert == 0 else abs((est - cert) / cert)
    return 15.0 if err == 0 else max(0.0, min(15.0, -math.log10(err)))


def to_double(q):
    """Nearest double to the rational q (Fraction.__float__ rounds correctly)."""
    return float(q)


def sqrt_double(q):
    d = (Decimal(q.numerator) / Decimal(q.denominator)).sqrt()
    return float(d)


def inverse(a):
    n = len(a)
    m = [row[:] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(a)]
    for c in range(n):
        p = next(r for r in range(c, n) if m[r][c] != 0)
        m[c], m[p] = m[p], m[c]
        pivot = m[c][c]
        m[c] = [v / pivot for v in m[c]]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c]
                m[r] = [a - f * b for a, b in zip(m[r], m[c])]
    return [row[n:] for row in m]


def ceiling(name):
    with open(os.path.join(NIST, name + ".json")) as f:
        meta = json.load(f)
    with open(os.path.join(HERE, name + ".csv")) as f:
        rows = [line.split(",") for line in f.read().split("\n")[1:] if line]
    y = [Fraction(Decimal(r[0])) for r in rows]
    raw = [[Fraction(Decimal(v)) for v in r[1:]] for r in rows]
    design = []
    for xs in raw:
        row = []
        for col in meta["design_columns"]:
            if col == "1":
                row.append(Fraction(1))
            elif col.startswith("x^"):
                row.append(xs[0] ** int(col[2:]))
            elif col == "x":
                row.append(xs[0])
            else:
                row.append(xs[meta["predictor_names"].index(col)])
        design.append(row)
    n, p = len(design), len(design[0])
    xtx = [[sum(design[i][a] * design[i][b] for i in range(n)) for b in range(p)] for a in range(p)]
    xty = [sum(design[i][a] * y[i] for i in range(n)) for a in range(p)]
    inv = inverse(xtx)
    beta = [sum(inv[a][b] * xty[b] for b in range(p)) for a in range(p)]
    resid = [y[i] - sum(design[i][a] * beta[a] for a in range(p)) for i in range(n)]
    rss = sum(r * r for r in resid)
    s2 = rss / (n - p)
    if meta["intercept"]:
        mean = sum(y) / n
        tss = sum((v - mean) ** 2 for v in y)
    else:
        tss = sum(v * v for v in y)
    cert = meta["certified"]
    scores = []
    for a in range(p):
        name = meta["parameters"][a]
        scores.append((name, lre(to_double(beta[a]), cert["coefficients"][a])))
        scores.append(("SE(%s)" % name, lre(sqrt_double(s2 * inv[a][a]), cert["std_errors"][a])))
    scores.append(("residual SD", lre(sqrt_double(s2), cert["residual_sd"])))
    scores.append(("R^2", lre(to_double(1 - rss / tss), cert["r_squared"])))
    return min(scores, key=lambda s: s[1])


def main():
    lines = ["# LRE of the exact least-squares solution rounded once to double (min per dataset); python3 %s"
             % os.path.relpath(__file__, os.path.dirname(os.path.dirname(os.path.dirname(HERE))))]
    for name in DATASETS:
        where, score = ceiling(name)
        lines.append("%-9s %6.3f  at %s" % (name, math.floor(score * 1000) / 1000, where))
        print(lines[-1])
    with open(os.path.join(HERE, "ceilings.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
