#!/usr/bin/env bash
# Rebuild the Word fixtures from their HTML sources with LibreOffice:
#   scripts/docx-fixtures/<lint-name>-<bad|good>.html -> fixtures/<lint-name>/<bad|good>.docx
# Needs `soffice` (Debian: libreoffice-writer). The .docx files are committed, so
# the tests do not need LibreOffice.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for src in scripts/docx-fixtures/*.html; do
  base=$(basename "$src" .html)        # table-total-row-bad
  lint=${base%-*}                      # table-total-row
  kind=${base##*-}                     # bad
  soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$out" "$src" >/dev/null
  mkdir -p "fixtures/$lint"
  mv "$out/$base.docx" "fixtures/$lint/$kind.docx"
  echo "fixtures/$lint/$kind.docx"
done
