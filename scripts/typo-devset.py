#!/usr/bin/env python3
"""Make a spelling dev set the way public CSC benchmarks are made: clean sentences
from one half of ../shared/corpus with input-method errors typed into them.

Each picked sentence is segmented (jieba) and one word of two to four Han
characters is "typed again" with the same reading (pypinyin, tones included):
  char  one character of the word becomes another character with the reading the
        word gives it, chosen as an IME lists candidates (frequent characters first);
  word  the whole word becomes another dictionary word with the same reading.
Half of the sentences are kept clean. The output is TSV:
  id  kind(clean|char|word)  sentence_as_typed  original  changed_char_indices

usage: scripts/typo-devset.py HALF OUT.tsv [N]    (HALF = tune | held-out)
needs: pip install jieba pypinyin. The held-out set is written without being read:
score it with scripts/typo-measure.py, which prints aggregates only.
"""
import collections
import os
import random
import re
import subprocess
import sys

import jieba
import jieba.posseg
from pypinyin import Style, lazy_pinyin

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "../../shared/corpus")
SENTENCE = re.compile(r"(?<=[。！？；])|\n")
HAN = re.compile(r"[\u4e00-\u9fff]")
# A character this frequent in the dictionary is one an IME offers early.
COMMON_CHAR = 500
SKIP_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "m", "x", "eng", "q", "mq", "t"}


def in_gb2312(c):
    """The 6,763 characters every Simplified Chinese IME offers."""
    try:
        c.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def reading(w):
    return tuple(lazy_pinyin(w, style=Style.TONE3, neutral_tone_with_five=True))


def lexicon():
    """word -> freq, and the readings each character takes in dictionary words."""
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    freq, tag = {}, {}
    for line in open(path, encoding="utf-8"):
        w, f, t = line.split()
        if all("\u4e00" <= c <= "\u9fff" for c in w):
            freq[w], tag[w] = int(f), t
    return freq, tag


def documents(half):
    out = subprocess.run(
        [sys.executable, os.path.join(HERE, "corpus-split.py"), CORPUS],
        capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        h, rel = line.split("\t")
        if h == half and not rel.startswith("seeds/") and rel.endswith((".txt", ".md")):
            yield rel


def clean_sentences(half):
    for rel in documents(half):
        text = open(os.path.join(CORPUS, rel), encoding="utf-8", errors="replace").read()
        for s in SENTENCE.split(text):
            s = s.strip()
            if 12 <= len(s) <= 100 and s[-1] in "。！？；" and len(HAN.findall(s)) >= 0.7 * len(s):
                yield s


def main():
    half, out = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    rng = random.Random(13)
    freq, tag = lexicon()
    by_reading = collections.defaultdict(list)
    char_by_reading = collections.defaultdict(collections.Counter)
    for w, f in freq.items():
        if 2 <= len(w) <= 4 and f >= 10 and tag[w] not in SKIP_TAGS:
            by_reading[reading(w)].append(w)
        if len(w) == 1:
            for r in lazy_pinyin(w, style=Style.TONE3, neutral_tone_with_five=True, errors="ignore"):
                char_by_reading[r][w] += f
    pool = sorted(set(clean_sentences(half)))
    rng.shuffle(pool)
    rows = []
    for s in pool:
        if len(rows) >= n:
            break
        k = len(rows)
        if k % 2 == 0:
            rows.append((f"{half}-{k}", "clean", s, s, ""))
            continue
        words, at = [], 0
        for piece in jieba.posseg.cut(s):
            w, t = piece.word, piece.flag
            if 2 <= len(w) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in w) and t not in SKIP_TAGS:
                words.append((at, w))
            at += len(w)
        rng.shuffle(words)
        done = None
        for at, w in words:
            r = reading(w)
            others = [o for o in by_reading.get(r, []) if o != w]
            if others and rng.random() < 0.3:
                o = rng.choices(others, weights=[freq[x] for x in others])[0]
                done = ("word", o, at, [at + i for i in range(len(w)) if o[i] != w[i]])
                break
            i = rng.randrange(len(w))
            cands = [c for c, f in char_by_reading[r[i]].most_common(10) if c != w[i] and f >= COMMON_CHAR and in_gb2312(c)]
            if not cands:
                continue
            c = rng.choices(cands, weights=[char_by_reading[r[i]][x] for x in cands])[0]
            done = ("char", w[:i] + c + w[i + 1:], at, [at + i])
            break
        if done is None:
            continue
        kind, o, at, changed = done
        typed = s[:at] + o + s[at + len(o):]
        rows.append((f"{half}-{k}", kind, typed, s, ",".join(map(str, changed))))
    with open(out, "w", encoding="utf-8") as f:
        f.write("# id\tkind\tsentence as typed\toriginal\tchanged character indices\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{out}: {len(rows)} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
