#!/usr/bin/env python3
"""Write a stress set for the spelling lints: the lines of the tune half of
../shared/corpus (seeds included) with many input-method slips made in them, so
that nearly every window of the homophone and idiom-slip lints is looked at.
Used by scripts/typo-same-findings.sh to check that a change to the lints'
speed changes no finding; it measures nothing.

In each line, about one Han character in SLIP_EVERY is retyped with another
character of the same toned reading, and every third line gets an idiom of the
dictionary with one character retyped with the same syllable (any tone) or two
neighbours swapped. Deterministic for a given SEED.

usage: scripts/typo-stress.py OUTDIR [SEED]      needs: pip install jieba pypinyin
"""
import collections
import os
import random
import subprocess
import sys

import jieba
from pypinyin import Style, lazy_pinyin

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "../../shared/corpus")
SLIP_EVERY = 12
LINES_PER_FILE = 400


def is_han(c):
    return "\u3400" <= c <= "\u9fff"


def main(out, seed):
    rng = random.Random(seed)
    chars, idioms = collections.Counter(), []
    with open(jieba.get_dict_file().name, encoding="utf-8") as f:
        for line in f:
            w, freq, tag = line.split()
            if len(w) == 1 and is_han(w):
                chars[w] += int(freq)
            elif len(w) == 4 and tag == "i" and all(map(is_han, w)):
                idioms.append(w)
    common = [c for c, _ in chars.most_common(4000)]
    by_reading, by_syllable = collections.defaultdict(list), collections.defaultdict(list)
    reading = {}
    for c in common:
        r = lazy_pinyin(c, style=Style.TONE3, neutral_tone_with_five=True)[0]
        reading[c] = r
        by_reading[r].append(c)
        by_syllable[r.rstrip("012345")].append(c)

    def retype(c, table, key):
        others = [o for o in table.get(key, ()) if o != c]
        return rng.choice(others) if others else c

    split = subprocess.run([sys.executable, os.path.join(HERE, "corpus-split.py"), CORPUS],
                           capture_output=True, text=True, check=True).stdout
    docs = sorted(rel for h, rel in (l.split("\t") for l in split.splitlines())
                  if h == "tune" and rel.endswith((".txt", ".md")))
    lines = []
    for rel in docs:
        with open(os.path.join(CORPUS, rel), encoding="utf-8", errors="replace") as f:
            lines.extend(l.rstrip("\n") for l in f if any(map(is_han, l)))
    os.makedirs(out, exist_ok=True)
    for n in range(0, len(lines), LINES_PER_FILE):
        made = []
        for k, line in enumerate(lines[n:n + LINES_PER_FILE]):
            cs = list(line)
            for i, c in enumerate(cs):
                if c in reading and rng.randrange(SLIP_EVERY) == 0:
                    cs[i] = retype(c, by_reading, reading[c])
            if k % 3 == 0 and idioms:
                w = list(rng.choice(idioms))
                q = rng.randrange(4)
                if rng.randrange(4) == 0 and q < 3:
                    w[q], w[q + 1] = w[q + 1], w[q]
                elif w[q] in reading:
                    w[q] = retype(w[q], by_syllable, reading[w[q]].rstrip("012345"))
                at = rng.randrange(len(cs) + 1)
                cs[at:at] = w
            made.append("".join(cs))
        with open(os.path.join(out, f"s{n // LINES_PER_FILE:04}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(made) + "\n")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
