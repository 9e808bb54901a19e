#!/usr/bin/env python3
"""Flood benchmark: every lint's trigger pattern and every Document stage's input
repeated at 1, 4 and 16 MB in four shapes, timed with the release binary.

    python3 scripts/floods.py [--bin target/release/reportlint] [--sizes 1,4,16]
                              [--only SUBSTRING] [--format json] [--timeout 120]

Shapes: `line` (the unit repeated on one line: one paragraph, one sentence when
the unit has no full stop), `para` (the same, hard-wrapped every 40 characters so
that the Document joins it into one paragraph), `table` (one tab-separated table
whose rows carry the unit), `section` (the unit repeated as paragraphs under one
heading). Units: each lint's fixture `fixtures/<lint>/bad.txt`, and the floods
that were quadratic before (issue 16).

Prints one row per flood: wall seconds and peak RSS at each size, and the
16 MB / 1 MB time ratio (linear is 16; the target is at most 20). Runs that pass
the timeout are killed and shown as `>T`; larger sizes of a flood whose 1 MB run
took over a tenth of the timeout are skipped.
"""
import argparse
import os
import signal
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Document stages and the floods of issue 16 (one unit each).
STAGES = {
    "sum-sentence": "全市共有医疗机构一百家，",
    "numbers-no-punct": "项目{i}",
    "quantity-lines": "第{i}项 投入资金{i}万元\n",
    "suppressions": "reportlint-disable RL101\n一、甲\nreportlint-enable RL101\n",
    "brackets": "“《（【",
    "doubled-char": "农农村，",
    "dates": "2021年6月30日，",
    "rates": "筛查123人，完成率95.5%，",
    "repeated-phrase": "推进工作推进工作，",
    "enumeration": "项目3个，分别为甲、乙、丙。",
    "inline-markers": "（一）甲（",
    "yishi-markers": "一是加强；二是推进；",
    "halfwidth": "甲,乙(丙)",
    "spaces": "甲 乙，",
    "sentences": "甲。",
    "numerals": "一百二十三万四千五百六十七",
    # ；-joined 其中 lists with no full stop: cubic before the breakdowns' reach was bounded
    "qizhong-semicolons": "项目投资10亿元，增长5%；其中，工业投资6亿元；建筑投资3亿元；",
    # the prose claims of issue 12: classes named class by class, states of one act,
    # a period's balance, shares after 分别 and their changes in points
    "class-by-class": "共报告传染病100例，死亡5人。其中，甲类传染病无发病；乙类传染病发病60例，死亡3人",
    "act-states": "问题50项，已整改40项，正在整改10项，未整改资金3万元，",
    "period-balance": "基金收入10亿元，支出8亿元，当期结存2亿元，",
    "respective-shares": "第一、二、三产业的比重分别为10%、20%和70%，上升1.2和0.8个百分点，",
    # a base named in full after 占…的 / 完成…的, stated sentences before (arith3)
    "named-base": "年度投资计划100亿元。完成投资90亿元，占年度投资计划的90.0%。零售总额50亿元，",
    # tables without layout: rows spaced singly, rate rows, web rows with merged cells
    "spaced-rows": "甲{i} 1 2 3\n",
    "rate-rows": "治愈 {i} 3\n出院 {i} 6\n治愈率 % 50 50\n",
    "inline-rows": "区{i} 1 2 3 ",
    "merged-pipe": "甲{i} | 1 | 2 | 3 |\n乙 | 1 | 2 |\n合计 | 2 | 4 | 6 |\n",
}

SHAPES = ("line", "para", "table", "section")


def units():
    for name, unit in STAGES.items():
        yield f"stage:{name}", unit
    for bad in sorted((ROOT / "fixtures").glob("*/bad.txt")):
        text = bad.read_bytes().decode("utf-8", "surrogateescape")
        yield f"lint:{bad.parent.name}", text


def expand(unit, i):
    return unit.replace("{i}", str(i)) if "{i}" in unit else unit


def build(unit, shape, size):
    """The flood of `unit` in `shape`, about `size` bytes, as bytes."""
    out, n, i = [], 0, 0
    if shape == "section":
        out.append("一、情况\n")
    if shape == "table":
        out.append("名称\t内容\t数量（个）\n")
    while n < size:
        u = expand(unit, i)
        if shape in ("line", "para"):
            u = u.replace("\n", "")
        elif shape == "table":
            u = f"项目{i}\t{u.replace(chr(10), '').replace(chr(9), ' ')[:60]}\t{i % 97 + 1}\n"
        elif shape == "section" and not u.endswith("\n"):
            u += "\n"
        out.append(u)
        n += len(u.encode("utf-8", "surrogateescape"))
        i += 1
    text = "".join(out)
    if shape == "para":
        # Hard-wrapped: 40 characters a line, no blank line, one paragraph.
        text = "\n".join(text[k:k + 40] for k in range(0, len(text), 40))
    return (text + "\n").encode("utf-8", "surrogateescape")


def run_timed(binary, path, fmt, timeout):
    """(wall seconds, peak RSS in MB, exit code) or (None, None, 'timeout')."""
    cmd = ["/usr/bin/time", "-f", "%e %M", binary, "--isolated", "--format", fmt,
           "--output", "/dev/null", str(path)]
    # Its own process group, so a timeout kills the linter under /usr/bin/time too
    # (killing `time` alone left the linter running and loading the next case).
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         start_new_session=True)
    try:
        _, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return None, None, None
    last = err.decode(errors="replace").strip().splitlines()[-1].split()
    return float(last[0]), int(last[1]) / 1024, p.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target/release/reportlint"))
    ap.add_argument("--sizes", default="1,4,16")
    ap.add_argument("--only", default="")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--format", default="json")
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = args.shapes.split(",")
    print(f"# {args.bin} --format {args.format}; sizes {sizes} MB; wall s / peak RSS MB")
    print(f"{'flood':<34} {'shape':<8} " + " ".join(f"{str(s) + ' MB':>16}" for s in sizes)
          + f" {'ratio':>6}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, unit in units():
            if args.only and args.only not in name:
                continue
            for shape in shapes:
                cells, times = [], {}
                skip = False
                for size in sizes:
                    if skip:
                        cells.append(f"{'skipped':>16}")
                        continue
                    path = pathlib.Path(tmp) / f"flood-{shape}.txt"
                    path.write_bytes(build(unit, shape, size << 20))
                    wall, rss, code = run_timed(args.bin, path, args.format, args.timeout)
                    if wall is None:
                        cells.append(f"{'>' + str(int(args.timeout)) + 's':>16}")
                        skip = True
                        continue
                    times[size] = wall
                    mark = "" if code in (0, 1) else f" exit{code}"
                    cells.append(f"{wall:7.2f} {rss:6.0f}{mark:>3}"[:16].rjust(16))
                    if wall > args.timeout / 10:
                        skip = True
                lo, hi = min(sizes), max(sizes)
                ratio = (times[hi] / max(times[lo], 0.01)) if lo in times and hi in times else None
                if ratio is not None:
                    worst = max(worst, ratio)
                shown = f"{ratio:6.1f}" if ratio is not None else "     -"
                print(f"{name:<34} {shape:<8} " + " ".join(cells) + f" {shown}", flush=True)
    print(f"# worst ratio {worst:.1f}")


if __name__ == "__main__":
    sys.exit(main())
