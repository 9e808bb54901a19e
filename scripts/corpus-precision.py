#!/usr/bin/env python3
"""Precision of reportlint on ../shared/corpus, from the verdicts in tests/judged/.

tests/corpus.rs keeps the verdicts equal to what reportlint finds, so this is the
precision of the code as it is: per half (tune / held-out) and family, and per lint.

usage: scripts/corpus-precision.py [--by-lint]
"""
import collections
import glob
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def main() -> None:
    by_lint = "--by-lint" in sys.argv
    counts = collections.defaultdict(collections.Counter)
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/judged/*/*.txt"))):
        half = os.path.basename(os.path.dirname(path))
        family = os.path.splitext(os.path.basename(path))[0]
        for line in open(path, encoding="utf-8"):
            body = line.split(" # ")[0].strip()
            if not body or body.startswith("#"):
                continue
            key, verdict = body.split(" ", 1)
            group = key.rsplit(":", 1)[1] if by_lint else family
            counts[(half, group)][verdict.strip()] += 1
    print(f"{'half':9} {'group':11} {'true':>5} {'false':>5} {'?':>4}  precision")
    for (half, group), c in sorted(counts.items()):
        judged = c["true"] + c["false"]
        p = f"{c['true'] / judged:.3f}" if judged else "-"
        print(f"{half:9} {group:11} {c['true']:5} {c['false']:5} {c['?']:4}  {p}")


if __name__ == "__main__":
    main()
