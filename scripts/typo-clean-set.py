#!/usr/bin/env python3
"""Measure the spelling lints' false alarms on a clean set of official prose (issue 13).

    scripts/typo-clean-set.py MIRROR SET OUT [--verdicts FILE]

MIRROR is a git directory of github.com/lawtext/gov (no work tree needed); SET is a set name of
tests/data/typo/clean-sets.txt (clean2, clean3). The set's documents are written to OUT/docs/ the
way clean2 was made: front matter dropped, Markdown image lines dropped, leading `#` of headings and
`**` bold marks removed, nothing else changed; names are KIND_YEAR_PLACE.txt (govreport, bulletin,
plan). clean2 also held 15 State Council documents from another source (not in the mirror): only
its lawtext rows are handled here.

Then the spelling lints run on OUT/docs (BIN, default target/release/reportlint:
`check --isolated --select RL301,RL302,RL306,RL308,RL309 --format json docs`, run from OUT, so
findings are named docs/NAME). Sentences are split on 。！？； and newlines, blank ones dropped.
With --verdicts (lines `docs/NAME:line:column:CODE true|false # why`) it prints real typos, false
alarms per 1,000 sentences, findings without a verdict (NEW) and verdicts whose finding is gone.
"""
import argparse
import bisect
import collections
import json
import os
import re
import subprocess
import sys

LINTS = ["RL301", "RL302", "RL306", "RL308", "RL309"]
SETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "typo", "clean-sets.txt")
SENTENCE_END = re.compile(r"[。！？；\n]")


def set_paths(name):
    out = []
    for line in open(SETS, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        path, which = line.rstrip("\n").split("\t")
        if which == name:
            out.append(path)
    return out


def doc_name(path):
    """The file name clean2's collect.py gave a repository path."""
    parts = path.split("/")
    stem = parts[-1][:-3]
    if parts[0].startswith("国家统计局"):
        return f"bulletin_{stem[:4]}_全国.txt"
    if parts[0] == "五年规划":
        return f"plan_{stem[:4]}_{stem[5:]}.txt"
    return f"govreport_{stem[:4]}_{parts[1]}.txt"


def plain_text(raw):
    """Front matter, image lines and Markdown marks removed (as clean2's collect.py)."""
    front = {}
    body = raw
    m = re.match(r"---\n(.*?)\n---\n", raw, re.S)
    if m:
        for line in m.group(1).splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                front[k.strip()] = v.strip()
        body = raw[m.end():]
    lines = []
    for line in body.splitlines():
        if re.match(r"\s*!\[.*\]\(.*\)\s*$", line):
            continue
        line = re.sub(r"^#+\s*", "", line)
        lines.append(line.replace("**", ""))
    return "\n".join(lines).strip() + "\n", front


def extract(mirror, paths, out):
    docs = os.path.join(out, "docs")
    os.makedirs(docs, exist_ok=True)
    commit = subprocess.check_output(["git", "-C", mirror, "rev-parse", "HEAD"], text=True).strip()
    rows = []
    for p in paths:
        raw = subprocess.check_output(["git", "-C", mirror, "show", "HEAD:" + p]).decode("utf-8")
        text, front = plain_text(raw)
        name = doc_name(p)
        if any(r[0] == name for r in rows):
            sys.exit(f"two documents would be named {name}")
        with open(os.path.join(docs, name), "w", encoding="utf-8") as f:
            f.write(text)
        rows.append((name, p, front.get("title", ""), front.get("source", ""), len(text.encode())))
    with open(os.path.join(out, "sources.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# github.com/lawtext/gov at {commit}\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")
    return commit, rows


def run_lints(out):
    binary = os.path.abspath(os.environ.get("BIN", "target/release/reportlint"))
    cmd = [binary, "check", "--isolated", "--select", ",".join(LINTS), "--format", "json", "docs"]
    res = subprocess.run(cmd, cwd=out, capture_output=True, text=True)
    if not res.stdout.strip():
        sys.exit(f"{' '.join(cmd)} failed ({res.returncode}): {res.stderr}")
    with open(os.path.join(out, "findings.json"), "w", encoding="utf-8") as f:
        f.write(res.stdout)
    return json.loads(res.stdout)["findings"]


def sentences(text):
    """Byte offsets where each non-blank sentence starts."""
    segs, start = [], 0
    for m in SENTENCE_END.finditer(text):
        segs.append((start, m.end()))
        start = m.end()
    segs.append((start, len(text)))
    segs = [(s, e) for s, e in segs if text[s:e].strip(" \t\n。！？；")]
    return [len(text[:s].encode()) for s, _ in segs]


def read_verdicts(path):
    verdicts = {}
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"(\S+:\d+:\d+:RL\d+) (true|false)\b", line)
        if not m:
            sys.exit(f"{path}:{n}: not `file:line:column:CODE true|false # why`")
        verdicts[m.group(1)] = m.group(2) == "true"
    return verdicts


def per_1000(n, total):
    return 1000 * n / total if total else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mirror")
    ap.add_argument("set")
    ap.add_argument("out")
    ap.add_argument("--verdicts")
    ap.add_argument("--findings", help="read findings from this JSON file instead of running BIN")
    a = ap.parse_args()
    paths = set_paths(a.set)
    if not paths:
        sys.exit(f"no document in set {a.set}")
    commit, rows = extract(a.mirror, paths, a.out)
    if a.findings:
        findings = json.load(open(a.findings, encoding="utf-8"))["findings"]
    else:
        findings = run_lints(a.out)

    starts, total, chars = {}, 0, 0
    for name, *_ in rows:
        text = open(os.path.join(a.out, "docs", name), encoding="utf-8").read()
        starts[name] = sentences(text)
        total += len(starts[name])
        chars += len(text)
    sentence_of = {}
    outside = [f for f in findings if os.path.basename(f["path"]) not in starts]
    if outside:
        print(f"({len(outside)} findings on documents outside the set ignored)")
    findings = [f for f in findings if os.path.basename(f["path"]) in starts]
    for f in findings:
        name = os.path.basename(f["path"])
        key = f"{f['path']}:{f['line']}:{f['column']}:{f['code']}"
        sentence_of[key] = (name, bisect.bisect_right(starts[name], f["byte_start"]) - 1, f)

    print(f"set {a.set}: {len(rows)} documents of lawtext/gov {commit[:12]}, {chars:,} characters, "
          f"{sum(r[4] for r in rows):,} bytes, {total:,} sentences")
    flagged = {s[:2] for s in sentence_of.values()}
    by_code = collections.Counter(f["code"] for f in findings)
    print(f"findings {len(findings)} in {len(flagged)} sentences: {per_1000(len(flagged), total):.2f} flagged per 1,000")
    for code in LINTS:
        sents = {s[:2] for s in sentence_of.values() if s[2]["code"] == code}
        print(f"  {code}: {by_code[code]} findings, {len(sents)} sentences")
    if not a.verdicts:
        return
    verdicts = read_verdicts(a.verdicts)
    new = [k for k in sentence_of if k not in verdicts]
    in_set = {k: v for k, v in verdicts.items() if os.path.basename(k.split(":")[0]) in starts}
    if len(in_set) < len(verdicts):
        print(f"({len(verdicts) - len(in_set)} verdicts on documents outside the set ignored)")
    gone = [k for k in in_set if k not in sentence_of]
    print(f"verdicts {a.verdicts}:")
    false_sents = set()
    for code in LINTS:
        keys = [k for k, s in sentence_of.items() if s[2]["code"] == code and k in verdicts]
        t = sum(verdicts[k] for k in keys)
        fs = {sentence_of[k][:2] for k in keys if not verdicts[k]}
        false_sents |= fs
        print(f"  {code}: {t} true, {len(keys) - t} false ({len(fs)} sentences, {per_1000(len(fs), total):.2f} per 1,000)")
    judged = [k for k in sentence_of if k in verdicts]
    true_n = sum(verdicts[k] for k in judged)
    print(f"  all: {true_n} real typos, {len(judged) - true_n} false alarms in {len(false_sents)} sentences: "
          f"{per_1000(len(false_sents), total):.2f} false per 1,000 sentences (target 0.5)")
    for k in new:
        print(f"NEW {k} {sentence_of[k][2]['snippet']!r} {sentence_of[k][2]['message']}")
    for k in gone:
        print(f"GONE {k} {'true' if verdicts[k] else 'false'}")
    print(f"{len(new)} new findings without a verdict, {len(gone)} verdicts whose finding is gone")


if __name__ == "__main__":
    main()
