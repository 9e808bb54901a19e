#!/usr/bin/env python3
"""Build lints/typo-lexicon.bin, the word list the spelling lints read.

Sources (all MIT, see NOTICE): jieba's dict.txt (words with frequencies and
part-of-speech tags), pypinyin's character and phrase readings (from the
pinyin-data and phrase-pinyin-data projects), and the domain word lists of
THUOCL (places, cars, finance, law, medicine, IT, food, animals, idioms):
names and terms the 2013 dictionary lacks (禁毒大队, 东风日产), which would
otherwise read as slips. A THUOCL word jieba lacks joins with frequency
THUOCL_FREQ and is never suggested.

Kept: every word of one to four Han characters of the Basic Multilingual Plane.
Each word is marked
  target  a word the homophone lint may suggest: frequency >= 50 and not a name,
          place, organisation, brand, numeral or abbreviation (jieba tags nr* ns nt
          nz m q mq x j);
  idiom   a four-character idiom (tag i);
  variant a rare entry of three or four characters one same-sounding character away from a far more common
          word (既往不究 beside 既往不咎): a misspelling the dictionary lists, not
          a word;
  free    a one-character verb, preposition or conjunction (tags v p c): it
          stands alone at the start of a phrase (工作|作相应的调整);
  name    a rare entry tagged as a person's name (nr nrt nrfg, frequency < 20):
          mostly noise (王坚督, 加强监督), so such names count as words only when a
          whole window is one;
and targets and idioms carry their reading (toned pinyin, phrase-aware).
A character's readings are those it takes in at least 2% (by frequency) of the
words that contain it, so rare readings do not make false homophones.

Format (little endian), read by src/lints/typo/lexicon.rs:
  b"RLLEX1\\n\\0"
  u16 syllables, each: u8 length, ASCII (e.g. "jian1")
  u32 characters in id order (id = index + 1, most frequent first), each:
      u16 code point, u8 readings, u16 syllable ids
  for length 1..=4: u32 count, then each word: u16 character ids, u8 log-frequency
      (round(8 ln f)), u8 flags (1 target, 2 idiom, 4 name, 8 variant, 16 free)
  u32 readings, each (in word order, for targets and idioms): u16 syllable ids
usage: scripts/typo-lexicon.py THUOCL_DIR [OUT]
  needs: pip install jieba pypinyin; THUOCL_DIR a checkout of
  https://github.com/thunlp/THUOCL at a30ce79d895d01ab5132a5c74c29703ff7efb4cc
  (its data/ folder or the repository root)
"""
import collections
import math
import os
import struct
import sys

import jieba
from pypinyin import Style, lazy_pinyin

NOT_TARGET = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "m", "q", "mq", "x", "j"}
TARGET_MIN_FREQ = 50
# Entries tagged as names this rare are mostly noise (王坚督, 加强监督); more
# frequent ones are often not names at all (阿富汗, 福祉).
NAME_MAX_FREQ = 20
# A misspelling the dictionary lists is this rare, and its correct form this
# much (and at least this) more common.
VARIANT_MAX_FREQ = 5
VARIANT_RATIO = 10
VARIANT_MIN_COMMON = 30
# THUOCL lists (data/THUOCL_<name>.txt: word TAB document frequency) folded in,
# and the frequency their new words get: rare, so they do not outweigh jieba's
# words in a segmentation, but words.
# (Not the historical persons: two-character given names read like common
# words, 方珍 beside 方针.)
THUOCL_LISTS = ["diming", "car", "caijing", "law", "medical", "IT", "food", "animal", "chengyu"]
THUOCL_FREQ = 10


def toneless(r):
    return tuple(x.rstrip("012345") for x in r)


def misspellings(words, reading, readable):
    """Rare three- and four-character entries one same-sounding character away
    from a far more common word of the same length: the dictionary lists
    misspellings of set phrases (既往不究, 再接再励)."""
    by_mask = collections.defaultdict(list)
    for w in readable:
        if 2 <= len(w) <= 4:
            r = toneless(reading[w])
            for q in range(len(w)):
                by_mask[(w[:q] + "_" + w[q + 1:], r)].append(w)
    out = set()
    for w in readable:
        f = words[w][0]
        # Two-character entries this rare are mostly real words (宪制 beside 限制).
        if not 3 <= len(w) <= 4 or f > VARIANT_MAX_FREQ:
            continue
        r = toneless(reading[w])
        for q in range(len(w)):
            common = [o for o in by_mask[(w[:q] + "_" + w[q + 1:], r)]
                      if o != w and words[o][0] >= max(VARIANT_RATIO * f, VARIANT_MIN_COMMON)]
            if common:
                out.add(w)
                break
    return out


def han(w):
    return all("\u3400" <= c <= "\u9fff" for c in w)


def thuocl_words(root):
    """The two- to four-character Han words of the THUOCL lists, tagged n."""
    data = os.path.join(root, "data") if os.path.isdir(os.path.join(root, "data")) else root
    out = {}
    for name in THUOCL_LISTS:
        text = open(os.path.join(data, f"THUOCL_{name}.txt"), encoding="utf-8-sig").read()
        for line in text.replace("\r", "\n").split("\n"):
            w = line.split("\t")[0].strip()
            if 2 <= len(w) <= 4 and han(w):
                out.setdefault(w, "n")
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "../lints/typo-lexicon.bin")
    words = {}
    for line in open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8"):
        w, f, t = line.split()
        if 1 <= len(w) <= 4 and han(w):
            words[w] = (int(f), t)
    added = 0
    for w, t in thuocl_words(sys.argv[1]).items():
        if w not in words:
            words[w] = (THUOCL_FREQ, t)
            added += 1
    reading = {w: tuple(lazy_pinyin(w, style=Style.TONE3, neutral_tone_with_five=True)) for w in words}
    # A character pypinyin cannot read comes back as itself: such words have no reading.
    readable = {w for w, r in reading.items() if all(x.isascii() and x[-1].isdigit() for x in r)}
    uses = collections.defaultdict(collections.Counter)
    weight = collections.Counter()
    for w, (f, _) in words.items():
        for c, r in zip(w, reading[w]):
            if w in readable:
                uses[c][r] += f
            weight[c] += f
    chars = sorted(weight, key=lambda c: (-weight[c], c))
    cid = {c: i + 1 for i, c in enumerate(chars)}
    readings = {}
    for c in chars:
        total = sum(uses[c].values())
        readings[c] = [r for r, n in uses[c].most_common() if n >= 0.02 * total]
    syllables = sorted({r for rs in readings.values() for r in rs} | {r for w in readable for r in reading[w]})
    sid = {s: i for i, s in enumerate(syllables)}
    buf = bytearray(b"RLLEX1\n\0")
    buf += struct.pack("<H", len(syllables))
    for s in syllables:
        b = s.encode("ascii")
        buf += struct.pack("<B", len(b)) + b
    buf += struct.pack("<I", len(chars))
    for c in chars:
        buf += struct.pack("<HB", ord(c), len(readings[c]))
        buf += b"".join(struct.pack("<H", sid[r]) for r in readings[c])
    variants = misspellings(words, reading, readable)
    flagged = []
    for n in range(1, 5):
        group = sorted(w for w in words if len(w) == n)
        buf += struct.pack("<I", len(group))
        for w in group:
            f, t = words[w]
            flags = 0
            if w in readable and n >= 2 and f >= TARGET_MIN_FREQ and t not in NOT_TARGET:
                flags |= 1
            if w in readable and n == 4 and t == "i":
                flags |= 2
            if t in ("nr", "nrt", "nrfg") and f < NAME_MAX_FREQ:
                flags |= 4
            if w in variants:
                flags |= 8
            if n == 1 and t in ("v", "p", "c"):
                flags |= 16
            buf += b"".join(struct.pack("<H", cid[c]) for c in w)
            buf += struct.pack("<BB", min(255, round(8 * math.log(f))), flags)
            if flags & 3:
                flagged.append(w)
    buf += struct.pack("<I", len(flagged))
    for w in flagged:
        buf += b"".join(struct.pack("<H", sid[r]) for r in reading[w])
    with open(out, "wb") as fh:
        fh.write(buf)
    print(f"{out}: {len(buf)} bytes, {len(words)} words, {len(chars)} characters, "
          f"{len(syllables)} syllables, {len(flagged)} with readings, {len(variants)} variants, "
          f"{added} from THUOCL",
          file=sys.stderr)


if __name__ == "__main__":
    main()
