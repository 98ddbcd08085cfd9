#!/usr/bin/env bash
# A release binary with the Swift runtime linked in (`--static-swift-stdlib`), for users
# without a Swift toolchain: built, its shared libraries listed and checked (the C library
# family and the three Debian system libraries the workspace and spreadsheet reader use:
# SQLite, expat, zlib; OpenBLAS is opened only when a fit needs it, so it must not be
# linked), then run: --version, a command on SampleData, a fit, and a command without
# OpenBLAS. Prints how long the build took.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
swift build -c release --static-swift-stdlib --product integrity-stats
echo "static release build: $(( $(date +%s) - start )) s"
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/integrity-stats"
ldd "$bin"
# Every shared library left must be libc's family, the loader, the C++ runtime the Swift
# runtime is linked against (libstdc++, libgcc_s: on every Debian system), or SQLite
# (workspace), expat (spreadsheet XML) and
# zlib (ZIP inflation) — installed on every Debian system with their runtime packages
# libsqlite3-0, libexpat1, zlib1g: no libswift*, no libFoundation*.
unexpected=$(ldd "$bin" | awk '{print $1}' \
  | grep -Ev '^(linux-vdso\.so|/lib64/ld-linux-x86-64\.so|ld-linux-x86-64\.so|libc\.so|libm\.so|libpthread\.so|libdl\.so|librt\.so|libutil\.so|libgcc_s\.so|libstdc\+\+\.so|libsqlite3\.so|libexpat\.so|libz\.so)' || true)
if [ -n "$unexpected" ]; then
  echo "static binary: unexpected shared libraries:" >&2
  echo "$unexpected" >&2
  exit 1
fi
"$bin" --version
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bin" achievement SampleData/synthetic_yearly_indicators_big5.csv --total -o "$out"
head -3 "$out"
# A fit opens OpenBLAS (libopenblas0); without it, every other command still runs.
"$bin" regress SampleData/synthetic_indictments_regress.csv --y indictments --x year -o "$out"
head -2 "$out"
INTEGRITY_STATS_OPENBLAS=/nonexistent "$bin" quarterly SampleData/synthetic_target_cases_quarterly.csv -o "$out"
