#!/usr/bin/env python3
"""Agency-file fixtures for the reader (issue 4), and what pandas reads from them.

Writes Tests/Fixtures/reader/<name>.csv the way real agency files are written
(Big5 via Python's cp950 codec, UTF-8 with BOM and CRLF, a wide table with title and
footnote lines, quoted thousands, every period spelling), then reads each back with
pandas using the options a pandas user needs for it, converts to the canonical long
form with the conversions spelled out below, and writes <name>.pandas.csv (UTF-8):
    indicator,agency,year,quarter,month,value,target,line
Those files are the external truth the Swift tests compare ObservationReader with.

Pinned: Python 3, pandas 3.1.1, numpy 2.4.6.   Run: python3 reader_fixtures.py
"""
import csv, io, os, re
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "reader")
os.makedirs(OUT, exist_ok=True)
assert pd.__version__.startswith("3."), pd.__version__


def write(name, text, encoding="utf-8", newline="\n", bom=False):
    data = text.replace("\n", newline).encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def save_expected(name, rows):
    cols = ["indicator", "agency", "year", "quarter", "month", "value", "target", "line"]
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow(["" if r.get(c) is None or (isinstance(r.get(c), float) and r[c] != r[c]) else
                        (repr(float(r[c])) if c in ("value", "target") else r[c]) for c in cols])


# ---------------------------------------------------------------- 1. Big5 (cp950)
# ROC years, quarters written as 第三季/Q4/3, quoted thousands, CP950-only characters
# (碁 = F9D6 is in CP950's ETEN extension; 恒 is common), a dash and an ellipsis.
big5 = """指標,機關,年度,季別,實際值,目標值
目標案件數,臺灣臺北地方檢察署,112,第1季,"1,234",5000
目標案件數,臺灣臺北地方檢察署,112,第二季,"2,001",5000
目標案件數,臺灣臺北地方檢察署,112,Q3,－,5000
目標案件數,臺灣臺北地方檢察署,112,4,…,5000
宣導場次,碁恒機關,111,1,15,60
"""
write("big5_quarterly.csv", big5, encoding="cp950", newline="\r\n")
df = pd.read_csv(os.path.join(OUT, "big5_quarterly.csv"), encoding="cp950", thousands=",",
                 na_values=["…"], keep_default_na=True, dtype={"季別": str})
qmap = {"第1季": 1, "第二季": 2, "Q3": 3, "4": 4, "1": 1}
rows = []
for i, r in df.iterrows():
    v = r["實際值"]
    # A column holding "－" stays text in pandas, so its thousands separators stay too.
    v = 0.0 if v == "－" else (None if pd.isna(v) else float(str(v).replace(",", "")))  # － = 0
    rows.append(dict(indicator=r["指標"], agency=r["機關"], year=int(r["年度"]) + 1911,
                     quarter=qmap[r["季別"]], value=v, target=float(r["目標值"]), line=i + 2))
save_expected("big5_quarterly.pandas.csv", rows)

# ---------------------------------------------------------------- 2. UTF-8 BOM + CRLF
# 金額(千元): figures are thousands of NT$; tidy reports 元 (×1000).
bom = """年度,機關,金額(千元)
110,法務部廉政署,"12,345.6"
111,法務部廉政署,"1,000"
112,法務部廉政署,...
"""
write("utf8_bom_crlf.csv", bom, newline="\r\n", bom=True)
df = pd.read_csv(os.path.join(OUT, "utf8_bom_crlf.csv"), encoding="utf-8-sig", thousands=",",
                 na_values=["..."])
rows = [dict(agency=r["機關"], year=int(r["年度"]) + 1911,
             value=None if pd.isna(r["金額(千元)"]) else float(r["金額(千元)"]) * 1000, line=i + 2)
        for i, r in df.iterrows()]
save_expected("utf8_bom_crlf.pandas.csv", rows)

# ---------------------------------------------------------------- 3. Wide with title and footnotes
wide = """各地方檢察署檢察官結案情形概況表
單位:件
項目,107年,108年,109年
受理件數,"436,115","456,142","478,219"
終結件數,"393,998",－,"425,454"
年底未結件數,"42,117","46,009",…
註：「－」表示無資料
資料來源：法務部統計處
"""
write("wide_footnotes.csv", wide)
df = pd.read_csv(os.path.join(OUT, "wide_footnotes.csv"), skiprows=2, skipfooter=2, engine="python",
                 thousands=",", na_values=["…"])
long = df.melt(id_vars=["項目"], var_name="period", value_name="v")
rows = []
for _, r in long.iterrows():
    row_index = list(df["項目"]).index(r["項目"])
    v = r["v"]
    v = 0.0 if v == "－" else (None if pd.isna(v) else float(str(v).replace(",", "")))
    rows.append(dict(indicator=r["項目"], year=int(r["period"].rstrip("年")) + 1911, value=v,
                     line=4 + row_index))
rows.sort(key=lambda r: (r["line"], r["year"]))
save_expected("wide_footnotes.pandas.csv", rows)

# ---------------------------------------------------------------- 4. Every period spelling
spellings = [
    ("2023", 2023, None, None), ("112", 2023, None, None), ("112年", 2023, None, None),
    ("民國112年", 2023, None, None), ("2023Q3", 2023, 3, None), ("2023-Q3", 2023, 3, None),
    ("112Q3", 2023, 3, None), ("112年第3季", 2023, 3, None), ("112年第三季", 2023, 3, None),
    ("112年1-3月", 2023, 1, None), ("112年1至3月", 2023, 1, None), ("112年7月", 2023, None, 7),
    ("2023-07", 2023, None, 7), ("99年", 2010, None, None), ("１１２年", 2023, None, None),
]
text = "期間,數值\n" + "".join(f"{s},{k + 1}\n" for k, (s, *_r) in enumerate(spellings))
write("periods.csv", text)
df = pd.read_csv(os.path.join(OUT, "periods.csv"), dtype={"期間": str})
assert list(df["期間"]) == [s for s, *_ in spellings]
rows = [dict(year=y, quarter=q, month=m, value=float(df["數值"][k]), line=k + 2)
        for k, (_s, y, q, m) in enumerate(spellings)]
save_expected("periods.pandas.csv", rows)

# ---------------------------------------------------------------- 5. Quoted thousands and signs
numbers = """年度,實際值,目標值
100,"1,234,567","2,000,000"
101,"-175,638",0
102,"+1,000",10
103,1.5e3,"1,500"
104,"12,345.75",1
"""
write("quoted_thousands.csv", numbers)
df = pd.read_csv(os.path.join(OUT, "quoted_thousands.csv"), thousands=",")
rows = [dict(year=int(r["年度"]) + 1911, value=float(r["實際值"]), target=float(r["目標值"]), line=i + 2)
        for i, r in df.iterrows()]
save_expected("quoted_thousands.pandas.csv", rows)

print("wrote", sorted(os.listdir(OUT)))
