#!/usr/bin/env bash
# Builds the DocC documentation of every library module (swift-docc-plugin) and fails on
# any warning: an unresolved ``symbol`` link, a bad article reference, a malformed comment.
# The combined archive when the plugin supports it, else one archive per module.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(IntegrityDecimal IntegrityNumerics IntegrityTables IntegrityAgencyData IntegrityActionPlan IntegrityModels IntegrityIndicators IntegrityCharts IntegrityWorkspace IntegrityStats)
log=.build/docs-output.txt
mkdir -p .build
start=$(date +%s)
args=()
for target in "${targets[@]}"; do args+=(--target "$target"); done
if swift package generate-documentation --help 2>/dev/null | grep -q -- --enable-experimental-combined-documentation; then
  swift package generate-documentation "${args[@]}" --enable-experimental-combined-documentation 2>&1 | tee "$log"
else
  : > "$log"
  for target in "${targets[@]}"; do
    swift package generate-documentation --target "$target" 2>&1 | tee -a "$log"
  done
fi
echo "documentation: $(( $(date +%s) - start )) s"
# A dependency's package warnings (ZIPFoundation's "found 1 file(s) which are unhandled")
# are not ours: every other warning fails the run.
ours=$(grep "warning:" "$log" | grep -Ev "^warning: '[A-Za-z0-9._-]+': found [0-9]+ file\(s\) which are unhandled" || true)
if [ -n "$ours" ]; then
  echo "documentation has warnings (above; also in $log)" >&2
  echo "$ours" >&2
  exit 1
fi
