#!/usr/bin/env python3
"""Which half of ../shared/corpus a document belongs to.

Rules are tuned on the `tune` half; the `held-out` half is read only to measure
a rule after it is written. The half is a function of the document's path
relative to the corpus root (FNV-1a 64 of its UTF-8 bytes, lowest bit), so it
never changes and a new document is assigned without anyone choosing. The
seeds (reports with known real errors) are always tuned on.

usage: scripts/corpus-split.py [CORPUS]      prints `half<TAB>path` for every file
The same function is `held_out` in tests/common/mod.rs.
"""
import os
import sys


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def held_out(rel: str) -> bool:
    if rel.startswith("seeds/"):
        return False
    return fnv1a64(rel.encode("utf-8")) & 1 == 1


def main() -> None:
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../shared/corpus")
    for dirpath, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            rel = os.path.relpath(os.path.join(dirpath, name), root)
            if "/" not in rel:
                continue  # SOURCES.md and other notes at the top are not reports
            print(("held-out" if held_out(rel) else "tune") + "\t" + rel)


if __name__ == "__main__":
    main()
