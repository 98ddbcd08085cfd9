#!/usr/bin/env python3
"""Generates a 1,000,000-row Big5 (CP950) agency file for the reader benchmark.

Columns: indicator,agency,year,quarter,value,target — Chinese indicator and agency
names, ROC years (105–113) and quarters written 第1季…第4季, figures with quoted
thousands separators ("12,345"), CRLF line ends as Excel writes them. Deterministic
(seeded). Output: data/big5_1m.csv (about 60 MB, never committed).

Usage: python3 generate.py [ROWS] [PATH] [unit]      (stdlib only)

With `unit` (issue 13) the file gains a 單位 column: 件 for counts, 千元 for 查扣不法所得金額
(a money indicator, its figures scaled ×1000 by the reader); bench.sh writes it to
data/big5_1m_unit.csv.
"""
import os, random, sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
here = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "data", "big5_1m.csv")
os.makedirs(os.path.dirname(path), exist_ok=True)

rng = random.Random(20231125)
indicators = ["目標案件起訴件數", "受理檢舉件數", "查扣不法所得金額", "遊說登記案件", "廉政倫理事件登錄", "宣導說明會場次"]
places = ["臺北", "新北", "士林", "桃園", "新竹", "苗栗", "臺中", "南投", "彰化", "雲林", "嘉義",
          "臺南", "橋頭", "高雄", "屏東", "臺東", "花蓮", "宜蘭", "基隆", "澎湖", "金門", "連江"]
agencies = [("福建" if p in ("金門", "連江") else "臺灣") + p + "地方檢察署" for p in places]
quarters = ["第1季", "第2季", "第3季", "第4季"]

unit = len(sys.argv) > 3 and sys.argv[3] == "unit"
out = ["指標,機關,年度,季別,實際值,目標值" + (",單位" if unit else "")]
for i in range(rows):
    value = rng.randint(0, 2_000_000)
    target = rng.randint(1, 2_000_000)
    out.append(f'{indicators[i % 6]},{agencies[(i // 6) % 22]},{105 + (i // 528) % 9},{quarters[(i // 132) % 4]},'
               f'"{value:,}","{target:,}"' + ((",千元" if i % 6 == 2 else ",件") if unit else ""))
with open(path, "wb") as f:
    f.write(("\r\n".join(out) + "\r\n").encode("cp950"))
print(path, os.path.getsize(path), "bytes")
