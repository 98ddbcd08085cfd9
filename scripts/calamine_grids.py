#!/usr/bin/env python3
"""Reads every spreadsheet fixture that should read cleanly with python-calamine and
writes its first sheet's grid, as text, to Tests/Fixtures/spreadsheets/calamine_grids.json
(committed; SpreadsheetGridTests compares our CSV of each sheet to it).

Pinned: python-calamine==0.9.1 (Tests/requirements.txt). Values as text: strings as
they are, booleans TRUE/FALSE, integral floats as integers, other floats by repr
(shortest round-trip), dates ISO YYYY-MM-DD; trailing empty cells and rows dropped.
Left out: the merged header (calamine does not spread merges) and the error fixtures.
"""
import datetime
import importlib.metadata
import glob
import json
import os

import python_calamine

ROOT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "spreadsheets")
SKIP = {"merged_header.xlsx", "merged_header.ods", "formula_no_cache.xlsx", "zip_bomb.xlsx",
        "malformed.xlsx", "malformed.ods", "damaged.xlsx"}


def text(value):
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()[:10]
    return str(value)


def grid(path):
    sheet = python_calamine.CalamineWorkbook.from_path(path).get_sheet_by_index(0)
    rows = [[text(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
    rows = [row[: max([i + 1 for i, v in enumerate(row) if v != ""], default=0)] for row in rows]
    while rows and not rows[-1]:
        rows.pop()
    return rows


def main():
    grids = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "*.*")) + glob.glob(os.path.join(ROOT, "hand", "*.*"))):
        name = os.path.relpath(path, ROOT)
        if os.path.basename(path) in SKIP or not path.endswith((".xlsx", ".ods")):
            continue
        grids[name] = grid(path)
    out = {"generator": f"scripts/calamine_grids.py, python-calamine {importlib.metadata.version('python-calamine')}", "grids": grids}
    with open(os.path.join(ROOT, "calamine_grids.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=0, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
