#!/usr/bin/env python3
# Reference values for `integrity-stats achievement` and `quarterly`, computed
# independently in pandas (DESIGN.md §4, issue 5 "Tests").
#
# Pinned: Python 3.11, numpy 2.4.6, pandas 3.1.1 (the versions installed where the
# committed outputs were generated). Run from the package root:
#
#     python3 Tests/Fixtures/reference/indicators.py
#
# Writes (committed; CI does not rerun this script):
#   Tests/Fixtures/indicators/generated-achievement.csv   10,000 quarterly rows
#   Tests/Fixtures/indicators/expected-achievement.csv    `achievement --total` of it
#   Tests/Fixtures/indicators/generated-quarterly.csv     22 offices, 6 years, gaps
#   Tests/Fixtures/indicators/expected-quarterly.csv      `quarterly --total` of it
#
# Exactness: figures are generated with at most 2 decimals and handled here as
# integers in hundredths, so sums are exact; thresholds compare integers
# (achieved iff actual >= target; near iff 10*actual >= 9*target); ratios are one
# correctly rounded division of Python integers (`int / int`), as DESIGN.md §4 asks.
# About a fifth of the groups are built to hit a threshold exactly (sum == target,
# or sum == 0.9 * target), the cases where float sums (pandas' own .sum() on
# float64) go wrong.

import os

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "indicators")
rng = np.random.default_rng(20240501)

# The 22 district prosecutors offices in the Ministry of Justice's order, with the
# province prefix of the official name. Spellings in the data vary on purpose.
OFFICES = [
    ("臺北", "臺灣"), ("新北", "臺灣"), ("士林", "臺灣"), ("桃園", "臺灣"), ("新竹", "臺灣"),
    ("苗栗", "臺灣"), ("臺中", "臺灣"), ("南投", "臺灣"), ("彰化", "臺灣"), ("雲林", "臺灣"),
    ("嘉義", "臺灣"), ("臺南", "臺灣"), ("橋頭", "臺灣"), ("高雄", "臺灣"), ("屏東", "臺灣"),
    ("臺東", "臺灣"), ("花蓮", "臺灣"), ("宜蘭", "臺灣"), ("基隆", "臺灣"), ("澎湖", "臺灣"),
    ("金門", "福建"), ("連江", "福建"),
]
OFFICIAL = {place: prov + place + "地方檢察署" for place, prov in OFFICES}
ORDER = {OFFICIAL[place]: i for i, (place, _) in enumerate(OFFICES)}


def spelling(place, k):
    """One of several ways agencies write an office."""
    forms = [OFFICIAL[place], place + "地檢署", place.replace("臺", "台") + "地檢", place]
    return forms[k % len(forms)]


def hundredths(text):
    """'12.34' -> 1234 (exact)."""
    sign = -1 if text.startswith("-") else 1
    whole, _, frac = text.lstrip("-").partition(".")
    return sign * (int(whole) * 100 + int((frac + "00")[:2]))


def fmt(h):
    """1234 -> '12.34', 1200 -> '12', 10 -> '0.1'."""
    s = f"{abs(h) // 100}.{abs(h) % 100:02d}".rstrip("0").rstrip(".")
    return ("-" if h < 0 else "") + s


def split(total, parts):
    """`total` hundredths split into `parts` non-negative tenths-multiples summing exactly."""
    tenths = total // 10
    cuts = sorted(rng.integers(0, tenths + 1, size=parts - 1).tolist())
    pieces = [b - a for a, b in zip([0] + cuts, cuts + [tenths])]
    return [p * 10 for p in pieces]


def number(x):
    return "" if x is None else repr(float(x))


# ---------------------------------------------------------------- achievement
INDICATORS = [
    ("起訴件數", "increase"), ("8-1", "increase"), ("查扣不法所得", "increase"),
    ("定罪率落差", "decrease"), ("檢舉人身分外洩", "zero"),
]
AGENCIES = [f"機關{i:02d}" for i in range(1, 39)] + [p for p, _ in OFFICES[:12]]  # 50 agencies
YEARS = list(range(2014, 2024))  # 10 years: 5 x 50 x 10 x 4 = 10,000 rows

rows = []
line = 2
for indicator, direction in INDICATORS:
    for a_index, agency in enumerate(AGENCIES):
        for year in YEARS:
            is_office = agency in OFFICIAL
            if direction == "zero":
                target = 0
                values = [0, 0, 0, 0] if rng.random() < 0.7 else [0, 100, 0, 0]
            else:
                target = int(rng.integers(1, 200)) * 10  # 0.1 … 19.9, in hundredths
                kind = rng.random()
                if kind < 0.1:
                    values = split(target, 4)  # sum == target exactly
                elif kind < 0.2 and (9 * target) % 10 == 0:
                    values = split(9 * target // 10, 4)  # sum == 0.9 target exactly
                else:
                    values = [int(rng.integers(0, 700)) for _ in range(4)]
            missing = [rng.random() < 0.04 for _ in range(4)]
            if rng.random() < 0.01:
                missing = [True] * 4  # no data at all
            no_target = direction != "zero" and rng.random() < 0.02
            for q in range(4):
                name = spelling(agency, a_index + year + q) if is_office else agency
                rows.append({
                    "indicator": indicator, "agency": name, "year": year - 1911 if q % 2 else year,
                    "quarter": q + 1, "value": "" if missing[q] else fmt(values[q]),
                    "target": "" if no_target else fmt(target), "direction": direction, "line": line,
                })
                line += 1

gen = pd.DataFrame(rows)
assert len(gen) == 10_000
gen.drop(columns="line").to_csv(os.path.join(OUT, "generated-achievement.csv"), index=False)

# Independent computation.
df = gen.copy()
df["agency"] = df["agency"].map(lambda a: OFFICIAL.get(a.replace("台", "臺").removesuffix("地檢署").removesuffix("地檢"), a)
                                if not a.endswith("地方檢察署") else a)
df["year"] = df["year"].map(lambda y: y + 1911 if y < 1000 else y)
df["v"] = df["value"].map(lambda s: None if s == "" else hundredths(s)).astype("Int64")
df["t"] = df["target"].map(lambda s: None if s == "" else hundredths(s)).astype("Int64")

out = []
for (indicator, agency, year), g in df.groupby(["indicator", "agency", "year"], sort=False):
    direction = g["direction"].iloc[0]
    vals = g["v"].dropna()
    actual = int(vals.sum()) if len(vals) else None
    targets = g["t"].dropna().unique()
    assert len(targets) <= 1
    target = int(targets[0]) if len(targets) else None
    ratio, status = None, None
    if actual is None:
        status = "no-data"
    elif direction == "zero":
        status = "achieved" if actual == 0 else "behind"
    elif target is None or target == 0:
        status = "no-target"
    elif direction == "increase":
        ratio = actual / target
        status = "achieved" if actual >= target else "near" if 10 * actual >= 9 * target else "behind"
    else:  # decrease
        if actual == 0:
            status = "achieved"
        else:
            ratio = target / actual
            status = "achieved" if target >= actual else "near" if 10 * target >= 9 * actual else "behind"
    out.append({"indicator": indicator, "agency": agency, "year": year, "actual": actual, "target": target,
                "direction": direction, "ratio": ratio, "status": status, "partial": len(vals) < 4, "total": False})

res = pd.DataFrame(out)
totals = []
for (indicator, year), g in res.groupby(["indicator", "year"], sort=False):
    direction = g["direction"].iloc[0]
    inc = g[g["actual"].notna() & ((direction == "zero") | (g["status"] != "no-target"))]
    actual = int(inc["actual"].sum()) if len(inc) else None
    tsum = inc["target"].dropna()
    target = int(tsum.sum()) if len(tsum) else None
    ratio, status = None, None
    if actual is None:
        status = "no-data"
    elif direction == "zero":
        status = "achieved" if actual == 0 else "behind"
    elif not target:
        status = "no-target"
    elif direction == "increase":
        ratio = actual / target
        status = "achieved" if actual >= target else "near" if 10 * actual >= 9 * target else "behind"
    else:
        if actual == 0:
            status = "achieved"
        else:
            ratio = target / actual
            status = "achieved" if target >= actual else "near" if 10 * target >= 9 * actual else "behind"
    totals.append({"indicator": indicator, "agency": "總計", "year": year, "actual": actual, "target": target,
                   "direction": direction, "ratio": ratio, "status": status,
                   "partial": bool(len(inc) < len(g) or g.loc[inc.index, "partial"].any()), "total": True})

res = pd.concat([res, pd.DataFrame(totals)], ignore_index=True)
# Sort: indicator, total last, agency, year; strings in code-point (= UTF-8 byte) order.
res["k_i"] = res["indicator"].map(lambda s: s.encode())
res["k_a"] = res["agency"].map(lambda s: s.encode())
res = res.sort_values(["k_i", "total", "k_a", "year"], kind="stable")

with open(os.path.join(OUT, "expected-achievement.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("indicator,agency,year,actual,target,direction,ratio,status,partial\n")
    for r in res.itertuples():
        actual = None if pd.isna(r.actual) else int(r.actual) / 100
        target = None if pd.isna(r.target) else int(r.target) / 100
        ratio = None if r.ratio is None or pd.isna(r.ratio) else r.ratio
        f.write(f"{r.indicator},{r.agency},{r.year},{number(actual)},{number(target)},{r.direction},"
                f"{number(ratio)},{r.status},{'true' if r.partial else 'false'}\n")

# How often float64 sums would have decided differently (for the record).
flips = 0
for (indicator, agency, year), g in df[df["direction"] == "increase"].groupby(["indicator", "agency", "year"]):
    vals = g["value"][g["value"] != ""].astype(float)
    t = g["target"].iloc[0]
    if len(vals) and t != "":
        exact = g["v"].dropna().sum() >= g["t"].iloc[0]
        if (vals.sum() >= float(t)) != exact:
            flips += 1
print(f"achievement: {len(res)} rows; float64 sums decide {flips} groups differently")

# ---------------------------------------------------------------- quarterly
qrows = []
line = 2
for i, (place, _) in enumerate(OFFICES):
    for year in range(2018, 2024):
        target = int(rng.integers(0, 30))
        last = 4 if year < 2023 else 3  # the current year runs to Q3
        gaps = [rng.random() < 0.05 for _ in range(4)]
        for q in range(1, 5):
            if q > last or gaps[q - 1]:
                continue
            qrows.append({"office": spelling(place, i + year + q), "year": year, "quarter": q,
                          "value": int(rng.integers(0, 12)), "target": target})
order = rng.permutation(len(qrows))  # the file is not sorted
qgen = pd.DataFrame(qrows).iloc[order]
qgen.to_csv(os.path.join(OUT, "generated-quarterly.csv"), index=False)

q = qgen.copy()
q["office"] = q["office"].map(lambda a: a if a.endswith("地方檢察署")
                              else OFFICIAL[a.replace("台", "臺").removesuffix("地檢署").removesuffix("地檢")])
lastq = q.groupby("year")["quarter"].max()
full = pd.MultiIndex.from_tuples(
    [(o, y, k) for o in q["office"].unique() for y in sorted(q["year"].unique()) for k in range(1, lastq[y] + 1)
     if ((q["office"] == o) & (q["year"] == y)).any()],
    names=["office", "year", "quarter"])
g = q.set_index(["office", "year", "quarter"]).reindex(full)
targets = q.groupby(["office", "year"])["target"].first()
g["target"] = [targets[(o, y)] for o, y, _ in g.index]
g["count"] = g["value"]
# Cumulative with missing-is-not-zero: NaN propagates from the first gap on.
g["cumulative"] = g.groupby(level=["office", "year"])["count"].transform(
    lambda s: s.cumsum().where(s.notna().cumprod().astype(bool)))
g = g.reset_index()

nat = []
for (year, quarter), h in g.groupby(["year", "quarter"]):
    nat.append({"office": "全國", "year": year, "quarter": quarter,
                "count": h["count"].sum() if h["count"].notna().all() else np.nan,
                "target": h["target"].sum()})
nat = pd.DataFrame(nat).sort_values(["year", "quarter"])
nat["cumulative"] = nat.groupby("year")["count"].transform(
    lambda s: s.cumsum().where(s.notna().cumprod().astype(bool)))

g["rank"] = g["office"].map(ORDER)
g = g.sort_values(["rank", "year", "quarter"])
allq = pd.concat([g, nat.assign(rank=99)], ignore_index=True)

with open(os.path.join(OUT, "expected-quarterly.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("agency,year,quarter,count,cumulative,target,cumulative_rate,expected_rate,pace,status\n")
    for r in allq.itertuples():
        k = int(r.quarter)
        count = None if pd.isna(r.count) else int(r.count)
        cum = None if pd.isna(r.cumulative) else int(r.cumulative)
        t = int(r.target)
        if cum is None:
            rate, pace, status = None, None, "incomplete"
        elif t == 0:
            rate, pace, status = None, None, "no-target"
        else:
            rate, pace = cum / t, (4 * cum) / (k * t)
            status = "on-track" if 4 * cum >= k * t else "behind"
        f.write(f"{r.office},{int(r.year)},{k},{number(count)},{number(cum)},{number(t)},{number(rate)},"
                f"{number(k / 4)},{number(pace)},{status}\n")
print(f"quarterly: {len(qgen)} input rows, {len(allq)} output rows")
