//! Section totals: an amount of money stated for a whole section ("2022年完成投资约
//! 3.78亿元") and the same amount itemised later in that section, project by project
//! ("2022年完成投资8000万元 … 6000万元 …"). Items and total share their qualifier —
//! the same year (or 目前/截至) and the same act (完成投资) — and are added in one
//! scale (万元 and 亿元 are values in 元). Items that cover less than four fifths
//! of the total are read as a partial list, not the section's items.

use super::binder::Binder;
use super::interval::Interval;
use super::{Claim, ClaimKind, Evidence, Form, Operand, Reading, Role, Tally};
use crate::document::markers::is_han;
use crate::document::quantities::{Approx, Kind};
use std::collections::HashMap;

/// Items that add up to less than this share of the total are a partial list.
const PARTIAL_SHARE: f64 = 0.8;
const MIN_ITEMS: usize = 3;

/// What an amount is of: the year or 目前, and the act (完成投资).
fn qualifier(b: &Binder, j: usize) -> Option<(String, String)> {
    // The qualifier is written right before the amount: the last 32 characters
    // of its clause are read (a clause without commas may run for pages).
    let before = b.clause_before(j);
    let cut = before.char_indices().rev().nth(31).map_or(0, |(i, _)| i);
    let before = &before[cut..];
    let before = ["约", "近", "超过", "逾", "达到", "达", "为", "共", "累计"]
        .iter()
        .fold(before, |s, w| s.strip_suffix(w).unwrap_or(s));
    let year: String = before
        .char_indices()
        .find_map(|(i, _)| {
            let y = before.get(i..i + 4)?;
            (y.chars().all(|c| c.is_ascii_digit()) && before.get(i + 4..)?.starts_with('年'))
                .then(|| y.to_owned())
        })
        .unwrap_or_default();
    let tag = if !year.is_empty() {
        year
    } else if ["目前", "截至", "截止", "至今"]
        .iter()
        .any(|w| before.contains(w))
    {
        "目前".to_owned()
    } else {
        return None;
    };
    let han: Vec<char> = before.chars().filter(|c| is_han(*c)).collect();
    let act: String = han.iter().skip(han.len().saturating_sub(4)).collect();
    (act.chars().count() >= 2).then_some((tag, act))
}

/// Paragraph ranges of sections: a block marker opens one, the next closes it.
fn sections(b: &Binder) -> Vec<std::ops::Range<usize>> {
    let doc = b.doc;
    let mut starts: Vec<usize> = doc
        .markers
        .iter()
        .filter(|m| m.block)
        .map(|m| m.paragraph)
        .collect();
    starts.insert(0, 0);
    starts.dedup();
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(doc.paragraphs.len());
        if s < e {
            out.push(s..e);
        }
    }
    out
}

pub(super) fn claims(b: &Binder, out: &mut Vec<Claim>) {
    for section in sections(b) {
        let range = b.paragraph_range(section.start);
        let end = b
            .paragraph_range(section.end.saturating_sub(1).max(section.start))
            .end;
        let money: Vec<(usize, (String, String))> = (range.start..end)
            .filter(|&j| b.qs[j].kind == Kind::Money)
            .filter(|&j| matches!(b.qs[j].approx, Approx::Exact | Approx::About))
            .filter_map(|j| Some((j, qualifier(b, j)?)))
            .collect();
        // Amounts grouped by qualifier, in order of first appearance: the first
        // of a group is its total, the later ones its items.
        let mut order: Vec<&(String, String)> = Vec::new();
        let mut groups: HashMap<&(String, String), Vec<usize>> = HashMap::new();
        for (j, key) in &money {
            let group = groups.entry(key).or_default();
            if group.is_empty() {
                order.push(key);
            }
            group.push(*j);
        }
        for key in order {
            let Some((&total, rest)) = groups.get(key).and_then(|g| g.split_first()) else {
                continue;
            };
            let t = &b.qs[total];
            let items: Vec<usize> = rest
                .iter()
                .copied()
                .filter(|&j| (b.qs[j].paragraph, b.qs[j].sentence) != (t.paragraph, t.sentence))
                .collect();
            if items.len() < MIN_ITEMS || items.iter().any(|&j| b.qs[j].value >= t.value) {
                continue;
            }
            let sum = Interval::sum(items.iter().map(|&j| b.value(j)));
            if sum.hi < t.value * PARTIAL_SHARE {
                continue;
            }
            let stated = b.operand(total, Role::Total);
            let mut tally = Tally::new(stated.value);
            // Items beyond the total cannot be a partial list: explicit. Short of
            // it, the list may still have left one out: inferred, unless the text
            // closes the list (重点项目7个，分别为…).
            let ev = if sum.lo > stated.value.hi || declares_list(b, total) {
                Evidence::Explicit
            } else {
                Evidence::Inferred
            };
            let when = if key.0 == "目前" {
                "目前".to_owned()
            } else {
                format!("{}年", key.0)
            };
            let ops: Vec<Operand> = items.iter().map(|&j| b.operand(j, Role::Part)).collect();
            if let Some(r) =
                Reading::new(Form::Sum, ops, ev, format!("下文逐项所列的{when}{}", key.1))
            {
                tally.offer(r);
            }
            out.extend(tally.finish(ClaimKind::SectionTotal, stated));
        }
    }
}

/// Whether the paragraph of amount `total` states, before it, how many items it
/// lists (重点项目7个，分别为…): the list the items below follow is closed.
fn declares_list(b: &Binder, total: usize) -> bool {
    let t = b.doc.paragraphs[b.qs[total].paragraph].text.as_str();
    b.paragraph_range(b.qs[total].paragraph)
        .take_while(|&j| j < total)
        .any(|j| {
            b.qs[j].kind == Kind::Count
                && t.get(b.qs[j].local.end..).is_some_and(|r| {
                    let r = r.trim_start_matches(['，', ',']);
                    r.starts_with("分别为") || r.starts_with("分别是")
                })
        })
}
