#!/usr/bin/env bash
# Side by side with typos (typos-cli) and AutoCorrect on the same corpus: about
# SIZE_MB megabytes made by copying ../shared/corpus (as scripts/bench-corpus.sh
# does), each tool with JSON output and the same number of threads, timed with
# /usr/bin/time -v (wall time and peak RSS). A tool that is not installed is
# skipped with a message.
#
#   scripts/bench-compare.sh [SIZE_MB] [RUNS] [THREADS]
#
# THREADS (default: all cores) is passed to each tool: RAYON_NUM_THREADS for
# reportlint, --threads for typos and AutoCorrect.
#
# Each tool runs RUNS times (default 3); the fastest time and the largest peak
# RSS are shown, since other work on a shared machine only ever slows a run.
#
# Installing the others:  cargo install typos-cli --locked
#                         npm install -g autocorrect-node   (or set AUTOCORRECT
#                         to its binary, e.g. node_modules/.bin/autocorrect)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/copy-corpus.sh
size_mb=${1:-100}
runs=${2:-3}
threads=${3:-$(nproc)}
src=../shared/corpus
[ -d "$src" ] || { echo "no corpus at $src" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x target/release/reportlint ] || cargo build --release -q
corpus="$work/corpus"
copy_corpus "$src" "$corpus" "$size_mb"
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$corpus" -type f | wc -l)
awk -v b="$bytes" -v f="$files" -v c="$threads" 'BEGIN { printf "%.1f MB in %d files, %d threads\n\n", b/1e6, f, c }'
printf '| tool | command | time | throughput | peak RSS | findings |\n|---|---|---|---|---|---|\n'

# Run one tool; print a table row. The findings column counts what each tool
# reports in its own unit (see BENCHMARKS.md).
measure() {
  local name=$1 count=$2 shown=$3
  shift 3
  # Warm the page cache once so no tool pays for the first read.
  find "$corpus" -type f -exec cat {} + > /dev/null
  local secs="" rss=0 n s r
  for _ in $(seq "$runs"); do
    /usr/bin/time -v -o "$work/time" "$@" > "$work/out" 2> "$work/err" || true
    s=$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time")
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
    secs=$(awk -v a="$secs" -v b="$s" 'BEGIN { print (a == "" || b < a) ? b : a }')
    rss=$(( r > rss ? r : rss ))
  done
  n=$($count < "$work/out")
  awk -v t="$name" -v c="$shown" -v s="$secs" -v r="$rss" -v b="$bytes" -v n="$n" 'BEGIN {
    printf "| %s | `%s` | %.2f s | %.1f MB/s | %.0f MB | %s |\n", t, c, s, b/1e6/s, r/1024, n }'
}

count_reportlint() { python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))'; }
count_typos() { grep -c '"type":"typo"' || true; }
count_autocorrect() {
  python3 -c 'import json,sys; print(sum(len(m["lines"]) for m in json.load(sys.stdin)["messages"]))'
}

measure reportlint count_reportlint \
  "RAYON_NUM_THREADS=$threads reportlint --isolated --format json DIR" \
  env RAYON_NUM_THREADS="$threads" target/release/reportlint --isolated --format json "$corpus"

if command -v typos > /dev/null; then
  measure "typos $(typos --version | cut -d' ' -f2)" count_typos \
    "typos --threads $threads --format json DIR" \
    typos --threads "$threads" --format json "$corpus"
else
  echo "typos is not installed (cargo install typos-cli --locked): skipped" >&2
fi

autocorrect=${AUTOCORRECT:-$(command -v autocorrect || true)}
if [ -n "$autocorrect" ] && [ -x "$autocorrect" ]; then
  version=$("$autocorrect" --version | cut -d' ' -f2)
  measure "AutoCorrect $version" count_autocorrect \
    "autocorrect --lint --format json --quiet --threads $threads DIR" \
    "$autocorrect" --lint --format json --quiet --threads "$threads" "$corpus"
else
  echo "autocorrect is not installed (npm install -g autocorrect-node, or set AUTOCORRECT): skipped" >&2
fi
