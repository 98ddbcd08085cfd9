#!/usr/bin/env python3
# Times `integrity-stats tidy` on the generated .xlsx and .ods (generate.py) against
# pandas `read_excel(engine="calamine")` plus the same normalisation `tidy` does on
# this shape (headers to canonical names, ROC years to Gregorian, "1,234" and the dash
# to numbers, the unit and direction kept, the source line), each written as CSV.
# Runs each tool RUNS times (default 3) and prints min–max wall seconds; the machine
# is shared, so give the range. Release build first: swift build -c release.
#
#     python3 Benchmarks/spreadsheets/compare.py /tmp/sheets [RUNS]
#
# Pinned: pandas 3.1.1, python-calamine 0.9.1.
import os
import subprocess
import sys
import time

folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/sheets"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
# INTEGRITY_STATS=/path/to/binary to time another build (e.g. the one before a change).
binary = os.environ.get("INTEGRITY_STATS", os.path.join(root, ".build", "release", "integrity-stats"))

PANDAS = r'''
import sys, pandas as pd
src, dst = sys.argv[1], sys.argv[2]
df = pd.read_excel(src, engine="calamine", dtype=str, keep_default_na=False)
def number(s):
    s = s.str.replace(",", "", regex=False).str.strip()
    s = s.mask(s.isin(["－", "-", "—"]), "0")
    return pd.to_numeric(s, errors="raise")
year = pd.to_numeric(df["年度"].str.replace("年", "", regex=False))
out = pd.DataFrame({
    "indicator": df["指標"], "agency": df["機關"],
    "year": year.where(year >= 1000, year + 1911),
    "value": number(df["實際值"]), "target": number(df["目標值"]),
    "unit": df["單位"], "direction": df["指標方向"].map({"正向": "increase", "負向": "decrease"}),
    "revised": False, "line": range(2, len(df) + 2)})
out.to_csv(dst, index=False)
'''


def timed(command):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times), max(times)


for fmt in ("xlsx", "ods"):
    src = os.path.join(folder, f"indicators.{fmt}")
    ours = timed([binary, "tidy", src, "-o", os.path.join(folder, f"ours.{fmt}.csv")])
    theirs = timed([sys.executable, "-c", PANDAS, src, os.path.join(folder, f"pandas.{fmt}.csv")])
    print(f"{fmt}: integrity-stats tidy {ours[0]:.2f}–{ours[1]:.2f} s; "
          f"pandas+calamine {theirs[0]:.2f}–{theirs[1]:.2f} s; "
          f"ratio (ours max / pandas min) {ours[1] / theirs[0]:.2f}")
csv = os.path.join(folder, "indicators.csv")
print("csv: integrity-stats tidy %.2f–%.2f s" % timed([binary, "tidy", csv, "-o", os.path.join(folder, "ours.csv.csv")]))
