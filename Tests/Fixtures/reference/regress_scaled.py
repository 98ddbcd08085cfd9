#!/usr/bin/env python3
"""Reference values for `regress` on data near 1e+-200 (issue 12 item 12), by statsmodels.

Pinned versions (checked at start; the outputs are committed, CI does not rerun this):
    statsmodels 0.15.0, numpy 2.4.6

Run from the package root:  python3 Tests/Fixtures/reference/regress_scaled.py

Each case draws moderate data (seeded numpy generator, values printed with 12 significant
digits), fits it with statsmodels (OLS, WLS, a polynomial), and writes the same data with
every column multiplied by a power of ten, by appending the exponent to the printed digits
("3.55285604440e200": no floating-point product is formed). The expected results of the
scaled data follow from the moderate fit exactly, by the same exponents:
    estimate_j, std_error_j, ci_j  x 10^(E_y - k_j E_col(j))   (k_j: power of the term)
    sigma                          x 10^(E_y + E_w / 2)        (E_w: the weights' exponent, even)
    t, p, R^2, F                   unchanged
and are written the same way (digits + exponent, read by a correctly rounding parser).
A correctly rounding reader sees the decimal data as doubles within 2^-53 of the exact
values, so the scaled fit matches to about 1e-9 relative (the tests' tolerance).

Writes Tests/Fixtures/regress/scaled/NAME.csv and Tests/Fixtures/regress/scaled/cases.json:
    {"cases": [{"name", "input", "arguments", "expected": {"coefficients": [{term, estimate,
    std_error, t_value, p_value, ci_low, ci_high}], "sigma", "r_squared", "f_statistic"}}]}
with every expected number a decimal string.
"""
import json
import os

import numpy as np
import statsmodels
import statsmodels.api as sm

assert statsmodels.__version__ == "0.15.0", statsmodels.__version__
assert np.__version__ == "2.4.6", np.__version__

OUT = os.path.join("Tests", "Fixtures", "regress", "scaled")


def g(x):
    """12 significant digits: the printed value is the data."""
    return float(f"{x:.12g}")


def scaled(x, e):
    """The decimal text of x * 10^e, written without forming the product."""
    return f"{x!r}e{e}" if e else repr(x)


def draw(seed, n=14):
    rng = np.random.default_rng(seed)
    x1 = [g(v) for v in rng.uniform(1, 10, n)]
    x2 = [g(v) for v in rng.uniform(-5, 5, n)]
    w = [g(v) for v in rng.uniform(0.5, 2, n)]
    y = [g(1.5 + 2 * a - 0.7 * b + (a * 0.05) ** 2 + rng.normal(0, 1)) for a, b in zip(x1, x2)]
    return {"y": y, "x1": x1, "x2": x2, "w": w}


CASES = [
    # name, seed, columns with their exponents, arguments, terms as (name, column, power)
    ("ols_1e200", 1, {"y": 200, "x1": 200, "x2": 200}, ["--y", "y", "--x", "x1,x2"],
     [("(Intercept)", None, 0), ("x1", "x1", 1), ("x2", "x2", 1)]),
    ("ols_1e-200", 2, {"y": -200, "x1": -200, "x2": -200}, ["--y", "y", "--x", "x1,x2"],
     [("(Intercept)", None, 0), ("x1", "x1", 1), ("x2", "x2", 1)]),
    ("ols_mixed", 3, {"y": 200, "x1": -100, "x2": 0}, ["--y", "y", "--x", "x1,x2"],
     [("(Intercept)", None, 0), ("x1", "x1", 1), ("x2", "x2", 1)]),
    ("poly_1e200", 4, {"y": 200, "x1": 200}, ["--y", "y", "--poly", "x1:2"],
     [("(Intercept)", None, 0), ("x1", "x1", 1), ("x1^2", "x1", 2)]),
    ("wls_1e-200", 5, {"y": -200, "x1": -200, "x2": -200, "w": 250}, ["--y", "y", "--x", "x1,x2", "--weights", "w"],
     [("(Intercept)", None, 0), ("x1", "x1", 1), ("x2", "x2", 1)]),
    ("noint_1e200", 6, {"y": 200, "x1": 200, "x2": 200}, ["--y", "y", "--x", "x1,x2", "--no-intercept"],
     [("x1", "x1", 1), ("x2", "x2", 1)]),
]

os.makedirs(OUT, exist_ok=True)
cases = []
for name, seed, exponents, arguments, terms in CASES:
    data = draw(seed)
    columns = list(exponents)
    with open(os.path.join(OUT, name + ".csv"), "w") as f:
        f.write(",".join(columns) + "\n")
        for i in range(len(data["y"])):
            f.write(",".join(scaled(data[c][i], exponents[c]) for c in columns) + "\n")
    X = np.column_stack([
        np.ones(len(data["y"])) if column is None else np.array(data[column]) ** power
        for _, column, power in terms
    ])
    y = np.array(data["y"])
    if "w" in exponents:
        fit = sm.WLS(y, X, weights=np.array(data["w"])).fit()
    else:
        fit = sm.OLS(y, X).fit()
    ci = fit.conf_int(0.05)
    ey = exponents["y"]
    coefficients = []
    for j, (term, column, power) in enumerate(terms):
        e = ey - (power * exponents[column] if column else 0)
        coefficients.append({
            "term": term,
            "estimate": scaled(float(fit.params[j]), e),
            "std_error": scaled(float(fit.bse[j]), e),
            "t_value": repr(float(fit.tvalues[j])),
            "p_value": repr(float(fit.pvalues[j])),
            "ci_low": scaled(float(ci[j][0]), e),
            "ci_high": scaled(float(ci[j][1]), e),
        })
    ew = exponents.get("w", 0)
    assert ew % 2 == 0
    cases.append({
        "name": name,
        "input": f"regress/scaled/{name}.csv",
        "arguments": arguments,
        "expected": {
            "coefficients": coefficients,
            "sigma": scaled(float(np.sqrt(fit.scale)), ey + ew // 2),
            "r_squared": repr(float(fit.rsquared)),
            "f_statistic": repr(float(fit.fvalue)),
        },
    })

with open(os.path.join(OUT, "cases.json"), "w") as f:
    json.dump({"cases": cases}, f, indent=1, ensure_ascii=False)
    f.write("\n")
