#!/usr/bin/env python3
"""Print an HTML report to PDF with headless Chromium and check what is on paper.

Usage:
  python3 Tests/browser/print_check.py REPORT.html OUT.pdf SPEC.json
  python3 Tests/browser/print_check.py --self-test

The page is printed as an analyst would save it (Chromium's print to PDF:
`chromium --headless --no-sandbox --print-to-pdf=OUT.pdf --no-pdf-header-footer URL`, the
page's own @page size and margins), then read back with poppler's `pdfinfo` (page size
of every page) and `pdftotext` (the text). Text is compared with all white space removed,
since table cells wrap CJK text at any character.

SPEC.json:
  {"page_size": [595, 842],                      # points, each page, ±1 pt (A4)
   "max_pages": 40,                              # optional
   "texts": ["一、績效目標達成情形", ...],          # each must be printed
   "sections": [{"from": "三、…", "to": "四、…",  # text between two printed headings
                 "texts": [...],                 # each printed there
                 "counts": {"臺灣臺北地方檢察署": 4}}]}   # at least N times there

--self-test prints a page whose content is in a closed <details> and in a table clipped by
a scroll box, on US Letter, and passes only if the check reports all three (so the check
itself can fail).

Exit: 0 ok; 1 a check failed; 3 Chromium or poppler-utils missing (scripts/setup.sh --test).
Standard library only.
"""

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def tool(*names: str) -> str | None:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def print_pdf(report: Path, pdf: Path) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="print-check-") as profile:
        done = subprocess.run(
            [tool("chromium", "chromium-browser", "google-chrome"), "--headless", "--no-sandbox", "--disable-gpu",
             f"--user-data-dir={profile}", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
             report.resolve().as_uri()],
            capture_output=True, text=True, timeout=180)
    if done.returncode != 0 or not pdf.exists():
        return [f"no PDF (chromium exit {done.returncode}): {done.stderr[-400:]}"]
    return []


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    info = subprocess.run([tool("pdfinfo"), "-f", "1", "-l", str(pages), str(pdf)],
                          capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)]


def check(report: Path, pdf: Path, spec: dict) -> list[str]:
    problems = print_pdf(report, pdf)
    if problems:
        return problems
    sizes = page_sizes(pdf)
    want = spec.get("page_size")
    if want:
        for i, (w, h) in enumerate(sizes, 1):
            if abs(w - want[0]) > 1 or abs(h - want[1]) > 1:
                problems.append(f"page {i} is {w} x {h} pt, expected {want[0]} x {want[1]}")
                break
    if "max_pages" in spec and len(sizes) > spec["max_pages"]:
        problems.append(f"{len(sizes)} pages, expected at most {spec['max_pages']}")
    text = squeeze(subprocess.run([tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                                  capture_output=True, text=True, check=True).stdout)
    for t in spec.get("texts", []):
        if squeeze(t) not in text:
            problems.append(f"not printed: {t}")
    for section in spec.get("sections", []):
        start = text.find(squeeze(section["from"]))
        if start < 0:
            problems.append(f"section not printed: {section['from']}")
            continue
        end = text.find(squeeze(section["to"]), start + 1) if section.get("to") else -1
        body = text[start:end if end > start else len(text)]
        for t in section.get("texts", []):
            if squeeze(t) not in body:
                problems.append(f"not printed in {section['from']}: {t}")
        for t, n in section.get("counts", {}).items():
            found = body.count(squeeze(t))
            if found < n:
                problems.append(f"printed {found} times in {section['from']}, expected at least {n}: {t}")
    if not problems:
        print(f"ok: {report} printed to {pdf}: {len(sizes)} pages of {sizes[0][0]} x {sizes[0][1]} pt, "
              f"{len(spec.get('texts', []))} texts and {len(spec.get('sections', []))} sections found")
    return problems


def self_test() -> int:
    with tempfile.TemporaryDirectory(prefix="print-selftest-") as folder:
        page = Path(folder) / "bad.html"
        wide = "".join(f"<td>col{i}</td>" for i in range(60)) + "<td>LASTCOLUMN</td>"
        page.write_text(
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title>'
            '<style>@page { size: letter; } .s { overflow: auto; width: 300px; } td { white-space: nowrap; }</style>'
            '</head><body><h1>HEAD</h1><details><summary>more</summary><p>HIDDENMARKER</p></details>'
            f'<div class="s"><table><tr>{wide}</tr></table></div><h2>END</h2></body></html>', encoding="utf-8")
        problems = check(page, Path(folder) / "bad.pdf", {
            "page_size": [595, 842], "texts": ["HEAD", "HIDDENMARKER", "LASTCOLUMN"],
            "sections": [{"from": "HEAD", "to": "END", "counts": {"HIDDENMARKER": 1}}]})
    size = any("expected 595 x 842" in p for p in problems)
    hidden = any(p == "not printed: HIDDENMARKER" for p in problems)
    clipped = any(p == "not printed: LASTCOLUMN" for p in problems)
    print(f"self-test: Letter page caught: {size}; closed <details> caught: {hidden}; clipped table caught: {clipped}")
    return 0 if size and hidden and clipped else 1


def main(argv: list[str]) -> int:
    if not tool("chromium", "chromium-browser", "google-chrome") or not tool("pdftotext") or not tool("pdfinfo"):
        print("chromium or poppler-utils (pdftotext, pdfinfo) not installed; run scripts/setup.sh --test")
        return 3
    if argv[:1] == ["--self-test"]:
        return self_test()
    if len(argv) != 3:
        print(__doc__)
        return 64
    problems = check(Path(argv[0]), Path(argv[1]), json.loads(Path(argv[2]).read_text(encoding="utf-8")))
    for p in problems:
        print(f"FAIL: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
