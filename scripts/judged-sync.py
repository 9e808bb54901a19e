#!/usr/bin/env python3
"""Bring tests/judged/ in line with what reportlint finds on ../shared/corpus.

Runs the release binary over the corpus, deletes judged lines whose finding is
gone (printing each: a `true` one lost is a regression to look at) and appends
every new finding with verdict `?` to the file of its half and family, with its
text and message. Verdicts already given are kept. Judge the `?` lines of the
tune half yourself; leave the held-out ones for measurement.

usage: scripts/judged-sync.py [--dry-run]
"""
import importlib.util
import json
import os
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CORPUS = os.path.normpath(os.path.join(ROOT, "../shared/corpus"))
spec = importlib.util.spec_from_file_location("split", os.path.join(ROOT, "scripts/corpus-split.py"))
split = importlib.util.module_from_spec(spec)
spec.loader.exec_module(split)


def family(code: str) -> str:
    if code.startswith("RL0"):
        return "input"
    if code.startswith("RL1"):
        return "numbering"
    if code.startswith("RL21"):
        return "tables"
    if code.startswith("RL2"):
        return "arithmetic"
    return "typo"


def main() -> None:
    dry = "--dry-run" in sys.argv
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    out = subprocess.run(
        [os.path.join(ROOT, "target/release/reportlint"), "--format", "json", "--isolated", CORPUS],
        capture_output=True, text=True, cwd=ROOT,
    ).stdout
    found = {}
    for f in json.loads(out)["findings"]:
        rel = os.path.relpath(os.path.normpath(os.path.join(ROOT, f["path"])) if not os.path.isabs(f["path"]) else f["path"], CORPUS)
        if "/" not in rel:
            continue
        key = f"{rel}:{f['line']}:{f['column']}:{f['code']}"
        text = f["snippet"].replace("\n", " ")[:24]
        half = "held-out" if split.held_out(rel) else "tune"
        found[key] = (half, family(f["code"]), f"{key} ? # 「{text}」 {f['message']}")
    seen = set()
    for half in ("tune", "held-out"):
        for fam in ("input", "numbering", "arithmetic", "tables", "typo"):
            path = os.path.join(ROOT, "tests/judged", half, fam + ".txt")
            keep = []
            for line in open(path, encoding="utf-8"):
                body = line.split(" # ")[0].strip()
                if body and not body.startswith("#"):
                    key = body.split(" ")[0]
                    if key not in found:
                        # Held-out lines are shown by key only: their text is for measuring.
                        shown = line.rstrip() if half == "tune" else body
                        print(f"gone  {half}/{fam}: {shown}")
                        continue
                    seen.add(key)
                keep.append(line.rstrip("\n"))
            new = [v[2] for k, v in sorted(found.items()) if v[0] == half and v[1] == fam and k not in seen]
            for n in new:
                print(f"new   {half}/{fam}: {n}" if half == "tune" else f"new   {half}/{fam}: {n.split(' ? ')[0]} ?")
            if not dry:
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write("\n".join(keep + new) + "\n")


if __name__ == "__main__":
    main()
