#!/usr/bin/env bash
# End-to-end throughput: build a corpus of about SIZE_MB megabytes by repeating
# ../shared/corpus, run the release binary over it with --format json, and print
# MB/s, files/s and peak RSS.  Usage: scripts/bench-corpus.sh [SIZE_MB] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/copy-corpus.sh
size_mb=${1:-100}
threads=${2:-$(nproc)}
src=../shared/corpus
[ -d "$src" ] || { echo "no corpus at $src" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release -q
copy_corpus "$src" "$work" "$size_mb"
bytes=$(find "$work" -type f \( -name '*.txt' -o -name '*.md' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$work" -type f \( -name '*.txt' -o -name '*.md' \) | wc -l)
/usr/bin/time -f '%e %M' -o "$work/time" env RAYON_NUM_THREADS="$threads" \
  ./target/release/reportlint --isolated --format json "$work" > /dev/null || true
read -r secs rss_kb < <(tail -n 1 "$work/time")
awk -v b="$bytes" -v f="$files" -v s="$secs" -v r="$rss_kb" -v t="$threads" 'BEGIN {
  printf "%.1f MB in %d files, %d threads: %.2f s, %.1f MB/s, %.0f files/s, peak RSS %.0f MB\n",
    b/1e6, f, t, s, b/1e6/s, f/s, r/1024 }'
