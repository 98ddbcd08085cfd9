#!/usr/bin/env python3
"""Reference values for `integrity-stats regress`, computed by statsmodels.

Pinned versions (the committed outputs were produced with exactly these):
    statsmodels 0.15.0, numpy 2.4.6, pandas 3.1.1, Python 3

Usage (from the package root):
    python3 Tests/Fixtures/reference/regress.py

Writes, under Tests/Fixtures/regress/:
    NAME.csv       small input files (seeded numpy generator; every value printed with fixed
                   decimals, so the CSV text *is* the data)
    cases.json     {"cases": [{"name", "input", "arguments", "tolerance", "expected", "diagnostics"?}]}, where
                   "expected" has exactly the shape of `regress --format json` (DESIGN.md section 6):
                   coefficients [{term, estimate, std_error, t_value, p_value, ci_low, ci_high}],
                   n, df_residual, sigma, r_squared, adj_r_squared, f_statistic, f_p_value, rank,
                   aliased, log_likelihood, aic, bic, covariance_type; "diagnostics" (for ols3, wls,
                   rank_deficient) holds per-row fitted, residual and leverage, as `--diagnostics FILE`
                   writes them (columns row,fitted,residual,leverage).

Each input's decimal strings are converted with Python's float() (correctly rounded), so statsmodels
sees the same doubles as a correctly rounding CSV reader. Conventions are statsmodels':
  * sigma = sqrt(scale) = sqrt(RSS / df_resid); R^2 centered with an intercept (weighted mean for
    WLS), uncentered without; F tests every term but the intercept.
  * log-likelihood of the Gaussian model (WLS adds 0.5 * sum(log w)); AIC = -2 llf + 2 k,
    BIC = -2 llf + k log n with k = rank (statsmodels counts the coefficients, not sigma).
  * robust covariances (cov_type="HC0".."HC3"): statsmodels' default use_t=False, so p-values and
    intervals use the normal distribution; F is the Wald F test with the robust covariance
    (F distribution on (df_model, df_resid)), as statsmodels' `fvalue`/`f_pvalue` report it.
  * a rank-deficient design: statsmodels' pinv returns a minimum-norm solution; we expect the term
    that is an exact combination of earlier terms to be reported as aliased (null row, listed in
    "aliased"), and the other rows to equal statsmodels fitted on the reduced design.
"""
import json
import os

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

assert statsmodels.__version__ == "0.15.0", statsmodels.__version__
assert np.__version__ == "2.4.6", np.__version__
assert pd.__version__ == "3.1.1", pd.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "regress")
RNG = np.random.default_rng(20261125)


def write_csv(name, columns):
    """Writes NAME.csv from {column: list of decimal strings}; returns the DataFrame read back."""
    names = list(columns)
    n = len(columns[names[0]])
    lines = [",".join(names)] + [",".join(columns[c][i] for c in names) for i in range(n)]
    path = os.path.join(OUT, name + ".csv")
    with open(path, "w", newline="") as f:
        f.write("\n".join(lines) + "\n")
    # Parsed with Python's float() (correctly rounded), not pandas' CSV parser.
    return pd.DataFrame({c: [float(v) for v in columns[c]] for c in names})


def fmt(values, decimals):
    return ["%.*f" % (decimals, v) for v in values]


def num(v):
    """A JSON number, or None for a value statsmodels leaves NaN/inf (never written as NaN)."""
    v = float(v)
    return v if np.isfinite(v) else None


def expected(result, terms, all_terms, aliased, cov_type, level):
    """The regress JSON object for a statsmodels result fitted on the columns `terms`."""
    ci = np.asarray(result.conf_int(alpha=1 - level))
    rows = []
    for term in all_terms:
        if term in aliased:
            rows.append(dict(term=term, estimate=None, std_error=None, t_value=None, p_value=None,
                             ci_low=None, ci_high=None))
            continue
        i = terms.index(term)
        rows.append(dict(term=term, estimate=num(result.params[i]), std_error=num(result.bse[i]),
                         t_value=num(result.tvalues[i]), p_value=num(result.pvalues[i]),
                         ci_low=num(ci[i, 0]), ci_high=num(ci[i, 1])))
    return dict(
        coefficients=rows,
        n=int(result.nobs),
        df_residual=int(round(result.df_resid)),
        sigma=num(np.sqrt(result.scale)),
        r_squared=num(result.rsquared),
        adj_r_squared=num(result.rsquared_adj),
        f_statistic=num(result.fvalue),
        f_p_value=num(result.f_pvalue),
        rank=int(np.linalg.matrix_rank(result.model.exog)),
        aliased=list(aliased),
        log_likelihood=num(result.llf),
        aic=num(result.aic),
        bic=num(result.bic),
        covariance_type=cov_type,
    )


def design(frame, terms):
    """Columns of X for term names "(Intercept)", "COL", "COL^k" (powers of the parsed double)."""
    cols = []
    for term in terms:
        if term == "(Intercept)":
            cols.append(np.ones(len(frame)))
        elif "^" in term:
            col, k = term.split("^")
            cols.append(frame[col].to_numpy(float) ** int(k))
        else:
            cols.append(frame[term].to_numpy(float))
    return np.column_stack(cols)


def fit(frame, terms, weights=None, cov_type="nonrobust"):
    X = design(frame, terms)
    y = frame["y"].to_numpy(float)
    has_const = "(Intercept)" in terms
    if weights is None:
        model = sm.OLS(y, X, hasconst=has_const)
    else:
        model = sm.WLS(y, X, weights=frame[weights].to_numpy(float), hasconst=has_const)
    if cov_type == "nonrobust":
        return model.fit()
    return model.fit(cov_type=cov_type.upper())


cases = []


def add(name, input_name, arguments, frame, terms, weights=None, cov_type="nonrobust", level=0.95,
        all_terms=None, aliased=(), diagnostics=False):
    result = fit(frame, terms, weights, cov_type)
    all_terms = all_terms or terms
    exp = expected(result, terms, all_terms, list(aliased), cov_type, level)
    # Guard the 1e-10 relative comparison: no compared value may be a cancellation near zero.
    for row in exp["coefficients"]:
        for key in ("estimate", "ci_low", "ci_high"):
            if row[key] is not None and row["std_error"] is not None:
                assert abs(row[key]) > 1e-3 * row["std_error"], (name, row)
    case = dict(name=name, input="regress/%s.csv" % input_name, arguments=arguments,
                tolerance=1e-10, expected=exp)
    if diagnostics:
        case["diagnostics"] = diagnostics_of(result, frame, terms, weights)
    cases.append(case)


def diagnostics_of(result, frame, terms, weights):
    """Per-row fitted values, residuals y - yhat (unweighted scale) and leverages h_i, the diagonal
    of the hat matrix of the weighted design W^(1/2) X, computed as diag(Xw pinv(Xw)); for OLS
    checked against statsmodels' OLSInfluence.hat_matrix_diag (WLS results have no get_influence)."""
    xw = design(frame, terms)
    if weights is not None:
        xw = xw * np.sqrt(frame[weights].to_numpy(float))[:, None]
    leverage = np.einsum("ij,ji->i", xw, np.linalg.pinv(xw))
    if weights is None:
        assert np.allclose(leverage, result.get_influence().hat_matrix_diag, rtol=1e-12, atol=0)
    return dict(fitted=[num(v) for v in result.fittedvalues], residual=[num(v) for v in result.resid],
                leverage=[num(v) for v in leverage])


def main():
    os.makedirs(OUT, exist_ok=True)

    # 1. OLS with three predictors (n = 40), and the same at --level 0.90.
    n = 40
    x1 = np.round(RNG.normal(5, 2, n), 3)
    x2 = np.round(RNG.uniform(0, 100, n), 2)
    x3 = np.round(RNG.normal(-3, 1, n), 4)
    y = np.round(1.5 + 0.8 * x1 - 0.03 * x2 + 2.0 * x3 + RNG.normal(0, 1.5, n), 4)
    ols = write_csv("ols3", dict(y=fmt(y, 4), x1=fmt(x1, 3), x2=fmt(x2, 2), x3=fmt(x3, 4)))
    terms = ["(Intercept)", "x1", "x2", "x3"]
    add("ols3", "ols3", ["--y", "y", "--x", "x1,x2,x3"], ols, terms, diagnostics=True)
    add("ols3_level90", "ols3", ["--y", "y", "--x", "x1,x2,x3", "--level", "0.9"], ols, terms, level=0.9)

    # 2. WLS: weights are inverse variances (n = 30).
    n = 30
    x1 = np.round(RNG.uniform(0, 10, n), 2)
    x2 = np.round(RNG.normal(20, 5, n), 2)
    w = np.round(RNG.uniform(0.25, 4.0, n), 3)
    y = np.round(3.0 + 1.2 * x1 - 0.4 * x2 + RNG.normal(0, 1, n) / np.sqrt(w), 4)
    wls = write_csv("wls", dict(y=fmt(y, 4), x1=fmt(x1, 2), x2=fmt(x2, 2), w=fmt(w, 3)))
    add("wls", "wls", ["--y", "y", "--x", "x1,x2", "--weights", "w"], wls,
        ["(Intercept)", "x1", "x2"], weights="w", diagnostics=True)
    # WLS with a robust covariance: the sandwich on the weighted design and weighted residuals.
    add("wls_hc3", "wls", ["--y", "y", "--x", "x1,x2", "--weights", "w", "--robust", "hc3"], wls,
        ["(Intercept)", "x1", "x2"], weights="w", cov_type="hc3")

    # 3. Heteroskedastic data (error SD grows with x1), robust covariances HC0-HC3 (n = 50).
    n = 50
    x1 = np.round(RNG.uniform(1, 10, n), 2)
    x2 = np.round(RNG.normal(0, 3, n), 3)
    y = np.round(2.0 + 0.9 * x1 + 0.6 * x2 + RNG.normal(0, 1, n) * 0.4 * x1, 4)
    het = write_csv("hetero", dict(y=fmt(y, 4), x1=fmt(x1, 2), x2=fmt(x2, 3)))
    for hc in ("hc0", "hc1", "hc2", "hc3"):
        add("robust_" + hc, "hetero", ["--y", "y", "--x", "x1,x2", "--robust", hc], het,
            ["(Intercept)", "x1", "x2"], cov_type=hc)

    # 4. No intercept (uncentered R^2; F tests both terms), n = 25.
    n = 25
    x1 = np.round(RNG.uniform(1, 20, n), 2)
    x2 = np.round(RNG.uniform(-5, 5, n), 2)
    y = np.round(2.5 * x1 - 1.5 * x2 + RNG.normal(0, 2, n), 3)
    noint = write_csv("noint", dict(y=fmt(y, 3), x1=fmt(x1, 2), x2=fmt(x2, 2)))
    add("no_intercept", "noint", ["--y", "y", "--x", "x1,x2", "--no-intercept"], noint, ["x1", "x2"])
    # Robust without an intercept: the Wald F tests every term (no constant to leave out).
    add("no_intercept_hc1", "noint", ["--y", "y", "--x", "x1,x2", "--no-intercept", "--robust", "hc1"], noint,
        ["x1", "x2"], cov_type="hc1")

    # 5. Polynomial: --poly x:3 gives x, x^2, x^3; and --x z --poly x:2 (n = 30).
    n = 30
    x = np.round(np.sort(RNG.uniform(-2, 3, n)), 3)
    z = np.round(RNG.normal(10, 2, n), 2)
    y = np.round(1.0 - 2.0 * x + 0.7 * x ** 2 + 0.3 * x ** 3 + 0.5 * z + RNG.normal(0, 0.5, n), 4)
    poly = write_csv("poly", dict(y=fmt(y, 4), x=fmt(x, 3), z=fmt(z, 2)))
    add("poly3", "poly", ["--y", "y", "--poly", "x:3"], poly, ["(Intercept)", "x", "x^2", "x^3"])
    add("poly2_with_x", "poly", ["--y", "y", "--x", "z", "--poly", "x:2"], poly,
        ["(Intercept)", "z", "x", "x^2"])

    # 6. Rank-deficient design: x3 = x1 + 2*x2 exactly (integers, so exact in double as well).
    #    x3 is a combination of earlier terms -> aliased; the rest equals the fit without x3.
    n = 20
    x1 = RNG.integers(0, 50, n)
    x2 = RNG.integers(-20, 20, n)
    x3 = x1 + 2 * x2
    y = np.round(4.0 + 0.5 * x1 - 0.8 * x2 + RNG.normal(0, 2, n), 3)
    rank = write_csv("rankdef", dict(y=fmt(y, 3), x1=[str(v) for v in x1], x2=[str(v) for v in x2],
                                     x3=[str(v) for v in x3]))
    assert np.linalg.matrix_rank(design(rank, ["(Intercept)", "x1", "x2", "x3"])) == 3
    add("rank_deficient", "rankdef", ["--y", "y", "--x", "x1,x2,x3"], rank,
        ["(Intercept)", "x1", "x2"], all_terms=["(Intercept)", "x1", "x2", "x3"], aliased=["x3"],
        diagnostics=True)

    # 7. A constant predictor is aliased with the intercept; the rest equals the fit without it.
    n = 15
    x1 = np.round(RNG.uniform(0, 10, n), 2)
    c = np.full(n, 2.5)
    y = np.round(1.0 + 0.3 * x1 + RNG.normal(0, 0.5, n), 3)
    const = write_csv("constant", dict(y=fmt(y, 3), x1=fmt(x1, 2), c=fmt(c, 1)))
    add("constant_predictor", "constant", ["--y", "y", "--x", "x1,c"], const, ["(Intercept)", "x1"],
        all_terms=["(Intercept)", "x1", "c"], aliased=["c"])

    with open(os.path.join(OUT, "cases.json"), "w") as f:
        json.dump(dict(generator="Tests/Fixtures/reference/regress.py",
                       versions=dict(statsmodels=statsmodels.__version__, numpy=np.__version__,
                                     pandas=pd.__version__),
                       cases=cases), f, indent=1, allow_nan=False)
        f.write("\n")
    for case in cases:
        e = case["expected"]
        print("%-20s n=%-3d rank=%d aliased=%s r2=%.4f" % (case["name"], e["n"], e["rank"], e["aliased"],
                                                          e["r_squared"]))


if __name__ == "__main__":
    main()
