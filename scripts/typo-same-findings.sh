#!/usr/bin/env bash
# Whether two builds of reportlint report exactly the same findings (JSON, byte
# for byte) on the whole of ../shared/corpus (all lints, and the typo family
# alone), on every fixture, on each sentence of tests/data/typo/dev-tune.tsv
# linted as its own document, and on a stress set of the tune half full of
# slips (scripts/typo-stress.py). Only hashes are compared and printed: no text
# of either half is shown. Usage: scripts/typo-same-findings.sh BEFORE AFTER
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(realpath "$1") after=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/dev"
awk -F'\t' '!/^#/ { f = sprintf("%s/dev/%05d.txt", dir, n++); print $3 > f; close(f) }' \
  dir="$work" tests/data/typo/dev-tune.tsv
python3 scripts/typo-stress.py "$work/stress" 1
fail=0
check() {
  local name=$1; shift
  local a b
  "$before" --isolated --format json "$@" > "$work/a" 2> /dev/null || true
  "$after" --isolated --format json "$@" > "$work/b" 2> /dev/null || true
  a=$(sha256sum < "$work/a" | cut -c1-16) b=$(sha256sum < "$work/b" | cut -c1-16)
  n=$(grep -c '"code":' "$work/a" || true)
  if [ "$a" = "$b" ]; then printf '  same      %-26s %6d findings  %s\n' "$name" "$n" "$a"
  else printf '  DIFFERENT %-26s %6d findings  %s %s\n' "$name" "$n" "$a" "$b"; fail=1; fi
}
check "corpus, all lints" ../shared/corpus
check "corpus, typo family" --select typo ../shared/corpus
check "fixtures, all lints" fixtures
check "dev-tune sentences, typo" --select typo "$work/dev"
check "stress set, typo" --select typo "$work/stress"
check "stress set, all lints" "$work/stress"
exit $fail
