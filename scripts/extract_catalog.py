#!/usr/bin/env python3
"""Extract the Action Plan catalog (Sources/IntegrityActionPlan/Resources/catalog.tsv).

Usage (from the package root; standard library only, Python >= 3.9):

    python3 scripts/extract_catalog.py \
        Tests/Fixtures/reference/action-plan/000_6bac756fe4f12e99.txt \
        > Sources/IntegrityActionPlan/Resources/catalog.tsv

Input: the approved text of 國家廉政建設行動方案（核定本） as published (Markdown with HTML
left over from its tables). Output: one TSV row per numbered performance target (績效目標),
UTF-8, LF line ends, a header line first. A revised plan is loaded the same way; the script
checks what it can (strategies match section 參, measures and numbered targets run 1, 2, 3, …
without gaps) and stops with a message naming the line when the text does not fit.

How the table is read
---------------------
The table of concrete actions (section 肆、具體作為) has four tab-separated columns:
strategy (具體策略), measure (執行措施), targets (績效目標), agencies (辦理機關). It is split across
pages; every page repeats the header line `具體策略	執行措施	績效目標	辦理機關`, which is skipped.
* A strategy cell `一、…。` starts strategy 1, and so on.
* A measure cell holds measure markers `(一)`, `(二)`, … Only the marker with the next expected
  number starts a measure (so a `(三)` quoted inside a text would not). Text before the first
  marker of a cell continues the current measure's text (a page break mid-sentence). A cell can
  hold the tail of one measure and the start of the next (strategy 6, measures 2 and 3).
* A row whose strategy cell holds a measure marker is shifted one column left in the source
  (strategy 7, measure 5); it is shifted back.
* The target and agency cells of a row belong to the last measure started in that row, or, when
  the row starts none, to the current measure (a continuation row).
* A measure marker or target number out of sequence (a gap, a repeat) stops the script: it
  would otherwise be read as text of the previous measure or target.
* Targets are numbered `1.`, `2.`, … Only the next expected number starts a target. Text before
  the first number of a cell continues the last target (a page break mid-sentence). A measure
  whose target is not numbered has one target, index 1.
* Pieces of one text joined across a page break are concatenated without a space (Chinese has
  none), except between two ASCII letters or digits. Inside a cell, runs of white space (also the
  space between HTML paragraphs) become one space. Target and measure texts are otherwise the
  plan's own characters (full-width parentheses kept).

Columns
-------
strategy            1–9
strategy_name       the plan's name of the strategy, without the final 。
strategy_name_en    our English gloss (GLOSSES below; empty, with a warning, if the plan's
                    name differs from the one glossed)
measure             the measure's number within its strategy, 1, 2, …
measure_text        the measure (執行措施) without its `(一)` marker
target_no           strategy-measure-index, e.g. 8-6-1: index is the target's number in the
                    plan's list, or 1 for a measure with a single, unnumbered target
target              the target (績效目標) without its `1.` number
lead_agencies       lead agencies (主辦), `;`-separated; supporting_agencies likewise (協辦).
supporting_agencies An agency cell without the labels 主辦機關/協辦機關 lists lead agencies only.
                    A cell scoped by `績效目標 1 至 5 …` / `績效目標 6 …` (strategy 1, measure 1)
                    applies each part to those targets only. Names are split at 、 outside
                    parentheses; full-width （） become ASCII (); a final 。 is dropped.
frequency, kind, direction: inferred from the target's text by the first rule that matches:

frequency   quarterly   contains 每季
            yearly      contains 每年 or 全年度
            biennial    contains 每二年, 每2年 or 每兩年
            periodic    contains 定期 ("regularly": a recurring task whose period the plan does
                        not state; distinct from a target that states no frequency at all)
            once        contains 完成, 通過, 增訂, 明定 or 法制化 (a one-off deliverable)
            unspecified otherwise (持續 "continuously", or no period)
            (每年 outranks 每兩年: 3-2-2 is a yearly task that prepares for a biennial survey.)
kind        zero-event  contains 不發生 (e.g. "no whistleblower identity leak")
            amount      contains 金額 (NT$ amounts)
            count       contains 件數, 場次, 人次, 家數, 次數, or 召開…會議 (meetings held)
            rate        contains 率 or 民意調查 (a survey reports percentages)
            milestone   frequency is once, or contains 立法, 修法, 研議, 研編, 編製, 整併
                        (a law, a study, a guide: done or not)
            report      otherwise (提報/統計/公布 執行情形: a periodic report, delivered or not)
direction   count, amount, rate → increase; zero-event → zero; milestone, report → milestone
"""

import html
import re
import sys

GLOSSES = {
    1: ("強化機關廉政經營責任制度，落實風險控管作為",
        "Strengthen agencies' accountability for integrity management and put risk control into practice"),
    2: ("促進公開透明，防止利益衝突",
        "Promote openness and transparency, and prevent conflicts of interest"),
    3: ("持續指標研究，掌握民意脈動與國際趨勢",
        "Keep researching indicators, and follow public opinion and international trends"),
    4: ("落實公務員行為規範，建立政府典範",
        "Enforce civil servants' codes of conduct, and set an example in government"),
    5: ("鼓勵社會參與，促進透明與貪腐零容忍的共識",
        "Encourage social participation, and build consensus on transparency and zero tolerance of corruption"),
    6: ("推動校園誠信，深化學子品格教育",
        "Promote integrity on campus, and deepen students' character education"),
    7: ("強化企業誠信，凝聚私部門反貪腐共識",
        "Strengthen corporate integrity, and build private-sector consensus against corruption"),
    8: ("增修肅貪法令，強化肅貪能量，落實揭弊者保護",
        "Amend anti-corruption laws, strengthen anti-corruption capacity, and protect whistleblowers"),
    9: ("推動國際合作與資產追繳，建構國家間互惠機制",
        "Promote international cooperation and asset recovery, and build reciprocal mechanisms between countries"),
}

COLUMNS = ["strategy", "strategy_name", "strategy_name_en", "measure", "measure_text",
           "target_no", "target", "lead_agencies", "supporting_agencies",
           "frequency", "kind", "direction"]

HEADER_CELLS = ["具體策略", "執行措施", "績效目標", "辦理機關"]

DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text):
    """一 … 九十九 → int (the plan numbers measures up to 二十)."""
    if not text or any(c not in DIGITS and c != "十" for c in text):
        raise ValueError(text)
    if "十" not in text:
        if len(text) != 1:
            raise ValueError(text)
        return DIGITS[text]
    tens, _, ones = text.partition("十")
    value = (DIGITS[tens] if tens else 1) * 10
    return value + (DIGITS[ones] if ones else 0)


class PlanError(Exception):
    pass


def clean_cell(raw):
    """HTML tags → space, entities decoded, white space collapsed."""
    text = re.sub(r"<[^>]*>", " ", raw)
    text = html.unescape(text)
    return re.sub(r"\s+", " ", text).strip()


def join(a, b):
    """Concatenates two pieces of one text split by a page break."""
    a, b = a.strip(), b.strip()
    if not a or not b:
        return a + b
    if re.match(r"[A-Za-z0-9]", a[-1]) and re.match(r"[A-Za-z0-9]", b[0]):
        return a + " " + b
    return a + b


def strategies_listed(lines):
    """Section 參's list: `- 一、name。` → {1: name}."""
    found = {}
    inside = False
    for line in lines:
        if line.startswith("## 參"):
            inside = True
            continue
        if inside and (line.startswith("## ") or line.strip().startswith("肆")):
            break
        m = re.match(r"^- ([一二三四五六七八九十]+)、(.+?)。?$", line.strip())
        if inside and m:
            found[chinese_number(m.group(1))] = m.group(2)
    return found


MEASURE_MARK = re.compile(r"\(([一二三四五六七八九十]+)\)\s*")
TARGET_MARK = re.compile(r"(?:^|(?<=\s))(\d+)\.\s*")


def split_marked(text, pattern, expected, parse):
    """Splits `text` at markers whose number runs expected, expected+1, …

    Returns (prefix, [(number, text), …]).
    """
    pieces = []
    prefix_end = None
    pos = 0
    starts = []
    while True:
        found = None
        for m in pattern.finditer(text, pos):
            try:
                n = parse(m.group(1))
            except ValueError:
                continue
            if n == expected:
                found = m
                break
        if not found:
            break
        starts.append((expected, found.start(), found.end()))
        expected += 1
        pos = found.end()
    if not starts:
        return text.strip(), []
    prefix_end = starts[0][1]
    for i, (n, _, body_start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(text)
        pieces.append((n, text[body_start:end].strip()))
    return text[:prefix_end].strip(), pieces


def read_table(lines):
    """Returns strategies: [{number, name, measures: [{number, text, targets, numbered, agencies}]}]."""
    strategies = []
    start = next((i for i, l in enumerate(lines) if l.strip().startswith("肆")), None)
    if start is None:
        raise PlanError("no section 肆、具體作為 found")
    measure = None
    for index in range(start + 1, len(lines)):
        line = lines[index]
        lineno = index + 1
        if line.startswith("## "):
            break
        if "\t" not in line:
            if line.strip():
                raise PlanError(f"line {lineno}: text outside the table's rows: {line.strip()[:40]}")
            continue
        cells = [clean_cell(c) for c in line.split("\t")]
        if len(cells) != 4:
            raise PlanError(f"line {lineno}: {len(cells)} cells, expected 4")
        if cells == HEADER_CELLS:
            continue
        if MEASURE_MARK.match(cells[0]):
            if cells[3]:
                raise PlanError(f"line {lineno}: a measure in the strategy column and 4 cells")
            cells = [""] + cells[:3]
        strategy_cell, measure_cell, target_cell, agency_cell = cells
        if strategy_cell:
            m = re.match(r"^([一二三四五六七八九十]+)、(.+?)。?$", strategy_cell)
            if not m:
                raise PlanError(f"line {lineno}: unreadable strategy cell: {strategy_cell[:40]}")
            number = chinese_number(m.group(1))
            if number != len(strategies) + 1:
                raise PlanError(f"line {lineno}: strategy {number} follows {len(strategies)}")
            strategies.append({"number": number, "name": m.group(2), "measures": []})
            measure = None
        if not strategies:
            raise PlanError(f"line {lineno}: a row before the first strategy")
        measures = strategies[-1]["measures"]
        prefix, started = split_marked(measure_cell, MEASURE_MARK, len(measures) + 1, chinese_number)
        if prefix:
            if measure is None:
                raise PlanError(f"line {lineno}: measure text before any measure: {prefix[:40]}")
            measure["text"] = join(measure["text"], prefix)
        for text in [prefix] + [t for _, t in started]:
            stray = MEASURE_MARK.search(text)
            if stray:
                raise PlanError(f"line {lineno}: measure marker {stray.group(0).strip()} out of "
                                f"sequence in strategy {strategies[-1]['number']}")
        for number, text in started:
            measure = {"number": number, "text": text, "targets": [], "numbered": False,
                       "agencies": "", "line": lineno}
            measures.append(measure)
        if measure is None:
            raise PlanError(f"line {lineno}: a target or agency before any measure")
        if target_cell:
            targets = measure["targets"]
            prefix, items = split_marked(target_cell, TARGET_MARK, len(targets) + 1, int)
            for text in [prefix] + [t for _, t in items]:
                stray = TARGET_MARK.search(text)
                if stray:
                    raise PlanError(f"line {lineno}: target number {stray.group(0).strip()} out of "
                                    f"sequence in measure {strategies[-1]['number']}-{measure['number']}")
            if items and targets and not measure["numbered"]:
                raise PlanError(f"line {lineno}: numbered targets after an unnumbered one")
            if prefix:
                if targets:
                    targets[-1] = join(targets[-1], prefix)
                else:
                    targets.append(prefix)
            if items:
                if targets and not measure["numbered"]:
                    raise PlanError(f"line {lineno}: text before target 1: {prefix[:40]}")
                measure["numbered"] = True
                targets.extend(text for _, text in items)
        if agency_cell:
            measure["agencies"] = join(measure["agencies"], agency_cell)
    for strategy in strategies:
        for m in strategy["measures"]:
            if not m["targets"]:
                raise PlanError(f"line {m['line']}: measure {strategy['number']}-{m['number']} has no target")
            if not m["agencies"]:
                raise PlanError(f"line {m['line']}: measure {strategy['number']}-{m['number']} has no agencies")
    return strategies


def split_agencies(text):
    """`A、B(c、d)、E。` → ['A', 'B(c、d)', 'E'] with ASCII parentheses."""
    text = text.replace("（", "(").replace("）", ")").strip().rstrip("。").strip()
    names, depth, current = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "、" and depth == 0:
            names.append(current.strip())
            current = ""
        else:
            current += ch
    names.append(current.strip())
    return [re.sub(r"\s+", "", n).rstrip("。") for n in names if n.strip()]


def lead_and_supporting(text):
    """主辦機關：A、B 協辦機關：C → (['A','B'], ['C']); unlabelled text is all lead."""
    if "主辦機關" not in text and "協辦機關" not in text:
        return split_agencies(text), []
    lead, supporting = [], []
    for label, body in re.findall(r"(主辦機關|協辦機關)[：:]\s*(.*?)(?=(?:主辦機關|協辦機關)[：:]|$)", text):
        (lead if label == "主辦機關" else supporting).extend(split_agencies(body))
    return lead, supporting


def agencies_per_target(text, count, where):
    """One (lead, supporting) per target; honours `績效目標 1 至 5 …` scopes."""
    scoped = list(re.finditer(r"績效目標\s*(\d+)\s*(?:至\s*(\d+))?", text))
    if not scoped:
        return [lead_and_supporting(text)] * count
    if text[:scoped[0].start()].strip():
        raise PlanError(f"{where}: agency text before the first 績效目標 scope")
    result = [([], []) for _ in range(count)]
    for i, m in enumerate(scoped):
        body = text[m.end():scoped[i + 1].start() if i + 1 < len(scoped) else len(text)]
        first = int(m.group(1))
        last = int(m.group(2) or first)
        if not 1 <= first <= last <= count:
            raise PlanError(f"{where}: agency scope {first}–{last} outside targets 1–{count}")
        lead, supporting = lead_and_supporting(body)
        for k in range(first - 1, last):
            result[k] = (result[k][0] + lead, result[k][1] + supporting)
    return result


def frequency_of(text):
    if "每季" in text:
        return "quarterly"
    if re.search(r"每年|全年度", text):
        return "yearly"
    if re.search(r"每二年|每2年|每兩年", text):
        return "biennial"
    if "定期" in text:
        return "periodic"
    if re.search(r"完成|通過|增訂|明定|法制化", text):
        return "once"
    return "unspecified"


def kind_of(text, frequency):
    if "不發生" in text:
        return "zero-event"
    if "金額" in text:
        return "amount"
    if re.search(r"件數|場次|人次|家數|次數|召開.*會議", text):
        return "count"
    if re.search(r"率|民意調查", text):
        return "rate"
    if frequency == "once" or re.search(r"立法|修法|研議|研編|編製|整併", text):
        return "milestone"
    return "report"


DIRECTION = {"count": "increase", "amount": "increase", "rate": "increase",
             "zero-event": "zero", "milestone": "milestone", "report": "milestone"}


def rows(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    listed = strategies_listed(lines)
    strategies = read_table(lines)
    if len(strategies) != len(listed):
        raise PlanError(f"section 參 lists {len(listed)} strategies, the table has {len(strategies)}")
    for s in strategies:
        if listed.get(s["number"]) != s["name"]:
            raise PlanError(f"strategy {s['number']}: table name differs from section 參's")
        gloss_zh, gloss_en = GLOSSES.get(s["number"], ("", ""))
        if gloss_zh != s["name"]:
            print(f"warning: strategy {s['number']} has no English gloss for its name {s['name']}",
                  file=sys.stderr)
            gloss_en = ""
        for m in s["measures"]:
            where = f"measure {s['number']}-{m['number']}"
            agencies = agencies_per_target(m["agencies"], len(m["targets"]), where)
            for k, target in enumerate(m["targets"], start=1):
                frequency = frequency_of(target)
                kind = kind_of(target, frequency)
                lead, supporting = agencies[k - 1]
                yield [str(s["number"]), s["name"], gloss_en, str(m["number"]), m["text"],
                       f"{s['number']}-{m['number']}-{k}", target,
                       ";".join(lead), ";".join(supporting), frequency, kind, DIRECTION[kind]]
    counts = ", ".join(str(len(s["measures"])) for s in strategies)
    print(f"{len(strategies)} strategies; measures per strategy: {counts}", file=sys.stderr)


def main(argv):
    if len(argv) != 2:
        print("usage: extract_catalog.py PLAN.txt > catalog.tsv", file=sys.stderr)
        return 64
    try:
        out = ["\t".join(COLUMNS)]
        n = 0
        for row in rows(argv[1]):
            for cell in row:
                if "\t" in cell or "\n" in cell:
                    raise PlanError(f"target {row[5]}: a tab or newline in a cell")
            out.append("\t".join(row))
            n += 1
    except (PlanError, ValueError) as error:
        print(f"{argv[1]}: {error}", file=sys.stderr)
        return 65
    except OSError as error:
        print(f"{argv[1]}: {error}", file=sys.stderr)
        return 66
    sys.stdout.write("\n".join(out) + "\n")
    print(f"{n} targets", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
