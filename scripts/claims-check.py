#!/usr/bin/env python3
"""Check the arithmetic dev set in tests/data/claims/ by hand-written formulas.

Every claim that is not a distractor carries `check`: the claim's arithmetic as a
formula over the numbers printed in `text`, e.g. `305 / 488 * #100 = 62.5`.
A printed number is the interval its last digit allows (62.5 is [62.45, 62.55],
1329.65 is [1329.645, 1329.655]); `#100` is an exact constant; `over(x)` (余,
以上, 超过) is [x, x + 10% of x]; `under(x)` (近, 不到) is [x - 10% of x, x];
`approx(x)` (约) widens x by one unit of its last digit each side. A claim with
`exact = true` counts discrete things (accidents, schools, people): its whole
numbers are exact, not intervals. Relations:
`=` (the two intervals meet), `<=`, `>=`; several relations are joined by `;`.
A printed number marked with `'` (`3'`) is the one `mutate` changes, where the
same digits stand elsewhere in the check for another number of the text.

The script verifies, for every claim:
- each number in `check` appears in `text` (digits compared without spaces or
  thousands separators);
- `holds` claims hold, `real_error` claims fail;
- `mutate = ["from", "to"]` (optional third item: which occurrence in the text,
  1-based) changes one number token of the text, the same number in `check`, and
  the mutated formula fails even when every printed interval is 1.5 times as wide (so the
  error is clear, not a rounding question);
- distractors carry no check and no mutation.

usage: scripts/claims-check.py [--write] [--set DIR] [FILES...]
  --set DIR another set in the same format (tests/data/claims-unseen)
  --write   rewrite the `recomputed = "…"` line after each check (and
            `mutated_recomputed`) with what the script computes
"""
import glob
import math
import os
import re
import sys
import tomllib
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "tests", "data", "claims")


class I:
    """A closed interval of rationals."""

    def __init__(self, lo, hi):
        self.lo, self.hi = (lo, hi) if lo <= hi else (hi, lo)

    def __add__(self, o):
        o = lift(o)
        return I(self.lo + o.lo, self.hi + o.hi)

    __radd__ = __add__

    def __sub__(self, o):
        o = lift(o)
        return I(self.lo - o.hi, self.hi - o.lo)

    def __rsub__(self, o):
        return lift(o) - self

    def __neg__(self):
        return I(-self.hi, -self.lo)

    def __mul__(self, o):
        o = lift(o)
        p = [self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi]
        return I(min(p), max(p))

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = lift(o)
        if o.lo <= 0 <= o.hi:
            raise ZeroDivisionError("divisor interval contains 0")
        return self * I(1 / o.hi, 1 / o.lo)

    def __rtruediv__(self, o):
        return lift(o) / self

    def show(self):
        def f(x):
            return f"{float(x):.6g}"

        return f"[{f(self.lo)}, {f(self.hi)}]"


def lift(x):
    return x if isinstance(x, I) else I(F(x), F(x))


SCALE = 1  # 1 normally; 1.5 when checking that a mutation fails clearly


def half_unit(s):
    d = len(s.split(".")[1]) if "." in s else 0
    return F(1, 10**d) / 2


EXACT_INTS = False  # a claim's `exact = true`: its whole numbers are counts of things


def N(s):
    v = F(s)
    if EXACT_INTS and "." not in s:
        return I(v, v)
    h = half_unit(s) * SCALE
    return I(v - h, v + h)


def E(s):
    return lift(F(s))


def over(x):
    return I(x.lo, x.hi + x.hi / 10)


def under(x):
    return I(x.lo - x.lo / 10, x.hi)


def approx(x):
    w = (x.hi - x.lo)
    return I(x.lo - w, x.hi + w)


NUM = re.compile(r"(#?)(\d+(?:\.\d+)?)(')?")


def literals(expr):
    """The printed numbers of a check (not the #constants), in order."""
    return [m.group(2) for m in NUM.finditer(expr) if not m.group(1)]


def to_python(expr):
    def rep(m):
        return f'E("{m.group(2)}")' if m.group(1) else f'N("{m.group(2)}")'

    return NUM.sub(rep, expr)


def evaluate(check):
    """[(relation text, holds, lhs, rhs)] for each relation of a check."""
    out = []
    for rel in [r.strip() for r in check.split(";") if r.strip()]:
        m = re.match(r"^(.*?)(<=|>=|=)(.*)$", rel)
        if not m:
            raise ValueError(f"no relation in {rel!r}")
        env = {"N": N, "E": E, "over": over, "under": under, "approx": approx}
        a = eval(to_python(m.group(1)), env)  # noqa: S307 - our own data
        b = eval(to_python(m.group(3)), env)
        a, b = lift(a), lift(b)
        op = m.group(2)
        if op == "=":
            # Printed intervals are half-open ([95.825, 95.835)): two of them that
            # only touch at an end do not meet (4533.05 against 4533.04).
            touch_only = (a.lo == b.hi or b.lo == a.hi) and a.lo < a.hi and b.lo < b.hi
            ok = a.lo <= b.hi and b.lo <= a.hi and not touch_only
        elif op == "<=":
            ok = a.lo <= b.hi
        else:
            ok = a.hi >= b.lo
        out.append((rel, ok, a, b))
    return out


def describe(results):
    parts = []
    for rel, ok, a, b in results:
        parts.append(f"{a.show()} vs {b.show()} {'holds' if ok else 'FAILS'}")
    return "; ".join(parts)


def norm_text(t):
    t = t.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    # thousands written with a space or comma: 31 245, 1,234,567, 5,806,105.16
    return re.sub(
        r"(?<![\d.])\d{1,3}(?:[ ,，]\d{3})+(?:\.\d+)?(?![\d.])",
        lambda m: re.sub(r"[ ,，]", "", m.group(0)),
        t,
    )


def token_spans(text, num):
    """Where `num` stands in `text` as a whole number (not part of a longer one)."""
    spans = []
    for m in re.finditer(re.escape(num), text):
        a, b = m.start(), m.end()
        before = text[a - 1] if a > 0 else ""
        after = text[b : b + 2]
        if before.isdigit() or before == ".":
            continue
        if after[:1].isdigit() or (after[:1] == "." and after[1:2].isdigit()):
            continue
        spans.append((a, b))
    return spans


def mutate_text(text, mut):
    frm, to = mut[0], mut[1]
    nth = mut[2] if len(mut) > 2 else None
    spans = token_spans(text, frm)
    if not spans:
        raise ValueError(f"mutated number {frm} not in text")
    if nth is None and len(spans) > 1:
        raise ValueError(f"{frm} occurs {len(spans)} times: say which (third item)")
    if not 1 <= (nth or 1) <= len(spans):
        raise ValueError(f"{frm} has no occurrence {nth}")
    a, b = spans[(nth or 1) - 1]
    return text[:a] + to + text[b:]


def mutate_check(check, mut):
    # a number printed with thousands separators (1 983, 1,196,625) stands in the check as 1983
    frm, to = (norm_text(re.sub(r"[ ,]", "", x)) for x in mut[:2])
    hits = [m for m in NUM.finditer(check) if not m.group(1) and m.group(2) == frm]
    if any(m.group(3) for m in hits):  # a mark says which of several equal numbers
        hits = [m for m in hits if m.group(3)]
    if not hits:
        raise ValueError(f"{frm} is not in the check")
    for m in reversed(hits):  # the same printed number, wherever the check uses it
        check = check[: m.start(2)] + to + check[m.end(2) :]
    return check


def load(files):
    claims = []
    for f in files:
        with open(f, "rb") as fh:
            d = tomllib.load(fh)
        for c in d.get("claim", []):
            c["_file"] = f
            claims.append(c)
    return claims


def check_claim(c):
    """Error strings for one claim (empty when it is right), and the recomputations."""
    global SCALE, EXACT_INTS
    EXACT_INTS = bool(c.get("exact"))
    errs = []
    rec = mrec = None
    verdict = c.get("verdict")
    text = c.get("text", "")
    if verdict == "distractor":
        if "check" in c or "mutate" in c:
            errs.append("a distractor has no check and no mutation")
        return errs, rec, mrec
    if verdict not in ("holds", "real_error"):
        return [f"verdict {verdict!r}"], rec, mrec
    check = c.get("check")
    if not check:
        return ["no check"], rec, mrec
    nt = norm_text(text)
    for lit in literals(check):
        if not token_spans(nt, lit):
            errs.append(f"{lit} of the check is not in the text")
    SCALE = 1
    try:
        res = evaluate(check)
    except Exception as e:  # noqa: BLE001
        return errs + [f"check does not evaluate: {e}"], rec, mrec
    rec = describe(res)
    holds = all(ok for _, ok, _, _ in res)
    if verdict == "holds" and not holds:
        errs.append(f"marked holds but fails: {rec}")
    if verdict == "real_error" and holds:
        errs.append(f"marked real_error but holds: {rec}")
    mut = c.get("mutate")
    if verdict == "holds":
        if not mut:
            errs.append("a claim that holds needs a mutation")
            return errs, rec, mrec
        try:
            mt = mutate_text(text, mut)
            mc = mutate_check(check, mut)
        except ValueError as e:
            return errs + [str(e)], rec, mrec
        if mt == text:
            errs.append("mutation changes nothing")
        SCALE = 1
        mres = evaluate(mc)
        mrec = describe(mres)
        SCALE = F(3, 2)
        clear = not all(ok for _, ok, _, _ in evaluate(mc))
        SCALE = 1
        if all(ok for _, ok, _, _ in mres):
            errs.append(f"mutation still holds: {mrec}")
        elif not clear:
            errs.append(f"mutation fails only narrowly (holds with intervals 1.5 times as wide): {mrec}")
    return errs, rec, mrec


def write_back(path, results):
    """Rewrite recomputed / mutated_recomputed lines after each claim's check line."""
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    out = []
    ids = iter(results)
    current = None
    for line in lines:
        if re.match(r"^(recomputed|mutated_recomputed) = ", line):
            continue
        out.append(line)
        m = re.match(r'^id = "(.*)"$', line)
        if m:
            current = m.group(1)
        if line.startswith("check = ") and current in results:
            rec, mrec = results[current]
            if rec:
                out.append(f"recomputed = {toml_str(rec)}")
            if mrec:
                out.append(f"mutated_recomputed = {toml_str(mrec)}")
    del ids
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    global DATA
    args = sys.argv[1:]
    write = "--write" in args
    if "--set" in args:
        # --set tests/data/claims-unseen: check the unseen set instead
        k = args.index("--set")
        DATA = args[k + 1]
        del args[k : k + 2]
    files = [a for a in args if a != "--write"] or sorted(
        f for f in glob.glob(os.path.join(DATA, "*.toml")) if not f.endswith("expected.toml")
    )
    claims = load(files)
    with open(os.path.join(DATA, "sources.toml"), "rb") as fh:
        sources = {s["id"] for s in tomllib.load(fh).get("source", [])}
    bad = 0
    seen = set()
    per_file = {}
    for c in claims:
        cid = c.get("id")
        if cid in seen:
            print(f"{cid}: duplicate id")
            bad += 1
        seen.add(cid)
        errs, rec, mrec = check_claim(c)
        if c.get("source") not in sources:
            errs.append(f"unknown source {c.get('source')!r}")
        per_file.setdefault(c["_file"], {})[cid] = (rec, mrec)
        for e in errs:
            print(f"{cid}: {e}")
        bad += bool(errs)
    if write:
        for f, res in per_file.items():
            write_back(f, res)
    counts = {}
    for c in claims:
        counts[c.get("verdict")] = counts.get(c.get("verdict"), 0) + 1
    print(f"{len(claims)} claims {counts}; {bad} with problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
