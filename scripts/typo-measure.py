#!/usr/bin/env python3
"""Sentence-level precision and recall of the spelling lints, and their false
alarm rate on clean text.

  scripts/typo-measure.py dev FILE.tsv     a set made by scripts/typo-devset.py: each
      sentence is linted as its own document. A sentence counts as found when a
      spelling finding covers a changed character; any other flagged sentence (a
      clean one, or a finding elsewhere) is a false alarm.
      precision = found / flagged sentences, recall = found / sentences with an error.
  scripts/typo-measure.py clean HALF       the documents (.txt, .md; seeds excluded) of
      one half of ../shared/corpus: flagged sentences per 1,000 sentences. For the
      held-out half only the aggregate is printed; `--list` shows the findings of
      the tune half. The corpus is edited but not error-free: a flagged sentence
      whose every finding is judged `true` in tests/judged/HALF/typo.txt holds a
      real typo, so the figure is printed twice, all flagged sentences and false
      alarms only (the verdicts are read, never printed).

The spelling lints are doubled-char, repeated-phrase, confusable, homophone and
idiom-slip (RL301 RL302 RL306 RL308 RL309). BIN (default target/release/reportlint)
is the binary run.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.join(HERE, "..")
CORPUS = os.path.join(REPO, "../shared/corpus")
SPELLING = "RL301,RL302,RL306,RL308,RL309"
SENTENCE = re.compile(r"(?<=[。！？；])|\n")


def run(paths):
    binary = os.environ.get("BIN", os.path.join(REPO, "target/release/reportlint"))
    out = subprocess.run(
        [binary, "check", "--isolated", "--select", SPELLING, "--format", "json", *paths],
        capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(out.stderr)
    return json.loads(out.stdout)["findings"]


def dev(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            continue
        _id, kind, typed, _orig, changed = line.rstrip("\n").split("\t")
        rows.append((kind, typed, {int(x) for x in changed.split(",") if x}))
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for k, (_, typed, _) in enumerate(rows):
            p = os.path.join(d, f"{k:05}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(typed + "\n")
            paths.append(p)
        findings = run(paths)
    by_file = {}
    for f in findings:
        k = int(os.path.basename(f["path"])[:5])
        text = rows[k][1].encode("utf-8")
        first = len(text[: f["byte_start"]].decode("utf-8", "replace"))
        last = len(text[: f["byte_end"]].decode("utf-8", "replace"))
        by_file.setdefault(k, []).append((first, last, f["code"]))
    errors = sum(1 for kind, _, _ in rows if kind != "clean")
    flagged = found = 0
    per_code = {}
    for k, spans in by_file.items():
        kind, _, changed = rows[k]
        flagged += 1
        hit = kind != "clean" and any(a <= c < b for a, b, _ in spans for c in changed)
        found += hit
        for _, _, code in spans:
            per_code.setdefault(code, [0, 0])[0 if hit else 1] += 1
    p = found / flagged if flagged else 1.0
    print(f"{os.path.basename(path)}: {len(rows)} sentences, {errors} with an error; "
          f"flagged {flagged}, right {found}: precision {p:.3f}, recall {found / errors:.3f}")
    for code, (right, wrong) in sorted(per_code.items()):
        print(f"  {code}: {right} right, {wrong} wrong")


def judged_verdicts(half):
    """`path:line:column:CODE` -> verdict, from the corpus verdicts of one half."""
    verdicts = {}
    path = os.path.join(REPO, "tests/judged", half, "typo.txt")
    for line in open(path, encoding="utf-8") if os.path.exists(path) else []:
        body = line.split(" # ")[0].strip()
        if body and not body.startswith("#"):
            key, verdict = body.split(" ", 1)
            verdicts[key] = verdict.strip()
    return verdicts


def clean(half, listing):
    split = subprocess.run([sys.executable, os.path.join(HERE, "corpus-split.py"), CORPUS],
                           capture_output=True, text=True, check=True).stdout
    docs = [os.path.join(CORPUS, rel) for h, rel in (l.split("\t") for l in split.splitlines())
            if h == half and not rel.startswith("seeds/") and rel.endswith((".txt", ".md"))]
    findings = run(docs)
    by_path = {}
    for f in findings:
        by_path.setdefault(os.path.realpath(f["path"]), []).append(f)
    verdicts = judged_verdicts(half)
    sentences = flagged = real = 0
    per_code = {}
    for path in docs:
        raw = open(path, "rb").read()
        text = raw.decode("utf-8", "replace")
        starts, at = [], 0
        for s in SENTENCE.split(text):
            if s.strip():
                starts.append((len(text[:at].encode("utf-8")), len(text[:at + len(s)].encode("utf-8")), s))
            at += len(s) + (1 if at + len(s) < len(text) and text[at + len(s)] == "\n" else 0)
        sentences += len(starts)
        hit = set()
        false_in = set()
        rel = os.path.relpath(path, CORPUS)
        for f in by_path.get(os.path.realpath(path), []):
            for k, (a, b, s) in enumerate(starts):
                if a <= f["byte_start"] < b:
                    if k not in hit:
                        per_code[f["code"]] = per_code.get(f["code"], 0) + 1
                    hit.add(k)
                    if verdicts.get(f"{rel}:{f['line']}:{f['column']}:{f['code']}") != "true":
                        false_in.add(k)
                    if listing and half == "tune":
                        print(f"{f['code']} {os.path.relpath(path, CORPUS)}:{f['line']}: {f['message']} | {s.strip()[:60]}")
        flagged += len(hit)
        real += len(hit - false_in)
    print(f"{half} half, clean text: {len(docs)} documents, {sentences} sentences, "
          f"{flagged} flagged by the spelling lints = {1000 * flagged / max(sentences, 1):.2f} per 1,000")
    print(f"  of them {real} hold a typo judged real (tests/judged/{half}/typo.txt); "
          f"false alarms: {flagged - real} = {1000 * (flagged - real) / max(sentences, 1):.2f} per 1,000")
    print("  by lint (first finding of each flagged sentence): "
          + ", ".join(f"{c} {n}" for c, n in sorted(per_code.items())))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "dev":
        dev(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "clean":
        clean(sys.argv[2], "--list" in sys.argv)
    else:
        sys.exit(__doc__)
