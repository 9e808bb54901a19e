#!/usr/bin/env python3
"""Draw clean5: the documents of github.com/lawtext/gov that measure the spelling lints'
false alarms (issue 13), chosen by path, size and a seeded random draw, never by their text.

    tests/data/typo/clean5/draw.py MIRROR_GIT_DIR > rows.tsv

Prints `path<TAB>clean5` for the drawn documents and `path<TAB>clean5-issuer` for every other
document of the same issuers (all years), to be appended to ../clean-sets.txt.

Rule (../clean_draw.py, as clean4's): issuers named by no earlier set of ../clean-sets.txt
(clean2, clean3, clean3-issuer, clean4, clean4-issuer) and by no file name of ../shared/corpus;
documents of year <= 2025, 15-120 kB, not sharing three long lines with the corpus or another
issuer; random.Random("clean5"), 50 prefecture-level and 10 major-city issuers, one document each.
The provinces are used up (none of the folder's issuers is left), so clean4's four provincial
places go to the prefecture level.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import clean_draw  # noqa: E402

SEED = "clean5"
COUNT = {"政府工作报告-其他地市": 50, "政府工作报告-主要城市": 10}
LEFT_OUT = ("clean2", "clean3", "clean3-issuer", "clean4", "clean4-issuer")

if __name__ == "__main__":
    clean_draw.main(SEED, COUNT, LEFT_OUT)
