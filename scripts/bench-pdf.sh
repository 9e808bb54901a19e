#!/usr/bin/env bash
# PDF extraction speed: the release `pdf-text` example over the corpus PDFs,
# each read REPEAT times; prints MB/s and pages/s (pages counted by pdfinfo,
# from poppler-utils). Process start is included.
#   scripts/bench-pdf.sh [REPEAT]
set -euo pipefail
cd "$(dirname "$0")/.."
repeat=${1:-10}
cargo build --release --example pdf-text >/dev/null 2>&1
bin=target/release/examples/pdf-text
files=(../shared/corpus/*/*.pdf)
bytes=0; pages=0
for f in "${files[@]}"; do
  bytes=$((bytes + $(stat -c %s "$f")))
  pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}')))
done
start=$(date +%s.%N)
for _ in $(seq "$repeat"); do
  for f in "${files[@]}"; do "$bin" "$f" >/dev/null; done
done
end=$(date +%s.%N)
awk -v b="$bytes" -v p="$pages" -v n="$repeat" -v s="$start" -v e="$end" -v k="${#files[@]}" 'BEGIN {
  t = (e - s) / n
  printf "%d PDFs, %.2f MB, %d pages: %.3f s per pass, %.1f MB/s, %.0f pages/s\n", k, b / 1e6, p, t, b / 1e6 / t, p / t
}'
