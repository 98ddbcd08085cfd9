#!/usr/bin/env python3
"""Generate IntegrityStats' synthetic SampleData files (deterministic, standard library only).

Usage:  python3 SampleData/generate.py            (writes beside this script)
        python3 SampleData/generate.py --check    (exit 1 if a committed file differs)

Every figure here is INVENTED: drawn from a seeded pseudo-random generator around plausible
levels. The files imitate the SHAPES agencies send (Big5 with Chinese headers and ROC years,
quarterly submissions with a missing quarter, a wide yearly table with title and footnote
lines, a survey table with sample sizes), never real statistics. Indicator names follow the
targets (績效目標) of the National Integrity Building Action Plan (國家廉政建設行動方案); the id
before each name is strategy-measure in the plan (e.g. 8-5 = strategy 8, measure (五)).

Python 3.9+; no third-party packages. Re-running gives byte-identical files.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20241125

# The 22 district prosecutors offices (地方檢察署), in the Ministry of Justice's usual order.
DISTRICT_OFFICES = [
    "臺灣臺北地方檢察署", "臺灣新北地方檢察署", "臺灣士林地方檢察署", "臺灣桃園地方檢察署",
    "臺灣新竹地方檢察署", "臺灣苗栗地方檢察署", "臺灣臺中地方檢察署", "臺灣南投地方檢察署",
    "臺灣彰化地方檢察署", "臺灣雲林地方檢察署", "臺灣嘉義地方檢察署", "臺灣臺南地方檢察署",
    "臺灣橋頭地方檢察署", "臺灣高雄地方檢察署", "臺灣屏東地方檢察署", "臺灣臺東地方檢察署",
    "臺灣花蓮地方檢察署", "臺灣宜蘭地方檢察署", "臺灣基隆地方檢察署", "臺灣澎湖地方檢察署",
    "福建金門地方檢察署", "福建連江地方檢察署",
]

# Relative size of each office (larger metropolitan offices handle more cases).
OFFICE_WEIGHT = [
    1.6, 1.8, 1.0, 1.4, 0.8, 0.6, 1.7, 0.6, 0.9, 0.7, 0.8, 1.3,
    0.9, 1.5, 0.8, 0.4, 0.5, 0.6, 0.5, 0.3, 0.3, 0.2,
]


def poisson(rng: random.Random, lam: float) -> int:
    """Knuth's multiplication method; fine for the small means used here."""
    if lam <= 0:
        return 0
    if lam > 40:  # normal approximation keeps the loop short for large means
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def thousands(n: int) -> str:
    return f"{n:,}"


def csv_line(cells: list[str]) -> str:
    """RFC 4180: quote a cell holding a comma, quote or line break."""
    out = []
    for c in cells:
        if any(ch in c for ch in ',"\r\n'):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return ",".join(out)


# ---------------------------------------------------------------------------------------------
# 1. Yearly indicators, Big5 (CP950), Chinese headers, ROC years, CRLF (as exported by Excel).
# ---------------------------------------------------------------------------------------------

YEARLY_INDICATORS = [
    # (indicator, agencies with target level, unit, direction, kind)
    ("8-5 起訴貪瀆案件數", [("臺灣臺北地方檢察署", 30), ("臺灣臺中地方檢察署", 28),
                            ("臺灣高雄地方檢察署", 25)], "件", "正向", "count"),
    ("2-1 財產申報及利益衝突迴避宣導說明會場次", [("法務部廉政署", 40), ("監察院", 24)],
     "場次", "正向", "count"),
    ("2-3 遊說法宣導及教育訓練場次", [("內政部", 12)], "場次", "正向", "count"),
    ("5-1 反貪宣導系列活動場次", [("法務部廉政署", 120), ("教育部", 60)], "場次", "正向", "count"),
    ("8-3 貪瀆案件定罪率", [("法務部", 70)], "%", "正向", "rate"),
    ("9-4 查扣貪瀆案件不法所得金額", [("法務部檢察司", 900000)], "千元", "正向", "amount"),
    ("8-8 檢舉人身分外洩件數", [("法務部廉政署", 0), ("法務部調查局", 0)], "件", "不發生", "zero"),
    ("8-1 揭弊者保護法草案完成立法", [("法務部廉政署", None)], "", "里程碑", "milestone"),
]
YEARLY_ROC = list(range(108, 114))  # 108年–113年 = 2019–2024


def yearly_indicators(rng: random.Random) -> bytes:
    lines = [csv_line(["指標", "機關", "年度", "實際值", "目標值", "單位", "指標方向"])]
    for name, agencies, unit, direction, kind in YEARLY_INDICATORS:
        for agency, level in agencies:
            for i, roc in enumerate(YEARLY_ROC):
                if kind == "count":
                    target = int(round(level * (1 + 0.03 * i)))
                    actual_n = poisson(rng, target * rng.uniform(0.82, 1.22))
                    actual, target_s = str(actual_n), str(target)
                elif kind == "rate":
                    target_s = str(level)
                    actual = f"{rng.uniform(64.0, 78.0):.1f}"
                elif kind == "amount":
                    target = level + 50000 * i
                    actual = thousands(int(round(target * rng.uniform(0.7, 1.45), -2)))
                    target_s = thousands(target)
                elif kind == "zero":
                    target_s = "0"
                    # A dash is "none" (= 0) in MOJ's statistical tables; one leak in one year.
                    actual = "1" if (agency == "法務部調查局" and roc == 110) else "-"
                else:  # milestone: the draft law passed in 112年
                    target_s = "完成"
                    actual = "完成" if roc >= 112 else "未完成"
                lines.append(csv_line([name, agency, str(roc), actual, target_s, unit, direction]))
    # One submission not yet received: 實際值 not available (…), as in MOJ's symbol legend.
    lines.append(csv_line(["8-5 起訴貪瀆案件數", "臺灣花蓮地方檢察署", "113", "…", "12", "件", "正向"]))
    text = "\r\n".join(lines) + "\r\n"
    return text.encode("cp950")


# ---------------------------------------------------------------------------------------------
# 2. Quarterly target cases (目標案件, measure 8-6) of the 22 district offices, UTF-8.
# ---------------------------------------------------------------------------------------------

QUARTERLY_ROC = [112, 113]
MISSING_QUARTER = ("臺灣南投地方檢察署", 113, 2)


def quarterly_target_cases(rng: random.Random) -> bytes:
    lines = [csv_line(["地檢署", "年度", "季別", "件數", "目標值"])]
    for office, weight in zip(DISTRICT_OFFICES, OFFICE_WEIGHT):
        for roc in QUARTERLY_ROC:
            annual_target = max(2, int(round(8 * weight)))
            pace = rng.uniform(0.75, 1.3)
            for q in range(1, 5):
                count = poisson(rng, annual_target * pace / 4)
                value = "…" if (office, roc, q) == MISSING_QUARTER else str(count)
                # The annual target repeated on every quarter row, as offices submit it.
                lines.append(csv_line([office, str(roc), f"第{q}季", value, str(annual_target)]))
    return ("\n".join(lines) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# 3. Case records for `classify` (target-case rule), UTF-8 with BOM (Excel's "CSV UTF-8").
# ---------------------------------------------------------------------------------------------

GRADES = [
    ("簡任第十二職等", 1), ("簡任第十一職等", 2), ("簡任第十職等", 4), ("10", 1),
    ("薦任第九職等", 6), ("9", 2), ("薦任第七職等", 8), ("委任第五職等", 6), ("委任第三職等", 3),
]


def case_records(rng: random.Random) -> bytes:
    lines = [csv_line(["case_id", "地檢署", "期間", "grade", "defendants", "illicit_gain(千元)"])]
    grade_pool = [g for g, w in GRADES for _ in range(w)]
    serial = 0
    for roc in (113,):
        for q in range(1, 5):
            for office in rng.sample(DISTRICT_OFFICES, 6):
                serial += 1
                grade = rng.choice(grade_pool)
                defendants = rng.choice([1, 1, 1, 2, 2, 3, 4, 6])
                gain = int(round(math.exp(rng.uniform(math.log(80), math.log(40000))), -1))
                lines.append(csv_line([f"SYN-{roc}-{serial:04d}", office, f"{roc}年第{q}季",
                                       grade, str(defendants), thousands(gain)]))
    # Boundary cases, stated exactly: grade 10 exactly; 3 persons exactly; NT$10,000,000 exactly.
    for grade, defendants, gain in [("簡任第十職等", 1, 500), ("薦任第八職等", 3, 120),
                                    ("委任第四職等", 1, 10000), ("薦任第九職等", 2, 9999)]:
        serial += 1
        lines.append(csv_line([f"SYN-113-{serial:04d}", "臺灣臺北地方檢察署", "113年第4季",
                               grade, str(defendants), thousands(gain)]))
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# 4. Wide yearly table: indictments and seized illicit assets, 103年–113年, title + footnotes.
# ---------------------------------------------------------------------------------------------

WIDE_ROC = list(range(103, 114))


def wide_indictments(rng: random.Random) -> bytes:
    header = ["項目"] + [f"{y}年" for y in WIDE_ROC]
    indicted, seized = [], []
    for i, _ in enumerate(WIDE_ROC):
        indicted.append(poisson(rng, 380 * math.exp(-0.035 * i)))
        seized.append(int(round(1_100_000 * math.exp(0.04 * i) * rng.uniform(0.6, 1.5), -3)))
    indicted_cells = [str(v) for v in indicted]
    seized_cells = [thousands(v) for v in seized]
    indicted_cells[-2] += "r"  # 112年 revised after the first release
    lines = [
        csv_line(["表1　貪瀆案件起訴件數及查扣不法所得金額（合成資料）"]),
        csv_line(header),
        csv_line(["起訴貪瀆案件數"] + indicted_cells),
        csv_line(["查扣不法所得金額(千元)"] + seized_cells),
        csv_line(["註：1. 本表為合成資料，由 SampleData/generate.py 產生，非真實統計。"]),
        csv_line(["　　2. 數字後加註 r 者為修正數。"]),
        csv_line(["資料來源：IntegrityStats 範例資料（合成）。"]),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------
# 5. Integrity opinion survey (廉政民意調查, measure 3-3): percentages with sample sizes.
# ---------------------------------------------------------------------------------------------

SURVEY_ROC = list(range(106, 114))
SURVEY_SERIES = [
    ("3-3 民眾認為公務員清廉的比例", 0.36, 0.012),
    ("3-3 民眾認為政府防治貪腐有成效的比例", 0.48, 0.008),
]


def survey(rng: random.Random) -> bytes:
    lines = [csv_line(["年度", "指標", "百分比", "樣本數"])]
    for roc in SURVEY_ROC:
        n = rng.randint(1068, 1112)
        for name, base, drift in SURVEY_SERIES:
            p = base + drift * (roc - SURVEY_ROC[0]) + rng.gauss(0, 0.015)
            yes = int(round(p * n))
            lines.append(csv_line([str(roc), name, f"{100 * yes / n:.1f}%", thousands(n)]))
    return ("\n".join(lines) + "\n").encode("utf-8")


FILES = [
    ("synthetic_yearly_indicators_big5.csv", yearly_indicators),
    ("synthetic_target_cases_quarterly.csv", quarterly_target_cases),
    ("synthetic_case_records.csv", case_records),
    ("synthetic_indictments_seizures_wide.csv", wide_indictments),
    ("synthetic_integrity_survey.csv", survey),
]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    differ = 0
    for name, make in FILES:
        # One generator per file, seeded from the file name: adding a file never shifts another.
        rng = random.Random(f"{SEED}:{name}")
        data = make(rng)
        path = HERE / name
        if check:
            if not path.exists() or path.read_bytes() != data:
                print(f"differs: {name}", file=sys.stderr)
                differ += 1
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(HERE.parent)} ({len(data)} bytes)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
