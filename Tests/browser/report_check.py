#!/usr/bin/env python3
"""Open an HTML report in headless Chromium: screenshot, console errors, network requests.

Usage:
  python3 Tests/browser/report_check.py REPORT.html SCREENSHOT.png [--expect-svg N] [--expect-text TEXT]
  python3 Tests/browser/report_check.py --self-test

The page is loaded from file:// with every network request routed through a local
recording proxy (--proxy-server, with loopback not bypassed), so any http(s) request the
page makes is seen. Chromium's own service traffic (component updates, sign-in, network
time: *.googleapis.com, accounts.google.com, clients*.google.com, *.gvt1.com) is listed
but not counted as the page's. Console messages come from --enable-logging=stderr
("CONSOLE" lines); the report has no script, so any console message (a CSP violation, a
failed load) is a failure. --dump-dom checks the page loaded with its title and charts.

--self-test loads a page that logs an error and fetches an image from the web, and
passes only if both are caught (so the check itself can fail).

Exit: 0 ok; 1 a check failed; 3 Chromium is not installed (scripts/setup.sh --test).
Needs Debian's `chromium` and `fonts-noto-cjk`. Standard library only.
"""

import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

BROWSER_SERVICE = re.compile(
    r"(update\.googleapis\.com|accounts\.google\.com|clients\d*\.google\.com|\.gvt1\.com|"
    r"optimizationguide-pa\.googleapis\.com|content-autofill\.googleapis\.com|safebrowsing)")


class Recorder(http.server.BaseHTTPRequestHandler):
    hits: list = []

    def handle_one(self):
        Recorder.hits.append(self.requestline)
        self.send_response(403)
        self.end_headers()

    do_GET = do_POST = do_HEAD = do_CONNECT = do_PUT = do_OPTIONS = handle_one

    def log_message(self, *args):
        pass


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(url: str, extra: list[str], profile: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--proxy-server=http://127.0.0.1:{port}", "--proxy-bypass-list=<-loopback>",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-sync", "--disable-default-apps", "--disable-domain-reliability", "--no-pings",
        "--disable-client-side-phishing-detection", "--disable-breakpad",
        "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate,"
        "AutofillServerCommunication,CertificateTransparencyComponentUpdater",
        "--enable-logging=stderr", "--v=0", *extra, url,
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    finally:
        server.shutdown()
    return done, list(Recorder.hits)


def check(report: Path, screenshot: Path, expect_svg: int, expect_text: list[str]) -> list[str]:
    problems = []
    url = report.resolve().as_uri()
    with tempfile.TemporaryDirectory(prefix="report-check-") as profile:
        shot, hits = run_browser(url, [f"--screenshot={screenshot}", "--window-size=1200,2600"], profile)
        dom, dom_hits = run_browser(url, ["--dump-dom", "--virtual-time-budget=2000"], profile)
    page_hits = [h for h in hits + dom_hits if not BROWSER_SERVICE.search(h)]
    service = [h for h in hits + dom_hits if BROWSER_SERVICE.search(h)]
    if service:
        print(f"note: {len(service)} request(s) of Chromium's own services ignored: "
              + "; ".join(sorted({h.split(' ')[1].split('/')[2] if '://' in h else h.split(' ')[1] for h in service})))
    for h in page_hits:
        problems.append(f"network request: {h}")
    for line in (shot.stderr + dom.stderr).splitlines():
        if ":CONSOLE" in line:
            problems.append(f"console: {line.split('] ', 1)[-1]}")
    if shot.returncode != 0 or not screenshot.exists():
        problems.append(f"no screenshot (chromium exit {shot.returncode})")
    elif screenshot.stat().st_size < 20_000:
        problems.append(f"screenshot suspiciously small ({screenshot.stat().st_size} bytes): blank page?")
    html = dom.stdout
    if "<h1>" not in html:
        problems.append("page did not load: no <h1> in the DOM")
    svgs = html.count("<svg")
    if svgs < expect_svg:
        problems.append(f"expected at least {expect_svg} inline SVG charts, found {svgs}")
    for text in expect_text:
        if text not in html:
            problems.append(f"expected text not in the page: {text}")
    if not problems:
        print(f"ok: {report} loaded in {Path(chromium()).name}: {svgs} SVG charts, no console message, "
              f"no page network request; screenshot {screenshot} ({screenshot.stat().st_size} bytes)")
    return problems


def self_test() -> int:
    with tempfile.TemporaryDirectory(prefix="report-selftest-") as folder:
        page = Path(folder) / "bad.html"
        page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title></head><body>'
                        '<h1>bad</h1><img src="http://example.com/probe.png"><script>console.error("probe")</script>'
                        '</body></html>', encoding="utf-8")
        problems = check(page, Path(folder) / "bad.png", 0, [])
    console = any(p.startswith("console:") and "probe" in p for p in problems)
    network = any(p.startswith("network request:") and "example.com" in p for p in problems)
    print(f"self-test: console error caught: {console}; network request caught: {network}")
    return 0 if console and network else 1


def main(argv: list[str]) -> int:
    if chromium() is None:
        print("chromium not installed; run scripts/setup.sh --test")
        return 3
    if argv[:1] == ["--self-test"]:
        return self_test()
    if len(argv) < 2:
        print(__doc__)
        return 64
    report, screenshot = Path(argv[0]), Path(argv[1])
    expect_svg, expect_text = 1, []
    rest = argv[2:]
    while rest:
        if rest[0] == "--expect-svg":
            expect_svg = int(rest[1])
        elif rest[0] == "--expect-text":
            expect_text.append(rest[1])
        rest = rest[2:]
    problems = check(report, screenshot, expect_svg, expect_text)
    for p in problems:
        print(f"FAIL: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
