//! Levels of rows a table shows without indenting them: a top level numbered
//! 一、二、 (or 一. 二.) with unnumbered rows between, and a row that heads the
//! rows right after it because they add up to it.

use super::number::{CellNumber, Content};
use super::{ColumnKind, RowRole, Table};
use crate::document::markers::{self, Family};

/// Depth added to a row found one level under another.
const LEVEL: usize = 2;
/// Most rows after a row that are tried as its parts.
const MAX_NESTED_ROWS: usize = 40;
/// Most rows under a row compared with it to tell an average from a total.
const MAX_PARTS: usize = 200;

/// The numbering family a row's name opens with: an outline marker, or a
/// Chinese numeral with a dot (一.医院, 二．疗养院), which tables use as 一、.
pub fn level(label: &str) -> Option<Family> {
    if let Some((family, ..)) = markers::parse_block(label) {
        return Some(family);
    }
    let numeral = label
        .char_indices()
        .take_while(|&(_, c)| crate::document::cn_numeral::is_numeral_char(c))
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    label[numeral..]
        .starts_with(['.', '．'])
        .then_some(Family::CnComma)
}

/// Whether every counted row of the body is indented alike.
fn flat(t: &Table) -> bool {
    let mut depths = t
        .body()
        .filter(|&r| t.rows[r].role != RowRole::Group)
        .map(|r| t.rows[r].depth);
    let first = depths.next();
    depths.all(|d| Some(d) == first)
}

/// In a table whose rows are not indented, where two or more rows open with a
/// top-level number (一、) and unnumbered rows lie between them, each unnumbered
/// row after the first numbered one is a level under the numbered row above it.
pub(super) fn numbered_levels(t: &mut Table) {
    if !flat(t) {
        return;
    }
    let top = |label: &str| matches!(level(label), Some(Family::CnComma));
    let numbered: Vec<usize> = t.body().filter(|&r| top(&t.rows[r].label)).collect();
    let Some(&first) = numbered.first() else {
        return;
    };
    let between = (first + 1..t.rows.len())
        .any(|r| !top(&t.rows[r].label) && t.rows[r].role == RowRole::Item);
    if numbered.len() < 2 || !between {
        return;
    }
    for r in first + 1..t.rows.len() {
        let row = &mut t.rows[r];
        if !top(&row.label) && matches!(row.role, RowRole::Item | RowRole::Part) {
            row.depth += LEVEL;
        }
    }
}

/// Rows numbered from one (1. 2. …, （1）（2）…) right after an unnumbered row,
/// at its depth or one blank deeper, are a level under it (#出院病人数 over
/// 1.治愈 2.好转 3.未愈 4.死亡): numbering opens a breakdown as indentation does.
pub(super) fn numbered_runs(t: &mut Table) {
    let body = t.body();
    let mut r = body.start;
    while r < body.end {
        let head = &t.rows[r];
        if !matches!(head.role, RowRole::Item | RowRole::Part) || level(&head.label).is_some() {
            r += 1;
            continue;
        }
        let depth = head.depth;
        let mut family = None;
        let mut k = r + 1;
        while k < body.end {
            let row = &t.rows[k];
            let Some((f, _, value, _)) = markers::parse_block(&row.label) else {
                break;
            };
            let expected = k - r;
            let same = family.as_ref().is_none_or(|g| *g == f);
            if !same
                || value as usize != expected
                || row.depth > depth + 1
                || row.role != RowRole::Item
            {
                break;
            }
            family = Some(f);
            k += 1;
        }
        if k >= r + 3 {
            for row in &mut t.rows[r + 1..k] {
                row.depth = depth + LEVEL;
            }
        }
        r = k.max(r + 1);
    }
}

/// A row followed, at its own depth, by two or more rows that add up to it in
/// every count column but at most one (and in two at least) heads them: they
/// are a level under it (专科医院 84 over 口腔医院 6, 眼科医院 7 … 其他专科医院 19).
pub(super) fn nest_by_sums(t: &mut Table) {
    let columns: Vec<usize> = (0..t.columns.len())
        .filter(|&c| t.columns[c].kind == ColumnKind::Additive)
        .collect();
    if columns.len() < 2 {
        return;
    }
    let body = t.body();
    let mut r = body.start;
    while r < body.end {
        let next = match headed_run(t, &columns, r) {
            Some(last) => {
                for k in r + 1..=last {
                    t.rows[k].depth += LEVEL;
                }
                last + 1
            }
            None => r + 1,
        };
        r = next;
    }
}

/// The last row of the run after `r` that adds up to `r`, if any.
fn headed_run(t: &Table, columns: &[usize], r: usize) -> Option<usize> {
    let row = &t.rows[r];
    if row.role != RowRole::Item || row.marked {
        return None;
    }
    let heads: Vec<Option<CellNumber>> = columns.iter().map(|&c| number(t, r, c)).collect();
    let mut sums = vec![(0.0_f64, 0.0_f64, 0_usize); columns.len()];
    let end = t.rows.len().min(r + 1 + MAX_NESTED_ROWS);
    for k in r + 1..end {
        let part = &t.rows[k];
        if part.role != RowRole::Item || part.marked || part.depth != row.depth {
            return None;
        }
        for (i, &c) in columns.iter().enumerate() {
            if let Some(n) = number(t, k, c) {
                sums[i].0 += n.value;
                sums[i].1 += n.step / 2.0;
                sums[i].2 += usize::from(n.value != 0.0);
            }
        }
        if k < r + 2 {
            continue;
        }
        let (mut fit, mut miss) = (0, 0);
        for (i, &c) in columns.iter().enumerate() {
            let Some(head) = heads[i].filter(|h| h.value > 0.0) else {
                continue;
            };
            let (sum, slack, nonzero) = sums[i];
            let mut room = 1e-9 * head.value.max(sum.abs());
            if t.columns[c].rounded {
                room += slack + head.step / 2.0;
            }
            if (sum - head.value).abs() <= room && nonzero >= 2 {
                fit += 1;
            } else {
                miss += 1;
            }
        }
        if fit >= 2 && miss <= 1 && fit > miss {
            return Some(k);
        }
    }
    None
}

fn number(t: &Table, r: usize, c: usize) -> Option<CellNumber> {
    match t.rows[r].cells.get(c)?.content {
        Content::Number(n) if !n.approx => Some(n),
        _ => None,
    }
}

/// A row whose value lies strictly between the smallest and the largest of the
/// positive rows under it is their average or rate, never their total: a column
/// whose header does not say what it holds is then no column of amounts.
pub(super) fn averages_unnamed(t: &mut Table) {
    let body = t.body();
    for c in 0..t.columns.len() {
        if t.columns[c].kind != ColumnKind::Additive || !t.columns[c].header.is_empty() {
            continue;
        }
        let averaged = body.clone().any(|r| {
            let Some(head) = number(t, r, c) else {
                return false;
            };
            let parts: Vec<f64> = (r + 1..body.end.min(r + 1 + MAX_PARTS))
                .take_while(|&k| t.rows[k].depth > t.rows[r].depth)
                .filter_map(|k| number(t, k, c).map(|n| n.value))
                .collect();
            let (lo, hi) = parts
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
                    (a.min(v), b.max(v))
                });
            parts.len() >= 2 && lo > 0.0 && lo < head.value && head.value < hi
        });
        if averaged {
            t.columns[c].kind = ColumnKind::NotAdditive;
        }
    }
}
