#!/usr/bin/env bash
# Installs what IntegrityStats needs on a fresh Debian machine of this kind:
# OpenBLAS/LAPACK from Debian (libopenblas-dev), expat (libexpat1-dev, the streaming XML
# parser that reads .xlsx/.ods sheets) and SQLite for the workspace (libsqlite3-dev, which
# GRDB links). Idempotent and quiet when done.
set -euo pipefail

need_apt=()
[ -e /usr/include/x86_64-linux-gnu/cblas.h ] || [ -e /usr/include/cblas.h ] || need_apt+=(libopenblas-dev)
[ -e /usr/include/expat.h ] || need_apt+=(libexpat1-dev)
[ -e /usr/include/sqlite3.h ] || need_apt+=(libsqlite3-dev)
if [ "${1:-}" = "--test" ]; then
  # Reference checks and the report tests: Python packages, a headless browser, poppler.
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  # pdftotext and pdfinfo read back the report printed to PDF (Tests/browser/print_check.py).
  command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_apt+=(fonts-noto-cjk)
  # The workspace benchmark compares with the sqlite3 shell's .import.
  command -v sqlite3 >/dev/null 2>&1 || need_apt+=(sqlite3)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "setup: installing ${need_apt[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ "${1:-}" = "--test" ] && [ -f Tests/requirements.txt ]; then
  python3 -m pip install -q --disable-pip-version-check -r Tests/requirements.txt
fi
