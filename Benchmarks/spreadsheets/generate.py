#!/usr/bin/env python3
# Generates the spreadsheet benchmark of issue 16: one indicator table of ROWS rows
# (default 100,000) as CSV, then .xlsx and .ods made from it by LibreOffice:
#   指標,機關,年度,實際值,目標值,單位,指標方向
# 40 indicators x 250 agencies x 10 ROC years (104..113), figures with thousands
# separators as agencies write them ("1,234"), a dash for none now and then.
# Deterministic (seed 16). Data is never committed.
#
#     python3 Benchmarks/spreadsheets/generate.py /tmp/sheets [ROWS]
#
# Needs: libreoffice-calc-nogui (LibreOffice 7.4, Debian 12).
import csv
import os
import random
import subprocess
import sys
import tempfile

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/sheets"
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
os.makedirs(out, exist_ok=True)
rng = random.Random(16)
indicators = [f"{s}-{m} 指標{s}{m:02d}" for s in range(1, 9) for m in range(1, 6)]
agencies = [f"機關{i:03d}" for i in range(250)]
csv_path = os.path.join(out, "indicators.csv")
with open(csv_path, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["指標", "機關", "年度", "實際值", "目標值", "單位", "指標方向"])
    for i in range(rows):
        ind = indicators[i // 2500 % 40]
        ag = agencies[i // 10 % 250]
        year = 104 + i % 10
        actual = rng.randint(0, 5000)
        target = rng.randint(1, 5000)
        w.writerow([ind, ag, year, "－" if rng.random() < 0.01 else f"{actual:,}", f"{target:,}", "件",
                    "正向" if rng.random() < 0.8 else "負向"])
with tempfile.TemporaryDirectory() as profile:
    for fmt in ("xlsx", "ods"):
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--infilter=CSV:44,34,76,1", "--convert-to", fmt, "--outdir", out, csv_path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for name in ("indicators.csv", "indicators.xlsx", "indicators.ods"):
    print(name, os.path.getsize(os.path.join(out, name)), "bytes")
