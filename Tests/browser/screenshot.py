#!/usr/bin/env python3
"""Whole-page screenshot of an HTML report with headless Chromium (for docs/report.png).

Usage: python3 Tests/browser/screenshot.py REPORT.html OUT.png [WIDTH]

Chromium's --screenshot takes the window, not the page, so the page's height is measured
first: a throw-away wrapper page (outside the report, which forbids scripts by its CSP) loads
the report in an iframe of WIDTH px and writes the report's scrollHeight into its DOM, read
with --dump-dom (--allow-file-access-from-files lets the wrapper see the file:// frame).
Then the report is shot at WIDTH × height with scrollbars hidden. Standard library only.
Exit: 0 ok; 1 failed; 3 Chromium missing.
"""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        print("chromium not installed; run scripts/setup.sh --test")
        return 3
    if len(argv) < 2:
        print(__doc__)
        return 64
    report, out = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    width = int(argv[2]) if len(argv) > 2 else 1200
    common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
              "--disable-background-networking", "--disable-component-update"]
    with tempfile.TemporaryDirectory(prefix="shot-") as folder:
        wrapper = Path(folder) / "measure.html"
        wrapper.write_text(
            f'<!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="{report.as_uri()}" '
            f'style="width:{width}px;height:600px;border:0"></iframe><pre id="out">pending</pre><script>'
            "document.getElementById('f').addEventListener('load', () => {"
            "document.getElementById('out').textContent = 'HEIGHT=' + "
            "document.getElementById('f').contentDocument.documentElement.scrollHeight; });"
            "</script></body></html>", encoding="utf-8")
        dom = subprocess.run(common + [f"--user-data-dir={folder}/p1", "--allow-file-access-from-files",
                                       "--virtual-time-budget=3000", "--dump-dom", wrapper.as_uri()],
                             capture_output=True, text=True, timeout=120).stdout
        found = re.search(r"HEIGHT=(\d+)", dom)
        if not found:
            print("could not measure the page height")
            return 1
        height = int(found.group(1))
        shot = subprocess.run(common + [f"--user-data-dir={folder}/p2", f"--screenshot={out}",
                                        f"--window-size={width},{height}", report.as_uri()],
                              capture_output=True, text=True, timeout=180)
    if shot.returncode != 0 or not out.exists():
        print(f"no screenshot (chromium exit {shot.returncode})")
        return 1
    print(f"ok: {out} ({width} x {height} px, {out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
