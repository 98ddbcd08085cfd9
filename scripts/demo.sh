#!/usr/bin/env bash
# The main job on the bundled SampleData, from a fresh clone: set-up, build, run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product integrity-stats
.build/release/integrity-stats regress --y indictments --x year SampleData/synthetic_indictments_regress.csv
