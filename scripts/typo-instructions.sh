#!/usr/bin/env bash
# Instructions the typo lints execute per byte of text, counted by callgrind
# (exact and repeatable on a loaded machine, unlike timings): each selection
# is run on a ~2 MB sample of the TUNE half of ../shared/corpus (its largest
# .txt/.md files) and on a one-line file; "fixed" is what the one-line run adds
# to the Document alone (RL0), loading of word lists and indexes; "per byte"
# is what the sample run adds beyond that, over the sample's bytes.
# Usage: scripts/typo-instructions.sh [BIN ...]   (default target/release/reportlint)
set -euo pipefail
cd "$(dirname "$0")/.."
bins=("$@")
[ ${#bins[@]} -eq 0 ] && bins=(target/release/reportlint)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/sample"
python3 scripts/corpus-split.py | awk -F'\t' '$1 == "tune" && $2 ~ /\.(txt|md)$/ { print $2 }' |
  while read -r f; do printf '%s\t%s\n' "$(stat -c %s "../shared/corpus/$f")" "$f"; done |
  sort -rn | awk -F'\t' '{ t += $1; if (t < 2100000) print $2; else t -= $1 }' |
  while read -r f; do cp "../shared/corpus/$f" "$work/sample/$(echo "$f" | tr / _)"; done
echo "短文本。" > "$work/one-line.txt"
bytes=$(cat "$work"/sample/* | wc -c)
# (reportlint exits 1 when it finds something: not a failure here)
count() {
  { RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    "$1" --isolated --select "$2" --format json "$3" 2>&1 > /dev/null || true; } |
    awk '/refs/ { gsub(",", "", $NF); print $NF }'
}
for bin in "${bins[@]}"; do
  echo "$bin: sample of $bytes bytes"
  b0=$(count "$bin" RL0 "$work/one-line.txt")
  s0=$(count "$bin" RL0 "$work/sample")
  printf '  %-44s %8.0f M instructions\n' "Document only (RL0), sample" "$(echo "$s0/1000000" | bc -l)"
  for sel in RL301 RL302 RL303 RL304 RL305 RL306 RL307 RL308 RL309 \
    RL301,RL302,RL303,RL304,RL305,RL306,RL307 typo; do
    b=$(count "$bin" "$sel" "$work/one-line.txt")
    s=$(count "$bin" "$sel" "$work/sample")
    awk -v b0="$b0" -v s0="$s0" -v b="$b" -v s="$s" -v n="$bytes" -v sel="$sel" 'BEGIN {
      fixed = b - b0; per = (s - s0 - fixed) / n
      printf "  %-44s fixed %5.0f M   per byte %5.1f\n", sel, fixed / 1e6, per }'
  done
done
