"""The polars contestant of the trend benchmarks: a closed-form least-squares line per
(indicator, agency) over complete years (four quarters), slope and R² only.

    python3 Benchmarks/trends/polars_trend.py FILE OUT     # whole process, for /usr/bin/time

`compare.py` times the same function in-process (`closed_form`).
"""
import sys

import polars as pl


def closed_form(file):
    df = pl.read_csv(file)
    y = (df.group_by(["indicator", "agency", "year"]).agg(pl.col("value").sum().cast(pl.Float64).alias("y"), pl.len().alias("q"))
         .filter(pl.col("q") == 4)
         .with_columns((pl.col("year") - pl.col("year").min().over(["indicator", "agency"])).cast(pl.Float64).alias("x")))
    s = y.group_by(["indicator", "agency"]).agg(
        n=pl.len().cast(pl.Float64), sx=pl.col("x").sum(), sy=pl.col("y").sum(), sxx=(pl.col("x") ** 2).sum(),
        syy=(pl.col("y") ** 2).sum(), sxy=(pl.col("x") * pl.col("y")).sum())
    s = s.with_columns(
        slope=(pl.col("n") * pl.col("sxy") - pl.col("sx") * pl.col("sy")) / (pl.col("n") * pl.col("sxx") - pl.col("sx") ** 2))
    s = s.with_columns(r2=(pl.col("n") * pl.col("sxy") - pl.col("sx") * pl.col("sy")) ** 2
                       / ((pl.col("n") * pl.col("sxx") - pl.col("sx") ** 2) * (pl.col("n") * pl.col("syy") - pl.col("sy") ** 2)))
    return s


if __name__ == "__main__":
    closed_form(sys.argv[1]).write_csv(sys.argv[2])
