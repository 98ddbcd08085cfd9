#!/usr/bin/env python3
"""Convert the 11 NIST StRD linear least squares datasets into plain CSV files.

Usage (from the package root; stdlib only, any Python 3.8+):

    python3 Tests/Fixtures/nist/convert.py            # writes NAME.csv and NAME.certified.json
    python3 Tests/Fixtures/nist/convert.py --check    # exit 1 if a committed file differs

Source: source/NAME.dat beside this script (NIST's files, copied from the shared reference folder;
see source/README.md).
Each .dat header states "Data (lines a to b)"; those lines hold the response then the predictors,
whitespace-separated, in the order the "Data:" title line names them (y x, or y x1 ... x6).

The CSV keeps every data token exactly as NIST prints it (no float round trip: for Filip, Pontius
and the Wamplers the decimal text is the exact input). Header: y,x or y,x1,...,x6.
As a cross-check the script compares every token, parsed to a double, with the data array of the
companion NAME.json, and the number of rows with its "observations" field.

NAME.certified.json copies, from the companion NAME.json (checked against the .dat by the reference
folder's tools/verify.py), what the tests need: name, parameters, design_columns, observations and
the certified values as the STRINGS NIST prints (coefficients, std_errors, residual_sd, r_squared,
anova), so the test suite reads only what it needs.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NIST = os.path.join(HERE, "source")
DATASETS = ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
            "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"]


def convert(name):
    """Returns the CSV text of dataset `name`."""
    with open(os.path.join(NIST, name + ".dat"), newline="") as f:
        lines = f.read().split("\n")
    with open(os.path.join(NIST, name + ".json")) as f:
        meta = json.load(f)
    span = re.search(r"Data\s+\(lines\s+(\d+)\s+to\s+(\d+)\)", "\n".join(lines[:10]))
    first, last = int(span.group(1)), int(span.group(2))
    title = lines[first - 2].split()                    # "Data:  y  x1 ..." just above the data
    assert title[0] == "Data:", (name, title)
    columns = title[1:]
    assert columns == ["y"] + meta["predictor_names"], (name, columns)
    rows = [lines[i - 1].split() for i in range(first, last + 1)]
    assert len(rows) == meta["observations"], (name, len(rows))
    for i, row in enumerate(rows):
        assert len(row) == len(columns), (name, i, row)
        assert float(row[0]) == meta["data"]["y"][i], (name, i, "y")
        assert [float(t) for t in row[1:]] == meta["data"]["x"][i], (name, i, "x")
    return ",".join(columns) + "\n" + "".join(",".join(row) + "\n" for row in rows)


def certificate(name):
    """The JSON text of NAME.certified.json."""
    with open(os.path.join(NIST, name + ".json")) as f:
        meta = json.load(f)
    keep = {k: meta[k] for k in ("name", "parameters", "design_columns", "intercept", "observations")}
    keep["certified"] = meta["certified"]
    keep["source"] = "Tests/Fixtures/nist/source/%s.json (NIST StRD %s)" % (name, meta["source"]["nist_url"])
    return json.dumps(keep, indent=1) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for name in DATASETS:
        text = convert(name)
        for path, content in ((os.path.join(HERE, name + ".csv"), text),
                              (os.path.join(HERE, name + ".certified.json"), certificate(name))):
            if check:
                try:
                    with open(path, newline="") as f:
                        same = f.read() == content
                except FileNotFoundError:
                    same = False
                if not same:
                    stale.append(os.path.basename(path))
            else:
                with open(path, "w", newline="") as f:
                    f.write(content)
        print("%-9s %3d rows  %s" % (name, text.count("\n") - 1, text.split("\n")[0]))
    if stale:
        print("differs from the .dat:", ", ".join(stale))
        sys.exit(1)


if __name__ == "__main__":
    main()
