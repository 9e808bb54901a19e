#!/usr/bin/env python3
"""Draw clean4: the documents of github.com/lawtext/gov that measure the spelling lints'
false alarms (issue 13), chosen by path, size and a seeded random draw, never by their text.

    tests/data/typo/clean4/draw.py MIRROR_GIT_DIR > rows.tsv

Prints `path<TAB>clean4` for the drawn documents and `path<TAB>clean4-issuer` for every other
document of the same issuers (all years), to be appended to ../clean-sets.txt.

Rule:
  1. Issuers: the folders of 政府工作报告-其他地市 (prefecture-level), 政府工作报告-主要城市 (major
     cities) and 政府工作报告-省自治区 (provinces). An issuer is left out when any line of
     ../clean-sets.txt other than clean4's own names it (clean2, clean3, clean3-issuer) or when its name is in the name of
     a file of ../shared/corpus (the 2026 provincial reports, incl. 北京 上海 天津 重庆; 深圳, 周口,
     黔东南, 平潭), so that nobody has tuned on any report of it.
  2. Documents: year <= 2025, 15-120 kB (as clean2), and fewer than three lines of 30 or more
     characters shared with any file of ../shared/corpus or any lawtext document of another
     issuer (not a copy of a report read elsewhere).
  3. Draw: random.Random(SEED); per folder, the sorted eligible issuers are shuffled and the first
     COUNT[folder] are taken; of each, one eligible document is drawn uniformly.
"""
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = os.path.join(HERE, "..", "clean-sets.txt")
CORPUS = os.path.join(HERE, "..", "..", "..", "..", "..", "shared", "corpus")
SEED = "clean4"
COUNT = {"政府工作报告-其他地市": 46, "政府工作报告-主要城市": 10, "政府工作报告-省自治区": 4}
LONG_LINE = 30
SIZE = (15_000, 120_000)


def _typo_seen():
    """scripts/typo-seen.py, whose text extraction the draw shares (one definition)."""
    import importlib.util
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "scripts", "typo-seen.py")
    spec = importlib.util.spec_from_file_location("typo_seen", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


body_text = _typo_seen().body_text


def long_lines(text):
    return {l.strip() for l in text.splitlines() if len(l.strip()) >= LONG_LINE}


def main():
    mirror = sys.argv[1]
    git = ["git", "--git-dir", mirror, "-c", "core.quotepath=off"]
    tree = subprocess.check_output(git + ["ls-tree", "-r", "-l", "HEAD"], text=True).splitlines()
    docs = {}  # path -> (issuer, folder, year, size)
    for row in tree:
        meta, path = row.split("\t", 1)
        parts = path.split("/")
        if len(parts) != 3 or parts[0] not in COUNT or not path.endswith(".md"):
            continue
        m = re.match(r"(\d{4})", parts[2])
        docs[path] = (parts[1], parts[0], int(m.group(1)) if m else 9999, int(meta.split()[3]))

    named = set()
    for line in open(SETS, encoding="utf-8"):
        if line.strip() and not line.startswith("#") and not line.split("\t")[1].startswith("clean4"):
            p = line.split("\t")[0].split("/")
            named.add(p[1] if len(p) == 3 else p[0])
    corpus_names, corpus_lines = [], set()
    for dirpath, _, files in os.walk(CORPUS):
        for name in files:
            corpus_names.append(name)
            if name.endswith((".txt", ".md", ".csv")):
                corpus_lines |= long_lines(open(os.path.join(dirpath, name), encoding="utf-8", errors="replace").read())

    def issuer_ok(issuer):
        short = re.sub(r"(市|省|自治区|壮族自治区|回族自治区|维吾尔自治区|苗族侗族自治州|自治州)$", "", issuer)
        return issuer not in named and not any(short in n for n in corpus_names)

    # The long lines of every document, to find copies across issuers.
    batch = subprocess.run(git + ["cat-file", "--batch"], input="".join(f"HEAD:{p}\n" for p in docs).encode(),
                           capture_output=True, check=True).stdout
    lines_of, pos = {}, 0
    for p in docs:
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        lines_of[p] = long_lines(body_text(batch[header_end + 1:header_end + 1 + size].decode("utf-8", "replace")))
        pos = header_end + 1 + size + 1
    owners = {}
    for p, ls in lines_of.items():
        for l in ls:
            owners.setdefault(l, set()).add(docs[p][0])

    def doc_ok(p):
        issuer, _, year, size = docs[p]
        if year > 2025 or not SIZE[0] <= size <= SIZE[1]:
            return False
        if len(lines_of[p] & corpus_lines) >= 3:
            return False
        return sum(1 for l in lines_of[p] if owners[l] - {issuer}) < 3

    rng = random.Random(SEED)
    drawn = []
    for folder in COUNT:
        issuers = sorted({d[0] for d in docs.values() if d[1] == folder and issuer_ok(d[0])})
        rng.shuffle(issuers)
        taken = 0
        for issuer in issuers:
            if taken == COUNT[folder]:
                break
            eligible = sorted(p for p in docs if docs[p][0] == issuer and doc_ok(p))
            if eligible:
                drawn.append(rng.choice(eligible))
                taken += 1
        print(f"{folder}: {len(issuers)} eligible issuers, {taken} drawn", file=sys.stderr)
    issuers = {docs[p][0] for p in drawn}
    for p in sorted(drawn):
        print(f"{p}\tclean4")
    for p in sorted(p for p in docs if docs[p][0] in issuers and p not in drawn):
        print(f"{p}\tclean4-issuer")


if __name__ == "__main__":
    main()
