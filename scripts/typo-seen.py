#!/usr/bin/env python3
"""Build lints/typo-seen.toml: the spelling findings that independent issuers of
clean official text all draw, so that the lints can tell a term from a slip.

A real slip is idiosyncratic: one writer, one document. A window the homophone
lint (RL308) flags, or a doubled character with its neighbours that doubled-char
(RL301) flags, in the published reports of three or more different issuers is
a term of the official register the lexicon lacks (终期评估, 视情, 租赁房|房租), not
a typo. This script runs those two lints over a large collection of published
government work reports and statistical bulletins and keeps what at least
MIN_ISSUERS issuers share.

Source: github.com/lawtext/gov (official publications of state organs; see NOTICE).
Left out of the source, so that they can still measure:
  - every document of ../shared/corpus, and any source document that shares three
    or more long lines with one (copies of the same report);
  - the documents listed in EXCLUDE files given with --exclude (the clean sets
    used to measure false alarms, e.g. tests/data/typo/clean-sets.txt);
  - years after 2025 (the corpus holds the 2026 provincial reports).

usage: scripts/typo-seen.py MIRROR_GIT_DIR [--exclude FILE]... [--bin BIN]
  MIRROR_GIT_DIR: a clone of github.com/lawtext/gov (e.g. from the `fetch` tool)
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.join(HERE, "..")
CORPUS = os.path.join(REPO, "../shared/corpus")
OUT = os.path.join(REPO, "lints/typo-seen.toml")
MIN_ISSUERS = 3
FOLDERS = ("政府工作报告-主要城市", "政府工作报告-其他地市", "政府工作报告-省自治区", "国家统计局年度统计")
LONG_LINE = 30


def git(repo, *args):
    return subprocess.check_output(["git", "-C", repo, "-c", "core.quotepath=off", *args])


def body_text(raw):
    """The report's text: front matter, image lines and Markdown marks removed."""
    m = re.match(r"---\n(.*?)\n---\n", raw, re.S)
    body = raw[m.end():] if m else raw
    lines = []
    for line in body.splitlines():
        if re.match(r"\s*!\[.*\]\(.*\)\s*$", line):
            continue
        lines.append(re.sub(r"^#+\s*", "", line).replace("**", ""))
    return "\n".join(lines).strip() + "\n"


def long_lines(text):
    return {l.strip() for l in text.splitlines() if len(l.strip()) >= LONG_LINE}


def corpus_lines():
    seen = set()
    for dirpath, _, files in os.walk(CORPUS):
        for name in files:
            if name.endswith((".txt", ".md", ".csv")):
                try:
                    seen |= long_lines(open(os.path.join(dirpath, name), encoding="utf-8", errors="replace").read())
                except OSError:
                    pass
    return seen


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    mirror = args[0]
    excluded = set()
    binary = os.path.join(REPO, "target/release/reportlint")
    i = 1
    while i < len(args):
        if args[i] == "--exclude":
            excluded |= {l.split("\t")[0].strip() for l in open(args[i + 1], encoding="utf-8") if l.strip() and not l.startswith("#")}
            i += 2
        elif args[i] == "--bin":
            binary = args[i + 1]
            i += 2
        else:
            sys.exit(f"unknown argument {args[i]}")
    commit = git(mirror, "rev-parse", "HEAD").decode().strip()
    paths = [l.split("\t", 1)[1] for l in git(mirror, "ls-tree", "-r", "HEAD").decode().splitlines()]
    paths = [p for p in paths if p.endswith(".md") and p.split("/")[0] in FOLDERS and p not in excluded]
    paths = [p for p in paths if not (m := re.search(r"/(\d{4})[^/]*$", p)) or int(m.group(1)) <= 2025]
    in_corpus = corpus_lines()
    issuer_of = {}
    with tempfile.TemporaryDirectory() as tmp:
        kept = 0
        for n, p in enumerate(paths):
            text = body_text(git(mirror, "show", f"HEAD:{p}").decode("utf-8", "replace"))
            if len(long_lines(text) & in_corpus) >= 3:
                continue
            name = f"{n:05}.txt"
            open(os.path.join(tmp, name), "w", encoding="utf-8").write(text)
            parts = p.split("/")
            issuer_of[name] = parts[0] if parts[0] == "国家统计局年度统计" else parts[1]
            kept += 1
        out = subprocess.run([binary, "check", "--isolated", "--select", "RL301,RL308", "--format", "json", tmp],
                             capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(out.stderr)
        findings = json.loads(out.stdout)["findings"]
        issuers = defaultdict(set)
        for f in findings:
            name = os.path.basename(f["path"])
            text = open(os.path.join(tmp, name), encoding="utf-8").read()
            key = seen_key(f, text)
            if key:
                issuers[(f["code"], key)].add(issuer_of[name])
    keep = defaultdict(list)
    for (code, key), who in sorted(issuers.items()):
        if len(who) >= MIN_ISSUERS:
            keep[code].append(key)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Spelling findings that three or more independent issuers of published official\n")
        f.write("# text all draw: terms of the register the lexicon lacks, not slips.\n")
        f.write(f"# Built by scripts/typo-seen.py from github.com/lawtext/gov at {commit}\n")
        f.write(f"# ({kept} reports and bulletins of {len(set(issuer_of.values()))} issuers; see NOTICE).\n")
        f.write("# doubled: the doubled pair with one character either side; windows: the window.\n")
        f.write("doubled = \"\"\"\n" + "\n".join(keep["RL301"]) + "\n\"\"\"\n")
        f.write("windows = \"\"\"\n" + "\n".join(keep["RL308"]) + "\n\"\"\"\n")
    print(f"{kept} documents of {len(set(issuer_of.values()))} issuers, {len(findings)} findings; "
          f"kept {len(keep['RL301'])} doubled, {len(keep['RL308'])} windows (≥ {MIN_ISSUERS} issuers)")


def seen_key(f, text):
    """RL308: the window; RL301: the doubled pair with a character either side."""
    if f["code"] == "RL308":
        return f["snippet"]
    raw = text.encode("utf-8")
    before = raw[:f["byte_start"]].decode("utf-8", "replace")[-1:]
    after = raw[f["byte_end"]:].decode("utf-8", "replace")[:1]
    key = before + f["snippet"] + after
    return key if len(key) == 4 and all("\u4e00" <= c <= "\u9fff" for c in key) else None


if __name__ == "__main__":
    main()
