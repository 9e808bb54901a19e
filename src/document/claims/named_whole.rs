//! A breakdown opened by the name of its whole: 年末全区户籍人口101.18万人，…。年末
//! 户籍人口中，18岁以下25.76万人，18-34岁22.88万人，35-59岁38.82万人，60岁以上13.71
//! 万人.
//!
//! The principle: a clause 〈name〉中， (or 在〈name〉中，) whose name ends like an
//! amount stated before it in the paragraph (the same last four characters or
//! more: 户籍人口) breaks down that amount. Its parts stay within it; when they
//! are classes of one range — an age or a size from 「A以下」 through contiguous
//! ranges to 「B以上」 — they are all of it.

use super::binder::Binder;
use super::interval::Interval;
use super::parts::{common_suffix, list_after};
use super::{Claim, ClaimKind, Evidence, Form, Operand, Reading, Role, Tally};
use crate::document::markers::is_han;
use memchr::memmem::Finder;
use regex::Regex;
use std::sync::{LazyLock, OnceLock};

/// How many characters the name and the whole's label must share at their end.
const SHARED: usize = 4;
/// How many numbers back the whole may stand.
const BACK: usize = 48;

/// The name before each 中， of `t` that opens its clause (after 。；，, or the
/// paragraph start, an optional 在 dropped): its start, the name, and where the
/// clause after the 中， begins. Found from each 中 back over 16 characters at
/// most, so a paragraph is read once.
fn markers(t: &str) -> Vec<(usize, &str, usize)> {
    let mut out = Vec::new();
    // memmem: a paragraph is scanned at memory speed (中 is a common character).
    // Built once: a finder built per paragraph cost as much as the search.
    static FULL: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("中，"));
    static HALF: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("中,"));
    let full = "中，".len();
    let found = FULL
        .find_iter(t.as_bytes())
        .map(|at| (at, at + full))
        .chain(
            HALF.find_iter(t.as_bytes())
                .map(|at| (at, at + "中,".len())),
        );
    for (at, end) in found {
        let mut start = at;
        let mut n = 0;
        for (i, ch) in t[..at].char_indices().rev() {
            if !is_han(ch) || n == 16 {
                break;
            }
            start = i;
            n += 1;
        }
        let opens = t[..start]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|p| matches!(p, '。' | '；' | ';' | '，' | ','));
        let mut name = &t[start..at];
        name = name.strip_prefix('在').unwrap_or(name);
        if opens && name.chars().count() >= 4 && n < 16 {
            out.push((at - name.len(), name, end));
        }
    }
    out.sort_unstable();
    out
}

/// An age or size range before a part: 18岁以下, 18-34岁, 60岁以上.
fn range_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^[，,、；;\s]*(?:(\d+)(\p{Han}{1,2})(?:以下|以内)|(\d+)\s*[-－—~～至到]\s*(\d+)(\p{Han}{1,2})|(\d+)(\p{Han}{1,2})(?:及以上|以上))",
        )
        .expect("range pattern")
    })
}

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    for (pi, p) in b.doc.paragraphs.iter().enumerate() {
        // A whole before the name and two parts after it: three numbers at
        // least, or the paragraph's text is not searched.
        if b.paragraph_range(pi).len() < 3 {
            continue;
        }
        let t = p.text.as_str();
        for (name_at, name, end) in markers(t) {
            if let Some(claim) = breakdown(b, pi, name, name_at, end) {
                out.push(claim);
            }
        }
    }
}

fn breakdown(b: &Binder, pi: usize, name: &str, name_at: usize, end: usize) -> Option<Claim> {
    // The whole: the nearest amount before the name whose label ends like it.
    let before = b.before_offset(pi, name_at);
    let whole = before
        .clone()
        .rev()
        .take(BACK)
        .find(|&j| b.is_amount(j) && common_suffix(&b.qs[j].label, name) >= SHARED)?;
    let list = list_after(b, pi, end, false, Some(whole));
    let parts: Vec<usize> = list
        .top
        .iter()
        .copied()
        .filter(|&j| b.compatible(j, whole))
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let t = b.doc.paragraphs[pi].text.as_str();
    let complete = ranges_cover(b, t, end, &parts);
    let stated = b.operand(whole, Role::Total);
    let total = b.value(whole);
    let mut ops: Vec<Operand> = parts.iter().map(|&j| b.operand(j, Role::Part)).collect();
    let mut tally = Tally::new(stated.value);
    let r = match complete {
        Some((why, names)) => {
            // A part unnamed but by its range is labelled by it.
            for (o, n) in ops.iter_mut().zip(names) {
                if o.label.is_empty() {
                    o.label = n;
                }
            }
            Reading::new(Form::Sum, ops, Evidence::Explicit, why)?.against(total)
        }
        None => Reading::new(
            Form::Sum,
            ops,
            Evidence::Inferred,
            format!("「{name}中」所列各项，合计不应超过总数"),
        )?
        .against(Interval::new(f64::NEG_INFINITY, total.hi)),
    };
    let mut r = r.exclusive();
    r.across = true;
    tally.offer(r);
    tally.finish(ClaimKind::Parts, stated)
}

/// Why the parts are all of the whole when each is a range of one measure, the
/// first open below (18岁以下), the last open above (60岁以上), each starting
/// where the one before ends.
fn ranges_cover(
    b: &Binder,
    t: &str,
    start: usize,
    parts: &[usize],
) -> Option<(String, Vec<String>)> {
    let mut from = start;
    let mut prev_hi: Option<u64> = None;
    let mut unit = String::new();
    let mut names = Vec::new();
    for (n, &j) in parts.iter().enumerate() {
        let lead = t.get(from..b.qs[j].local.start)?;
        from = b.qs[j].local.end;
        let c = range_re().captures(lead)?;
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u64>().ok());
        let word = |i: usize| c.get(i).map_or("", |m| m.as_str()).to_owned();
        let last = n + 1 == parts.len();
        let (lo, hi, u) = if let Some(a) = num(1) {
            // Open below: only the first.
            if n != 0 {
                return None;
            }
            (None, a, word(2))
        } else if let (Some(a), Some(z)) = (num(3), num(4)) {
            (Some(a), z, word(5))
        } else {
            let a = num(6)?;
            if !last {
                return None;
            }
            (Some(a), u64::MAX, word(7))
        };
        if n == 0 {
            if lo.is_some() {
                return None;
            }
            unit = u;
        } else {
            // Contiguous: 18岁以下 then 18-34岁, or 34 then 35.
            let (p, l) = (prev_hi?, lo?);
            if u != unit || !(l == p || l == p + 1) {
                return None;
            }
        }
        if last && hi != u64::MAX {
            return None;
        }
        prev_hi = Some(hi);
        names.push(
            lead.trim_start_matches(['，', ',', '、', '；', ';', ' '])
                .to_owned(),
        );
    }
    Some((format!("{}连续分段，合起来即全部", names.join("、")), names))
}
