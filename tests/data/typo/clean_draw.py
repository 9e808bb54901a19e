"""The seeded draw that makes a lawtext clean set (clean4, clean5, ...): documents of
github.com/lawtext/gov that measure the spelling lints' false alarms (issue 13), chosen by path,
size and a seeded random draw, never by their text. Each set's draw.py calls `main` with its seed,
its counts per folder and the sets of ../clean-sets.txt drawn before it.

Rule:
  1. Issuers: the folders named in COUNT (政府工作报告-其他地市 prefecture-level, 政府工作报告-主要城市
     major cities, 政府工作报告-省自治区 provinces). An issuer is left out when a line of
     clean-sets.txt of an earlier set (LEFT_OUT) names it, or when its name is in the name of a
     file of ../shared/corpus (the 2026 provincial reports, incl. 北京 上海 天津 重庆; 深圳, 周口,
     黔东南, 平潭), so that nobody has tuned on any report of it.
  2. Documents: year <= 2025, 15-120 kB, and fewer than three lines of 30 or more characters
     shared with any file of ../shared/corpus or any lawtext document of another issuer (not a
     copy of a report read elsewhere).
  3. Draw: random.Random(SEED); per folder, the sorted eligible issuers are shuffled and the first
     COUNT[folder] with an eligible document are taken; of each, one eligible document is drawn
     uniformly.

Prints `path<TAB>SEED` for the drawn documents and `path<TAB>SEED-issuer` for every other document
of the same issuers (all years), to be appended to clean-sets.txt.
"""
import importlib.util
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..")
SETS = os.path.join(HERE, "clean-sets.txt")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
LONG_LINE = 30
SIZE = (15_000, 120_000)
FOLDERS = ("政府工作报告-其他地市", "政府工作报告-主要城市", "政府工作报告-省自治区")


def _typo_seen():
    """scripts/typo-seen.py, whose text extraction the draw shares (one definition)."""
    spec = importlib.util.spec_from_file_location("typo_seen", os.path.join(ROOT, "scripts", "typo-seen.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


body_text = _typo_seen().body_text


def long_lines(text):
    return {l.strip() for l in text.splitlines() if len(l.strip()) >= LONG_LINE}


def named_issuers(left_out):
    """The issuers (or folders) named by the lines of clean-sets.txt whose set is in left_out."""
    named = set()
    for line in open(SETS, encoding="utf-8"):
        if line.strip() and not line.startswith("#") and line.rstrip("\n").split("\t")[1] in left_out:
            p = line.split("\t")[0].split("/")
            named.add(p[1] if len(p) == 3 else p[0])
    return named


def main(seed, count, left_out):
    mirror = sys.argv[1]
    git = ["git", "--git-dir", mirror, "-c", "core.quotepath=off"]
    tree = subprocess.check_output(git + ["ls-tree", "-r", "-l", "HEAD"], text=True).splitlines()
    docs = {}  # path -> (issuer, folder, year, size), every document of the three folders
    for row in tree:
        meta, path = row.split("\t", 1)
        parts = path.split("/")
        if len(parts) != 3 or parts[0] not in FOLDERS or not path.endswith(".md"):
            continue
        m = re.match(r"(\d{4})", parts[2])
        docs[path] = (parts[1], parts[0], int(m.group(1)) if m else 9999, int(meta.split()[3]))

    named = named_issuers(left_out)
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

    rng = random.Random(seed)
    drawn = []
    for folder in count:
        issuers = sorted({d[0] for d in docs.values() if d[1] == folder and issuer_ok(d[0])})
        rng.shuffle(issuers)
        taken = 0
        for issuer in issuers:
            if taken == count[folder]:
                break
            eligible = sorted(p for p in docs if docs[p][0] == issuer and doc_ok(p))
            if eligible:
                drawn.append(rng.choice(eligible))
                taken += 1
        print(f"{folder}: {len(issuers)} eligible issuers, {taken} drawn", file=sys.stderr)
    issuers = {docs[p][0] for p in drawn}
    for p in sorted(drawn):
        print(f"{p}\t{seed}")
    for p in sorted(p for p in docs if docs[p][0] in issuers and p not in drawn):
        print(f"{p}\t{seed}-issuer")
