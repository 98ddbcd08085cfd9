#!/usr/bin/env python3
# The same work as `integrity-stats achievement` / `quarterly` on the generated file,
# in polars (lazy), DuckDB and pandas, for Benchmarks/indicators/compare.sh.
#
#     python3 others.py TOOL COMMAND INPUT OUTPUT     TOOL: polars|duckdb|pandas
#                                                     COMMAND: achievement|quarterly
#     python3 others.py polars achievement-VARIANT INPUT OUTPUT
#                                  VARIANT: unit|direction|big5 (generate.py's variants)
#
# The variants (issue 13), polars lazy only: `unit` scales value and target by the unit
# column (千元 ×1000, 件 ×1) before summing; `direction` turns the ratio round for 負向
# (target / actual, so the same thresholds mean actual ≤ target); `big5` decodes CP950 in
# the process (polars reads only UTF-8), renames the Chinese headers, ROC year + 1911,
# the quarter digit out of 第3季, and figures without their thousands separators.
#
# achievement: per (indicator, agency, year) sum of quarters, the annual target
# (first), ratio = actual/target, status by ratio (≥ 1 achieved, ≥ 0.9 near),
# partial = fewer than 4 figures; sorted; CSV out.
# quarterly: per (indicator, agency, year, quarter) cumulative sum within the year,
# cumulative_rate, expected_rate = q/4, pace, status; CSV out. (These tools use float
# sums; they do not reproduce the exact-decimal thresholds or missing-quarter rule.)
# Pinned: polars 2.1.0, duckdb 2.0.1, pandas 3.1.1.
import sys

tool, command, src, dst = sys.argv[1:5]

if tool == "polars":
    import polars as pl

    ratio = pl.col("actual") / pl.col("target")
    keys = ["indicator", "agency", "year"]
    if command == "achievement-big5":
        import io
        text = open(src, "rb").read().decode("cp950").encode()
        lf = (pl.scan_csv(io.BytesIO(text), schema_overrides={"實際值": pl.String, "目標值": pl.String})
              .rename({"指標": "indicator", "機關": "agency", "年度": "year", "季別": "quarter",
                       "實際值": "value", "目標值": "target"})
              .with_columns(pl.col("year") + 1911,
                            pl.col("quarter").str.extract(r"(\d)").cast(pl.Int32),
                            pl.col("value").str.replace_all(",", "").cast(pl.Float64),
                            pl.col("target").str.replace_all(",", "").cast(pl.Float64)))
        command = "achievement"
    elif command == "achievement-unit":
        scale = pl.when(pl.col("unit") == "千元").then(1000.0).otherwise(1.0)
        lf = pl.scan_csv(src).with_columns(pl.col("value") * scale, pl.col("target") * scale)
        command = "achievement"
    elif command == "achievement-direction":
        lf = pl.scan_csv(src)
        keys = keys + ["direction"]
        ratio = (pl.when(pl.col("direction") == "負向").then(pl.col("target") / pl.col("actual"))
                 .otherwise(pl.col("actual") / pl.col("target")))
        command = "achievement"
    else:
        lf = pl.scan_csv(src)
    if command == "achievement":
        q = (lf.group_by(keys)
             .agg(pl.col("value").sum().alias("actual"), pl.col("target").first(),
                  pl.col("value").count().alias("n"))
             .with_columns(ratio.alias("ratio"))
             .with_columns(pl.when(pl.col("ratio") >= 1).then(pl.lit("achieved"))
                           .when(pl.col("ratio") >= 0.9).then(pl.lit("near"))
                           .otherwise(pl.lit("behind")).alias("status"),
                           (pl.col("n") < 4).alias("partial"))
             .drop("n").sort(["indicator", "agency", "year"]))
    else:
        q = (lf.sort(["indicator", "agency", "year", "quarter"])
             .with_columns(pl.col("value").cum_sum().over(["indicator", "agency", "year"]).alias("cumulative"))
             .with_columns((pl.col("cumulative") / pl.col("target")).alias("cumulative_rate"),
                           (pl.col("quarter") / 4).alias("expected_rate"))
             .with_columns((pl.col("cumulative_rate") / pl.col("expected_rate")).alias("pace"))
             .with_columns(pl.when(pl.col("pace") >= 1).then(pl.lit("on-track")).otherwise(pl.lit("behind"))
                           .alias("status")))
    q.sink_csv(dst)
elif tool == "duckdb":
    import duckdb

    con = duckdb.connect()
    if command == "achievement":
        sql = f"""
        COPY (SELECT indicator, agency, year, sum(value) AS actual, first(target) AS target,
                     sum(value) / first(target) AS ratio,
                     CASE WHEN sum(value) / first(target) >= 1 THEN 'achieved'
                          WHEN sum(value) / first(target) >= 0.9 THEN 'near' ELSE 'behind' END AS status,
                     count(value) < 4 AS partial
              FROM read_csv('{src}') GROUP BY ALL ORDER BY indicator, agency, year) TO '{dst}' (HEADER)"""
    else:
        sql = f"""
        COPY (SELECT *, cumulative / target AS cumulative_rate, quarter / 4 AS expected_rate,
                     (cumulative / target) / (quarter / 4) AS pace,
                     CASE WHEN (cumulative / target) / (quarter / 4) >= 1 THEN 'on-track' ELSE 'behind' END AS status
              FROM (SELECT agency, indicator, year, quarter, value, target,
                           sum(value) OVER (PARTITION BY indicator, agency, year ORDER BY quarter) AS cumulative
                    FROM read_csv('{src}'))
              ORDER BY indicator, agency, year, quarter) TO '{dst}' (HEADER)"""
    con.execute(sql)
else:
    import pandas as pd

    df = pd.read_csv(src)
    if command == "achievement":
        out = (df.groupby(["indicator", "agency", "year"], sort=True)
               .agg(actual=("value", "sum"), target=("target", "first"), n=("value", "count")).reset_index())
        out["ratio"] = out["actual"] / out["target"]
        out["status"] = "behind"
        out.loc[out["ratio"] >= 0.9, "status"] = "near"
        out.loc[out["ratio"] >= 1, "status"] = "achieved"
        out["partial"] = out["n"] < 4
        out.drop(columns="n").to_csv(dst, index=False)
    else:
        df = df.sort_values(["indicator", "agency", "year", "quarter"])
        df["cumulative"] = df.groupby(["indicator", "agency", "year"])["value"].cumsum()
        df["cumulative_rate"] = df["cumulative"] / df["target"]
        df["expected_rate"] = df["quarter"] / 4
        df["pace"] = df["cumulative_rate"] / df["expected_rate"]
        df["status"] = (df["pace"] >= 1).map({True: "on-track", False: "behind"})
        df.to_csv(dst, index=False)
