#!/usr/bin/env bash
# The main job on the bundled SampleData, from a fresh clone: set-up, build, run.
# Writes demo-output/ (CSV results, chart data, Vega-Lite specs, SVGs, report.html).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product integrity-stats
.build/release/integrity-stats demo --out demo-output "$@"
