//! Shares listed after 分别 for the members of a closed classification named
//! before it: 第一、二、三产业对经济增长的贡献率分别为22.5%、22.1%和55.4%.
//!
//! The principle: when the names before 分别 are every member of a set that
//! admits no other member (第一、第二、第三产业; 城镇、乡村), and the words name
//! shares (比重, 占比, 贡献率, 占), the percentages after 分别 are the shares of one
//! whole, all of it: they make 100%. Ordinals written once for several members
//! (第一、二、三产业) name each member (第一产业, 第二产业, 第三产业).

use super::binder::Binder;
use super::interval::Interval;
use super::words::sums;
use super::{Claim, ClaimKind, Evidence, Form, Operand, Reading, Role, Source, Tally};
use crate::document::quantities::Kind;
use memchr::memmem::Finder;
use regex::Regex;
use std::sync::{LazyLock, OnceLock};

/// Words that make the figures after 分别 shares of one whole.
const SHARE_WORDS: &[&str] = &["贡献率", "比重", "占比", "所占比例", "占"];

fn ordinals_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"第([一二三四五六七八九十])((?:[、和及与]第?[一二三四五六七八九十])+)(\p{Han}{2})",
        )
        .expect("ordinals pattern")
    })
}

/// 第一、二、三产业 → 第一产业、第二产业、第三产业.
fn expand_ordinals(s: &str) -> String {
    ordinals_re()
        .replace_all(s, |c: &regex::Captures| {
            let noun = &c[3];
            let mut out = format!("第{}{noun}", &c[1]);
            for o in c[2]
                .chars()
                .filter(|ch| "一二三四五六七八九十".contains(*ch))
            {
                out.push_str(&format!("、第{o}{noun}"));
            }
            out
        })
        .into_owned()
}

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    // Built once: a finder built per paragraph cost as much as the search.
    static RESPECTIVELY: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("分别"));
    static POINTS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("百分点"));
    for (pi, p) in b.doc.paragraphs.iter().enumerate() {
        // Shares and changes are numbers of the paragraph: one without any is
        // passed over before its text is searched.
        if b.paragraph_range(pi).is_empty() {
            continue;
        }
        // memmem: every paragraph is searched, at memory speed.
        let t = p.text.as_str().as_bytes();
        for at in RESPECTIVELY.find_iter(t) {
            if let Some(c) = shares_after(b, pi, at, "分别".len()) {
                out.push(c);
            }
        }
        if POINTS.find(t).is_some() {
            share_changes(b, pi, out);
        }
    }
}

/// Verbs of a change in points, and whether they lower the share.
const UP: &[&str] = &["上升", "提高", "增加", "上涨", "提升"];
const DOWN: &[&str] = &["回落", "下降", "降低", "减少", "下跌", "回调"];

/// 第一产业占地区生产总值的比重上升3.82个百分点，第二、第三产业占…比重分别回落
/// 2.16和1.66个百分点: the shares of every member of a closed set make 100% in
/// both years, so their changes in points make 0.
fn share_changes(b: &Binder, pi: usize, out: &mut Vec<Claim>) {
    let p = &b.doc.paragraphs[pi];
    let t = p.text.as_str();
    let all = b.paragraph_range(pi);
    let mut next = all.start;
    while next < all.end {
        // The numbers of one sentence, read in one pass over the paragraph's.
        let si = b.qs[next].sentence;
        let from = next;
        while next < all.end && b.qs[next].sentence == si {
            next += 1;
        }
        let range = from..next;
        if !range.clone().any(|j| b.qs[j].kind == Kind::Points) {
            continue;
        }
        // Per member name: its signed change.
        let mut changes: Vec<(String, usize, bool)> = Vec::new();
        let mut pending: Vec<String> = Vec::new();
        let mut pending_down = false;
        let mut prev_end: Option<usize> = None;
        for j in range.clone() {
            let q = &b.qs[j];
            // A bare number joined to the next figure in points shares its unit
            // (2.16和1.66个百分点).
            let points = q.kind == Kind::Points
                || b.qs.get(j + 1).is_some_and(|n| {
                    n.kind == Kind::Points
                        && n.paragraph == q.paragraph
                        && q.unit.is_empty()
                        && matches!(b.between(j, j + 1).trim(), "和" | "、" | "及" | "与")
                });
            if !points {
                pending.clear();
                prev_end = None;
                continue;
            }
            let joined = prev_end.is_some_and(|e| {
                t.get(e..q.local.start)
                    .is_some_and(|g| matches!(g.trim(), "和" | "、" | "及" | "与"))
            });
            prev_end = Some(q.local.end);
            if joined && !pending.is_empty() {
                changes.push((pending.remove(0), j, pending_down));
                continue;
            }
            pending.clear();
            // The clause back to its break (、 joins names within it), at most
            // 80 characters.
            let start = t[..q.local.start]
                .char_indices()
                .rev()
                .take(80)
                .find(|&(_, c)| matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':'))
                .map_or(q.local.start, |(i, c)| i + c.len_utf8());
            let clause = t.get(start..q.local.start).unwrap_or("");
            if !SHARE_WORDS.iter().any(|w| clause.contains(w)) {
                continue;
            }
            let down = DOWN.iter().any(|v| clause.contains(v));
            if !down && !UP.iter().any(|v| clause.contains(v)) {
                continue;
            }
            let names = expand_ordinals(clause);
            // The members named, in order of the text.
            let mut named: Vec<(usize, String)> = sums()
                .closed
                .iter()
                .flatten()
                .filter_map(|m| names.find(m.as_str()).map(|i| (i, m.clone())))
                .collect();
            named.sort();
            named.dedup_by(|a, b| a.1 == b.1);
            let mut members = named.into_iter().map(|(_, m)| m);
            let Some(first) = members.next() else {
                continue;
            };
            changes.push((first, j, down));
            pending = members.collect();
            pending_down = down;
        }
        for set in &sums().closed {
            let picked: Vec<&(String, usize, bool)> = set
                .iter()
                .filter_map(|m| changes.iter().find(|c| &c.0 == m))
                .collect();
            if picked.len() != set.len() || set.len() < 2 {
                continue;
            }
            let ops: Vec<Operand> = picked
                .iter()
                .map(|(name, j, down)| {
                    let mut o = b.operand(*j, Role::Part);
                    if *down {
                        o.value = Interval::new(-o.value.hi, -o.value.lo);
                    }
                    o.label.clone_from(name);
                    o
                })
                .collect();
            let at = b.operand(picked[picked.len() - 1].1, Role::Stated);
            // Each year's printed shares make 100 only up to their rounding: the
            // changes make 0 up to one unit of each one's last digit.
            let slack: f64 = ops.iter().map(|o| o.value.hi - o.value.lo).sum();
            let stated = Operand {
                role: Role::Stated,
                source: Source::Implied,
                value: Interval::new(-slack, slack),
                written: "0个百分点".into(),
                label: "比重之和（恒为100%）的变化".into(),
                ..at
            };
            let mut tally = Tally::new(stated.value);
            if let Some(r) = Reading::new(
                Form::Sum,
                ops,
                Evidence::Explicit,
                format!("{}的比重合起来总是全部，升降相抵", set.join("、")),
            ) {
                tally.offer(r);
            }
            out.extend(tally.finish(ClaimKind::SignedParts, stated));
            break;
        }
    }
}

fn shares_after(b: &Binder, pi: usize, at: usize, len: usize) -> Option<Claim> {
    let t = b.doc.paragraphs[pi].text.as_str();
    // The clause before 分别: the names and what they are shares of.
    // At most 80 characters back: names and their noun are short.
    let clause_start = t[..at]
        .char_indices()
        .rev()
        .take(80)
        .find(|&(_, c)| matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':'))
        .map(|(i, c)| i + c.len_utf8())
        .or_else(|| (at <= 240).then_some(0))?;
    let clause = &t[clause_start..at];
    if !SHARE_WORDS.iter().any(|w| clause.contains(w)) {
        return None;
    }
    let names = expand_ordinals(clause);
    // The percentages right after 分别, joined only by 、和及与.
    let mut shares: Vec<usize> = Vec::new();
    let mut from = at + len;
    for j in b.after_offset(pi, at) {
        let q = &b.qs[j];
        let gap = t.get(from..q.local.start).unwrap_or("");
        let joined = gap
            .chars()
            .all(|c| matches!(c, '、' | '和' | '及' | '与' | ' ' | '为' | '是' | '达'));
        if !joined || q.kind != Kind::Percent || b.is_change_rate(j) {
            break;
        }
        shares.push(j);
        from = q.local.end;
    }
    if shares.len() < 2 {
        return None;
    }
    let set = sums().closed.iter().find(|set| {
        set.len() == shares.len() && {
            let mut last = 0;
            set.iter().all(|m| match names[last..].find(m.as_str()) {
                Some(i) => {
                    last += i + m.len();
                    true
                }
                None => false,
            })
        }
    })?;
    let ops: Vec<Operand> = shares
        .iter()
        .zip(set)
        .map(|(&j, name)| {
            let mut o = b.operand(j, Role::Part);
            o.label.clone_from(name);
            o
        })
        .collect();
    let last = b.operand(*shares.last()?, Role::Stated);
    let stated = Operand {
        role: Role::Stated,
        source: Source::Implied,
        value: Interval::exact(100.0),
        written: "100%".into(),
        label: "整体".into(),
        ..last
    };
    let mut tally = Tally::new(stated.value);
    let r = Reading::new(
        Form::Sum,
        ops,
        Evidence::Explicit,
        format!("{}合起来即全部", set.join("、")),
    )?;
    tally.offer(r);
    tally.finish(ClaimKind::Shares, stated)
}

#[cfg(test)]
mod tests {
    use super::expand_ordinals;

    #[test]
    fn ordinals_written_once_name_each_member() {
        assert_eq!(
            expand_ordinals("第一、二、三产业对经济增长的贡献率"),
            "第一产业、第二产业、第三产业对经济增长的贡献率"
        );
        assert_eq!(expand_ordinals("第二、第三产业占"), "第二产业、第三产业占");
        assert_eq!(expand_ordinals("城镇、乡村"), "城镇、乡村");
    }
}
