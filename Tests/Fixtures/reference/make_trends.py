#!/usr/bin/env python3
"""Reference values for trend lines and survey proportions (issue 6).

Pinned versions (checked at start; the outputs are committed, CI does not rerun this):
    numpy 2.4.6, scipy 1.17.1, statsmodels 0.15.0, pymannkendall 1.4.3

Run from the package root:  python3 Tests/Fixtures/reference/make_trends.py

Writes, under Tests/Fixtures/trends/:
    series.csv            the fixture series (indicator,agency,year,value), long form
    survey.csv            the survey fixture (indicator,year,value,n,unit)
    ref_linear.csv        statsmodels OLS on x = year - first_year      (+ get_prediction)
    ref_loglinear.csv     statsmodels OLS on ln y                        (+ get_prediction)
    ref_poisson.csv       statsmodels GLM Poisson (IRLS), classical and scale='X2' (quasi)
    ref_sen.csv           scipy.stats.theilslopes (method='separate') + pymannkendall.original_test
    ref_segmented.csv     statsmodels OLS  y = b0 + b1 x + b2 D + b3 (year - B) D
    ref_segmented_log.csv the same on ln y (projection on the log scale; exp() is the back-transform)
    ref_segmented_poisson.csv statsmodels GLM Poisson on the same design, classical and quasi
    ref_survey.csv        statsmodels proportion_confint(method='wilson'), proportions_ztest
    ref_survey_trend.csv  statsmodels WLS with weights n / (p (1 - p))

Every number is written with repr() (shortest round-trip), so the Swift tests read the exact doubles.
"""
import csv
import math
import os
import sys

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
import pymannkendall as mk
from scipy import stats
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

PINNED = {"numpy": "2.4.6", "scipy": "1.17.1", "statsmodels": "0.15.0"}
for mod, want in [(np, PINNED["numpy"]), (scipy, PINNED["scipy"]), (statsmodels, PINNED["statsmodels"])]:
    if mod.__version__ != want:
        sys.exit(f"{mod.__name__} {mod.__version__} found, {want} pinned")

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "trends")
LEVELS = [0.95, 0.90]
PROJECT_TO = 2028
BREAK_YEAR = 2017

# name -> (first year, values; None = a missing year, skipped)
SERIES = {
    # a short series, n = 4
    "short": (2019, [12, 15, 14, 19]),
    # ties in y (Mann-Kendall tie correction, Sen CI with y repeats)
    "ties": (2010, [5, 7, 7, 8, 7, 9, 9, 10, 12, 12, 11, 14]),
    # a count series containing a zero (no log-linear)
    "zero": (2012, [3, 0, 2, 5, 4, 6, 8, 7, 9, 12, 10, 15]),
    # overdispersed counts (Pearson dispersion well above 1.5 -> quasi-Poisson)
    "overdispersed": (2008, [12, 30, 9, 41, 15, 58, 20, 77, 26, 90, 35, 120, 40, 150, 52, 170]),
    # a series with gaps: 2014 and 2017 missing
    "gap": (2010, [152, 161, 175, 180, None, 210, 223, None, 251, 264, 280, 295, 312]),
    # a rate in percent (conviction rate)
    "rate": (2010, [73.2, 74.5, 74.1, 75.8, 76.0, 75.2, 77.9, 78.3, 77.6, 79.4, 80.1, 79.7, 81.5, 82.0, 81.2]),
    # seized amounts in NT$ (positive, growing multiplicatively)
    "amounts": (2011, [1.25e8, 1.61e8, 1.48e8, 2.02e8, 2.37e8, 2.21e8, 2.95e8, 3.3e8, 3.12e8,
                       4.05e8, 4.4e8, 4.96e8, 5.21e8, 6.1e8]),
    # level and slope change at 2017
    "segmented": (2010, [40, 42, 41, 44, 45, 47, 46, 38, 37, 35, 34, 31, 30, 28]),
}


def fmt(v):
    if v is None:
        return ""
    v = float(v)
    if math.isnan(v):
        return ""
    return repr(v)


def points(name):
    first, values = SERIES[name]
    years = [first + i for i, v in enumerate(values) if v is not None]
    ys = [float(v) for v in values if v is not None]
    return np.array(years, dtype=float), np.array(ys)


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([fmt(c) if isinstance(c, (float, np.floating)) or c is None else c for c in r])


def two_sided_normal(z):
    return 2 * stats.norm.sf(abs(z))


# ---------------------------------------------------------------------------- fixtures
def write_series():
    with open(os.path.join(OUT, "series.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["indicator", "agency", "year", "value"])
        for name, (first, values) in SERIES.items():
            for i, v in enumerate(values):
                if v is not None:
                    w.writerow([name, "fixture", first + i, repr(v) if isinstance(v, float) else v])


# ---------------------------------------------------------------------------- OLS trends
def ols_rows(transform, eligible):
    rows = []
    for name in SERIES:
        years, y = points(name)
        if not eligible(y):
            continue
        first = years.min()
        x = years - first
        X = sm.add_constant(x)
        fit = sm.OLS(transform(y), X).fit()
        for level in LEVELS:
            alpha = 1 - level
            ci = fit.conf_int(alpha)
            pred = fit.get_prediction(np.array([[1.0, PROJECT_TO - first]])).summary_frame(alpha)
            rows.append([name, level, len(y), int(first), int(years.max()),
                         fit.params[0], fit.params[1], fit.bse[1], ci[1][0], ci[1][1], fit.pvalues[1],
                         fit.rsquared, fit.bse[0], PROJECT_TO,
                         pred["mean"].iloc[0], pred["mean_se"].iloc[0],
                         pred["obs_ci_lower"].iloc[0], pred["obs_ci_upper"].iloc[0],
                         pred["mean_ci_lower"].iloc[0], pred["mean_ci_upper"].iloc[0], fit.mse_resid])
    return rows


OLS_HEADER = ["series", "level", "n", "first_year", "last_year", "intercept", "slope", "slope_se",
              "slope_low", "slope_high", "p_value", "r_squared", "intercept_se", "projection_year",
              "fitted", "fitted_se", "obs_low", "obs_high", "mean_low", "mean_high", "sigma2"]


# ---------------------------------------------------------------------------- Poisson GLM
def poisson_fits(y, X):
    """The Poisson GLM of y on X, classical and with scale="X2" (quasi), and the Pearson dispersion."""
    model = sm.GLM(y, X, family=sm.families.Poisson())
    for scale_kind in ["classical", "quasi"]:
        fit = model.fit(tol=1e-14, maxiter=200) if scale_kind == "classical" else \
            model.fit(scale="X2", tol=1e-14, maxiter=200)
        yield scale_kind, fit, fit.pearson_chi2 / fit.df_resid


def poisson_rows():
    rows = []
    for name in SERIES:
        years, y = points(name)
        if not np.all(y == np.round(y)) or np.any(y < 0):
            continue
        first = years.min()
        x = years - first
        X = sm.add_constant(x)
        for scale_kind, fit, dispersion in poisson_fits(y, X):
            for level in LEVELS:
                alpha = 1 - level
                ci = fit.conf_int(alpha)
                pred = fit.get_prediction(np.array([[1.0, PROJECT_TO - first]])).summary_frame(alpha)
                rows.append([name, scale_kind, level, len(y), int(first), int(years.max()),
                             fit.params[0], fit.params[1], fit.bse[1], ci[1][0], ci[1][1],
                             two_sided_normal(fit.params[1] / fit.bse[1]),
                             fit.bse[0], dispersion, fit.deviance, fit.pearson_chi2, PROJECT_TO,
                             pred["mean"].iloc[0], pred["mean_ci_lower"].iloc[0], pred["mean_ci_upper"].iloc[0]])
                # statsmodels' own p-value (same formula) as a cross-check of the line above
                assert abs(fit.pvalues[1] - rows[-1][11]) <= 1e-14 + 1e-12 * rows[-1][11]
    return rows


POISSON_HEADER = ["series", "scale", "level", "n", "first_year", "last_year", "intercept", "slope", "slope_se",
                  "slope_low", "slope_high", "p_value", "intercept_se", "dispersion", "deviance",
                  "pearson_chi2", "projection_year", "projection", "projection_low", "projection_high"]


# ---------------------------------------------------------------------------- Sen / Mann-Kendall
def sen_rows():
    rows = []
    for name in SERIES:
        years, y = points(name)
        first = years.min()
        x = years - first
        mkr = mk.original_test(y)  # order only: gaps do not change S
        p_exact = two_sided_normal(mkr.z)
        # pymannkendall computes 2*(1 - Phi(|z|)); agree to cancellation error
        assert abs(p_exact - mkr.p) < 1e-15
        for level in LEVELS:
            ts = stats.theilslopes(y, x, alpha=level, method="separate")
            rows.append([name, level, len(y), int(first), int(years.max()), ts.intercept, ts.slope,
                         ts.low_slope, ts.high_slope, p_exact, float(mkr.s), float(mkr.var_s), mkr.z, mkr.Tau])
    return rows


SEN_HEADER = ["series", "level", "n", "first_year", "last_year", "intercept", "slope", "slope_low",
              "slope_high", "p_value", "mk_s", "mk_var_s", "mk_z", "mk_tau"]


# ---------------------------------------------------------------------------- segmented
def segmented_rows(log=False):
    rows = []
    for name in (["gap", "amounts"] if log else ["segmented", "rate", "gap"]):
        years, y = points(name)
        if log:
            y = np.log(y)
        first = years.min()
        x = years - first
        d = (years >= BREAK_YEAR).astype(float)
        X = np.column_stack([np.ones_like(x), x, d, (years - BREAK_YEAR) * d])
        fit = sm.OLS(y, X).fit()
        for level in LEVELS:
            alpha = 1 - level
            ci = fit.conf_int(alpha)
            pred = fit.get_prediction(np.array([[1.0, PROJECT_TO - first, 1.0, PROJECT_TO - BREAK_YEAR]]))
            pred = pred.summary_frame(alpha)
            row = [name, level, BREAK_YEAR, len(y), int(first), int(years.max())]
            for j in range(4):
                row += [fit.params[j], fit.bse[j], ci[j][0], ci[j][1], fit.pvalues[j]]
            row += [fit.rsquared, PROJECT_TO, pred["mean"].iloc[0], pred["obs_ci_lower"].iloc[0],
                    pred["obs_ci_upper"].iloc[0]]
            rows.append(row)
    return rows


def segmented_poisson_rows():
    """Poisson GLM on [1, x, D, (year - B) D], classical and scale="X2" (quasi): the
    interrupted series of counts (Bernal, Cummins & Gasparrini 2017, Int J Epidemiol 46:348)."""
    rows = []
    for name in ["segmented", "gap", "zero"]:
        years, y = points(name)
        first = years.min()
        x = years - first
        d = (years >= BREAK_YEAR).astype(float)
        X = np.column_stack([np.ones_like(x), x, d, (years - BREAK_YEAR) * d])
        for scale_kind, fit, dispersion in poisson_fits(y, X):
            for level in LEVELS:
                alpha = 1 - level
                ci = fit.conf_int(alpha)
                x0 = np.array([[1.0, PROJECT_TO - first, 1.0, PROJECT_TO - BREAK_YEAR]])
                pred = fit.get_prediction(x0).summary_frame(alpha)
                row = [name, scale_kind, level, BREAK_YEAR, len(y), int(first), int(years.max())]
                for j in range(4):
                    p_value = two_sided_normal(fit.params[j] / fit.bse[j])
                    assert abs(fit.pvalues[j] - p_value) <= 1e-14 + 1e-12 * p_value
                    row += [fit.params[j], fit.bse[j], ci[j][0], ci[j][1], p_value]
                row += [dispersion, PROJECT_TO, pred["mean"].iloc[0], pred["mean_ci_lower"].iloc[0],
                        pred["mean_ci_upper"].iloc[0]]
                rows.append(row)
    return rows


SEG_POISSON_HEADER = ["series", "scale", "level", "break_year", "n", "first_year", "last_year"] + [
    f"{t}_{s}" for t in ["b0", "b1", "b2", "b3"] for s in ["est", "se", "low", "high", "p"]] + [
    "dispersion", "projection_year", "projection", "projection_low", "projection_high"]


SEG_HEADER = ["series", "level", "break_year", "n", "first_year", "last_year"] + [
    f"{t}_{s}" for t in ["b0", "b1", "b2", "b3"] for s in ["est", "se", "low", "high", "p"]] + [
    "r_squared", "projection_year", "projection", "projection_low", "projection_high"]


# ---------------------------------------------------------------------------- survey
SURVEY = {
    # percentages (unit %), n respondents
    "trust": (2014, [41.2, 43.5, 42.8, 45.9, 47.1, 46.3, 49.8, 51.2, 50.4, 53.7],
              [1068, 1072, 1080, 1075, 1069, 1081, 1077, 1090, 1072, 1085], "%"),
    # proportions, smaller samples, includes a repeated value
    "aware": (2016, [0.62, 0.655, 0.655, 0.701, 0.688, 0.734, 0.75],
              [512, 498, 505, 520, 530, 515, 508], ""),
}


def survey_rows():
    with open(os.path.join(OUT, "survey.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["indicator", "year", "value", "n", "unit"])
        for name, (first, vals, ns, unit) in SURVEY.items():
            for i, (v, n) in enumerate(zip(vals, ns)):
                w.writerow([name, first + i, repr(v), n, unit])
    rows, trend = [], []
    for name, (first, vals, ns, unit) in SURVEY.items():
        p = np.array(vals) / (100.0 if unit == "%" else 1.0)
        n = np.array(ns, dtype=float)
        years = np.arange(first, first + len(p), dtype=float)
        for level in LEVELS:
            alpha = 1 - level
            for i in range(len(p)):
                lo, hi = proportion_confint(p[i] * n[i], n[i], alpha=alpha, method="wilson")
                if i == 0:
                    change = z = pz = None
                else:
                    z, pz = proportions_ztest([p[i] * n[i], p[i - 1] * n[i - 1]], [n[i], n[i - 1]])
                    change = p[i] - p[i - 1]
                rows.append([name, level, int(years[i]), int(n[i]), p[i], lo, hi, change, z, pz])
            x = years - first
            fit = sm.WLS(p, sm.add_constant(x), weights=n / (p * (1 - p))).fit()
            ci = fit.conf_int(alpha)
            pred = fit.get_prediction(np.array([[1.0, PROJECT_TO - first]])).summary_frame(alpha)
            trend.append([name, level, len(p), int(first), int(years.max()), 100 * fit.params[0],
                          100 * fit.params[1], 100 * fit.bse[1], 100 * ci[1][0], 100 * ci[1][1],
                          fit.pvalues[1], fit.rsquared, PROJECT_TO, 100 * pred["mean"].iloc[0],
                          100 * pred["mean_ci_lower"].iloc[0], 100 * pred["mean_ci_upper"].iloc[0]])
    write("ref_survey.csv", ["indicator", "level", "year", "n", "proportion", "ci_low", "ci_high", "change",
                             "change_z", "change_p"], rows)
    write("ref_survey_trend.csv", ["indicator", "level", "n", "first_year", "last_year", "intercept_pp",
                                   "slope_pp", "slope_se_pp", "slope_low_pp", "slope_high_pp", "p_value",
                                   "r_squared", "projection_year", "projection_pp", "projection_low_pp",
                                   "projection_high_pp"], trend)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write_series()
    write("ref_linear.csv", OLS_HEADER, ols_rows(lambda y: y, lambda y: True))
    write("ref_loglinear.csv", OLS_HEADER, ols_rows(np.log, lambda y: bool(np.all(y > 0))))
    write("ref_poisson.csv", POISSON_HEADER, poisson_rows())
    write("ref_sen.csv", SEN_HEADER, sen_rows())
    write("ref_segmented.csv", SEG_HEADER, segmented_rows())
    write("ref_segmented_log.csv", SEG_HEADER, segmented_rows(log=True))
    write("ref_segmented_poisson.csv", SEG_POISSON_HEADER, segmented_poisson_rows())
    survey_rows()
    print("wrote", sorted(os.listdir(OUT)))
