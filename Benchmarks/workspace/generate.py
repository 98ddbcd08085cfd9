#!/usr/bin/env python3
"""Generates 1,000,000 observations for the workspace import benchmark.

Columns: indicator,agency,year,quarter,value,target — 500 indicators × the 22 prosecutors
offices × 23 ROC years (90–112) × 4 quarters, the first ROWS of them, so every row is a
distinct figure (no resubmission inside the file). UTF-8, LF, plain numbers. Deterministic
(seeded). Output: data/observations_1m.csv (about 50 MB, never committed).

Usage: python3 generate.py [ROWS] [PATH]      (stdlib only)
"""
import os, random, sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
here = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "data", "observations_1m.csv")
os.makedirs(os.path.dirname(path), exist_ok=True)

rng = random.Random(20261205)
places = ["臺北", "新北", "士林", "桃園", "新竹", "苗栗", "臺中", "南投", "彰化", "雲林", "嘉義",
          "臺南", "橋頭", "高雄", "屏東", "臺東", "花蓮", "宜蘭", "基隆", "澎湖", "金門", "連江"]
agencies = [("福建" if p in ("金門", "連江") else "臺灣") + p + "地方檢察署" for p in places]

out = ["indicator,agency,year,quarter,value,target"]
i = 0
for ind in range(500):
    for agency in agencies:
        for year in range(90, 113):
            for q in range(1, 5):
                if i == rows:
                    break
                out.append(f"指標{ind:04d},{agency},{year},{q},{rng.randint(0, 2_000_000)},{rng.randint(1, 2_000_000)}")
                i += 1
with open(path, "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(out) + "\n")
print(path, os.path.getsize(path), "bytes,", i, "rows")
