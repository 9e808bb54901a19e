#!/usr/bin/env python3
"""Compare PDF text extractors with `pdftotext -layout` (poppler-utils) as the
reference, on the corpus PDFs (both halves) and on given extra files.

usage: scripts/pdf-compare.py [--engine NAME=COMMAND]... [--extra FILE]...
  COMMAND is run with the PDF's path in place of `{}` (appended when there is
  none) and prints the text; an exit
  status other than 0 counts as no text. Needs `pip install rapidfuzz`.

For every document and engine (text NFKC-normalised, whitespace removed):
  recall     characters of the reference found in the output (as a multiset)
  precision  characters of the output found in the reference (as a multiset)
  order      longest common subsequence / reference length: the share of the
             reference read in the same order
The reference keeps running headers, footers and page numbers, which a reader
for linting drops on purpose, so 100% recall is not the goal there.

Per-document numbers are printed for the tune half and extra files only; the
held-out half is reported as one aggregate per engine (documents are not
studied one by one).
"""
import argparse
import collections
import os
import subprocess
import sys
import time
import unicodedata

from rapidfuzz.distance import LCSseq

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")


def norm(text):
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if not c.isspace())


def run(cmd, path):
    t = time.perf_counter()
    try:
        args = [path if a == "{}" else a for a in cmd] if "{}" in cmd else cmd + [path]
        out = subprocess.run(args, capture_output=True, timeout=300)
    except subprocess.TimeoutExpired:
        return "", 300.0, "timeout"
    secs = time.perf_counter() - t
    if out.returncode != 0:
        return "", secs, out.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["failed"]
    return out.stdout.decode("utf-8", "replace"), secs, None


def scores(ref, hyp):
    r, h = collections.Counter(ref), collections.Counter(hyp)
    common = sum((r & h).values())
    lcs = LCSseq.similarity(ref, hyp) if ref and hyp else 0
    return common, len(ref), len(hyp), lcs


def pct(a, b):
    return f"{100.0 * a / b:6.2f}" if b else "   n/a"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", action="append", default=[])
    ap.add_argument("--extra", action="append", default=[])
    args = ap.parse_args()
    engines = [(e.split("=", 1)[0], e.split("=", 1)[1].split()) for e in args.engine]
    split = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "corpus-split.py")],
                           capture_output=True, text=True, check=True).stdout
    docs = [(half, os.path.join(CORPUS, rel)) for half, rel in
            (line.split("\t") for line in split.splitlines()) if rel.endswith(".pdf")]
    docs += [("extra", p) for p in args.extra]
    totals = collections.defaultdict(lambda: [0, 0, 0, 0, 0.0, 0, 0])
    print("half      engine        recall precision  order   seconds  document")
    for half, path in docs:
        ref, _, err = run(["pdftotext", "-layout", "{}", "-"], path)
        if err:
            print(f"{half:9} pdftotext failed: {err}")
            continue
        ref = norm(ref)
        size = os.path.getsize(path)
        for name, cmd in engines:
            hyp, secs, err = run(cmd, path)
            common, nref, nhyp, lcs = scores(ref, norm(hyp))
            t = totals[(half, name)]
            for i, v in enumerate([common, nref, nhyp, lcs, secs, size, 1 if err else 0]):
                t[i] += v
            if half != "held-out":
                note = f"  ({err})" if err else ""
                print(f"{half:9} {name:12} {pct(common, nref)} {pct(common, nhyp)}  {pct(lcs, nref)}  "
                      f"{secs:7.3f}  {os.path.basename(path)}{note}")
    print()
    print("half      engine        recall precision  order   MB/s  failed")
    for (half, name), (common, nref, nhyp, lcs, secs, size, failed) in sorted(totals.items()):
        mbs = size / 1e6 / secs if secs else 0
        print(f"{half:9} {name:12} {pct(common, nref)} {pct(common, nhyp)}  {pct(lcs, nref)}  {mbs:6.2f}  {failed}")


if __name__ == "__main__":
    main()
