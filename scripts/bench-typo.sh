#!/usr/bin/env bash
# Throughput of the typo family per core: user CPU of one thread over a corpus of
# about SIZE_MB megabytes (../shared/corpus repeated), for the Document alone
# (RL0) and with the typo lints (and the two spelling lints alone); the lints'
# share is the difference.  Usage: scripts/bench-typo.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/copy-corpus.sh
size_mb=${1:-50}
src=../shared/corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release -q
copy_corpus "$src" "$work" "$size_mb"
bytes=$(find "$work" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.csv' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
user() {
  /usr/bin/time -f '%U' -o "$work/time" env RAYON_NUM_THREADS=1 \
    ./target/release/reportlint --isolated --select "$1" --format json "$work" > /dev/null || true
  tail -n 1 "$work/time"
}
base=$(user RL0)
printf '%.1f MB, 1 thread, user CPU\n' "$(echo "$bytes/1000000" | bc -l)"
printf '  %-22s %6.2f s\n' "Document only (RL0)" "$base"
for sel in typo RL308 RL309 RL301,RL302,RL303,RL304,RL305,RL306,RL307; do
  t=$(user "$sel")
  awk -v b="$bytes" -v t="$t" -v z="$base" -v s="$sel" 'BEGIN {
    d = t - z; if (d < 0.01) d = 0.01
    printf "  %-22s %6.2f s  (+%.2f s over the Document: %.0f MB/s)\n", s, t, d, b/1e6/d }'
done
