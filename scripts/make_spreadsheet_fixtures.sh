#!/usr/bin/env bash
# Converts the sample CSVs to .xlsx and .ods with LibreOffice, into
# Tests/Fixtures/spreadsheets/ (outputs committed; `tidy` on each must equal `tidy` on
# the CSV byte for byte, Tests/CLITests/SpreadsheetCLITests.swift).
# Needs: apt-get install -y libreoffice-calc-nogui (LibreOffice 7.4 on Debian 12).
# The CSV filter is given explicitly: 44 = comma, 34 = double quote, 76 = UTF-8,
# 1 = from line 1 (without it LibreOffice reads UTF-8 as Latin-1). The Big5 sample is
# converted to UTF-8 first.
set -euo pipefail
cd "$(dirname "$0")/.."
out=Tests/Fixtures/spreadsheets
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in synthetic_target_cases_quarterly synthetic_integrity_survey synthetic_indictments_seizures_wide; do
  cp "SampleData/$name.csv" "$work/$name.csv"
done
iconv -f CP950 -t UTF-8 SampleData/synthetic_yearly_indicators_big5.csv > "$work/synthetic_yearly_indicators.csv"
for csv in "$work"/*.csv; do
  for format in xlsx ods; do
    soffice -env:UserInstallation=file://"$work"/profile --headless \
      --infilter=CSV:44,34,76,1 --convert-to "$format" --outdir "$out" "$csv" >/dev/null
  done
done
ls -l "$out"
