#!/usr/bin/env bash
# Time against input size, to show that a run grows linearly:
#  1. directories of real reports (copies of ../shared/corpus) of each SIZE_MB,
#     by default 10, 100 and 1000 MB (the 1 GB one is about 17 000 files in a
#     temporary directory, deleted afterwards);
#  2. one paragraph holding 10^5, then 10^6 numbers in a single sentence (the
#     input that was once quadratic).
# Each run is the release binary with --format json, timed by /usr/bin/time.
#
#   scripts/bench-sizes.sh [SIZE_MB...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100 1000)
src=../shared/corpus
[ -d "$src" ] || { echo "no corpus at $src" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x target/release/reportlint ] || cargo build --release -q
bin="$PWD/target/release/reportlint"

run() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" --isolated --format json "$@" > /dev/null || true
  tail -n 1 "$work/time"
}

echo "| input | size | files | time | throughput | peak RSS |"
echo "|---|---|---|---|---|---|"
for size_mb in "${sizes[@]}"; do
  corpus="$work/corpus"
  mkdir -p "$corpus"
  copy=0
  # Whole copies of the corpus, until the size is reached (du in MiB is slow on
  # 17 000 files: count bytes of one copy instead).
  one=$(find "$src" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  while [ $((copy * one)) -lt $((size_mb * 1000000)) ]; do
    mkdir -p "$corpus/c$copy"
    cp -r "$src"/. "$corpus/c$copy/"
    copy=$((copy + 1))
  done
  bytes=$((copy * one))
  files=$(find "$corpus" -type f | wc -l)
  find "$corpus" -type f -exec cat {} + > /dev/null
  read -r secs rss < <(run "$corpus")
  awk -v n="$size_mb MB of reports" -v b="$bytes" -v f="$files" -v s="$secs" -v r="$rss" 'BEGIN {
    printf "| %s | %.1f MB | %d | %.2f s | %.1f MB/s | %.0f MB |\n", n, b/1e6, f, s, b/1e6/s, r/1024 }'
  rm -rf "$corpus"
done

for n in 100000 1000000; do
  file="$work/numbers.txt"
  awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "%d，", i % 1000; printf "\n" }' > "$file"
  bytes=$(stat -c %s "$file")
  read -r secs rss < <(run "$file")
  awk -v n="$n" -v b="$bytes" -v s="$secs" -v r="$rss" 'BEGIN {
    printf "| %d numbers in one sentence | %.1f MB | 1 | %.2f s | %.1f MB/s | %.0f MB |\n", n, b/1e6, s, b/1e6/s, r/1024 }'
  rm -f "$file"
done
