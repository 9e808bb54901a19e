#!/usr/bin/env python3
"""Draw clean4: the documents of github.com/lawtext/gov that measure the spelling lints'
false alarms (issue 13), chosen by path, size and a seeded random draw, never by their text.

    tests/data/typo/clean4/draw.py MIRROR_GIT_DIR > rows.tsv

Prints `path<TAB>clean4` for the drawn documents and `path<TAB>clean4-issuer` for every other
document of the same issuers (all years), to be appended to ../clean-sets.txt.

Rule (../clean_draw.py, shared with the later sets):
  1. Issuers: the folders of 政府工作报告-其他地市 (prefecture-level), 政府工作报告-主要城市 (major
     cities) and 政府工作报告-省自治区 (provinces). An issuer is left out when a line of
     ../clean-sets.txt of an earlier set names it (clean2, clean3, clean3-issuer) or when its name is in the name of
     a file of ../shared/corpus (the 2026 provincial reports, incl. 北京 上海 天津 重庆; 深圳, 周口,
     黔东南, 平潭), so that nobody has tuned on any report of it.
  2. Documents: year <= 2025, 15-120 kB (as clean2), and fewer than three lines of 30 or more
     characters shared with any file of ../shared/corpus or any lawtext document of another
     issuer (not a copy of a report read elsewhere).
  3. Draw: random.Random(SEED); per folder, the sorted eligible issuers are shuffled and the first
     COUNT[folder] are taken; of each, one eligible document is drawn uniformly.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import clean_draw  # noqa: E402

SEED = "clean4"
COUNT = {"政府工作报告-其他地市": 46, "政府工作报告-主要城市": 10, "政府工作报告-省自治区": 4}
LEFT_OUT = ("clean2", "clean3", "clean3-issuer")

if __name__ == "__main__":
    clean_draw.main(SEED, COUNT, LEFT_OUT)
