#!/usr/bin/env python3
"""Side-by-side timing: statsmodels / numpy on the designs of Benchmarks/Benchmarks/Regression.

Pinned versions: statsmodels 0.15.0, numpy 2.4.6 (numpy's bundled scipy-openblas).
Usage (from the package root):

    python3 Benchmarks/regress_compare.py                 # both designs
    python3 Benchmarks/regress_compare.py --small-sm 5000  # statsmodels on fewer small designs

Designs (same shapes and coefficients as RegressionDesigns.swift; numpy's own random numbers):
  large: n = 1,000,000, an intercept and 9 standard normal predictors, y = 1 + sum 0.5*j*x_j + e.
  small: 100,000 designs of 15 rows: intercept, t = 0..14, a normal z; y = 100 + 2t + 3z + 5e.

What is timed (wall clock, best of --repeat runs; data generation not timed):
  statsmodels  OLS(y, X).fit() plus the inference regress prints (params, bse, tvalues, pvalues,
               conf_int, rsquared, rsquared_adj, fvalue, f_pvalue, llf, aic, bic). For the small
               designs statsmodels runs on the first --small-sm designs and the time is scaled to
               100,000 (its cost per fit is constant).
  numpy lstsq  np.linalg.lstsq (SVD, coefficients only) per design.
  numpy QR     np.linalg.qr, R^-1 by np.linalg.inv, coefficients and SEs from R^-1 (the same algorithm
               class as LinearModel; no pivoting, no inference) per design; for the small designs
               also batched over a (100000, 15, 3) stack.
"""
import argparse
import time

import numpy as np
import statsmodels
import statsmodels.api as sm

assert statsmodels.__version__ == "0.15.0", statsmodels.__version__
assert np.__version__ == "2.4.6", np.__version__


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def large_design(rng, n=1_000_000, predictors=9):
    X = np.column_stack([np.ones(n)] + [rng.standard_normal(n) for _ in range(predictors)])
    beta = np.array([1.0] + [0.5 * j for j in range(1, predictors + 1)])
    return X, X @ beta + rng.standard_normal(n)


def small_designs(rng, count=100_000, rows=15):
    t = np.arange(rows, dtype=float)
    z = rng.standard_normal((count, rows))
    X = np.stack([np.ones((count, rows)), np.broadcast_to(t, (count, rows)), z], axis=2)
    y = 100 + 2 * t + 3 * z + 5 * rng.standard_normal((count, rows))
    return X, y


def statsmodels_fit(X, y):
    r = sm.OLS(y, X).fit()
    return (r.params, r.bse, r.tvalues, r.pvalues, r.conf_int(), r.rsquared, r.rsquared_adj,
            r.fvalue, r.f_pvalue, r.llf, r.aic, r.bic)


def qr_fit(X, y):
    # numpy only: scipy's solve_triangular brings a second OpenBLAS thread pool, and on two
    # cores the two pools' spinning made each tiny fit 10-40x slower than its parts.
    q, r = np.linalg.qr(X)
    rinv = np.linalg.inv(r)
    beta = rinv @ (q.T @ y)
    resid = y - X @ beta
    sigma2 = resid @ resid / (X.shape[0] - X.shape[1])
    return beta, np.sqrt(sigma2 * np.sum(rinv ** 2, axis=1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--small-sm", type=int, default=10_000,
                        help="small designs fitted by statsmodels (time scaled to 100,000)")
    args = parser.parse_args()
    rng = np.random.default_rng(1)

    print("statsmodels %s, numpy %s" % (statsmodels.__version__, np.__version__))
    X, y = large_design(rng)
    print("OLS n=1,000,000 p=10")
    print("  statsmodels OLS.fit + inference  %8.1f ms" % (1e3 * best(lambda: statsmodels_fit(X, y), args.repeat)))
    print("  numpy lstsq                       %8.1f ms" % (1e3 * best(lambda: np.linalg.lstsq(X, y), args.repeat)))
    print("  numpy QR + SEs from R^-1          %8.1f ms" % (1e3 * best(lambda: qr_fit(X, y), args.repeat)))
    del X, y

    Xs, ys = small_designs(rng)
    count = len(Xs)
    k = min(args.small_sm, count)
    print("100,000 fits of 15-row designs (p=3)")
    t = best(lambda: [statsmodels_fit(Xs[i], ys[i]) for i in range(k)], 1)
    print("  statsmodels OLS.fit + inference  %8.1f ms  (%d fits timed, scaled to %d)" % (1e3 * t * count / k, k, count))
    print("  numpy lstsq per design            %8.1f ms" % (1e3 * best(
        lambda: [np.linalg.lstsq(Xs[i], ys[i]) for i in range(count)], 1)))
    print("  numpy QR + SEs per design         %8.1f ms" % (1e3 * best(
        lambda: [qr_fit(Xs[i], ys[i]) for i in range(count)], 1)))

    def batched():
        q, r = np.linalg.qr(Xs)
        beta = np.linalg.solve(r, np.einsum("bij,bi->bj", q, ys)[..., None])[..., 0]
        return beta
    print("  numpy batched QR (one call)       %8.1f ms" % (1e3 * best(batched, args.repeat)))


if __name__ == "__main__":
    main()
