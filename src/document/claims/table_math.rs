//! Arithmetic shared by the table claims: which rows a total covers, the ways its
//! items may be read (every item, the subtotals, the top level of a hierarchy of
//! indentation, # and 其中 marks or subject codes), and the rule a column follows.

use super::binder::Binder;
use crate::document::tables::{CellNumber, ColumnKind, Content, RowRole, Table};

/// A column's cells in `rows`: blanks count as zero; `None` when a cell holds
/// text or an approximate number, which no sum can be held to.
pub fn column_numbers(t: &Table, rows: &[usize], c: usize) -> Option<Vec<(usize, CellNumber)>> {
    let mut out = Vec::with_capacity(rows.len());
    for &r in rows {
        match t.rows[r].cells.get(c)?.content {
            Content::Number(n) if !n.approx => out.push((r, n)),
            Content::Blank => {}
            _ => return None,
        }
    }
    Some(out)
}

/// Whether `total` is the sum of `items`: exactly for counts, within the
/// rounding of every printed value for rounded amounts.
pub fn sum_fits(items: &[CellNumber], total: &CellNumber, rounded: bool) -> bool {
    let sum: f64 = items.iter().map(|n| n.value).sum();
    let scale = total.value.abs().max(sum.abs()).max(1.0);
    let mut slack = 1e-9 * scale;
    if rounded {
        slack += total.step / 2.0 + items.iter().map(|n| n.step / 2.0).sum::<f64>();
    }
    (sum - total.value).abs() <= slack
}

/// The rows a total row covers: below it when it heads the body (全市 first,
/// then the counties), above it back to the previous total otherwise. A
/// subtotal covers back to the previous subtotal, total or group heading.
pub fn scope(t: &Table, at: usize) -> Vec<usize> {
    let body = t.body();
    let role = t.rows[at].role;
    let first_numbered = body
        .clone()
        .find(|&r| t.rows[r].role != RowRole::Group)
        .unwrap_or(body.start);
    let stops_total = |r: usize| t.rows[r].role.is_whole();
    if role != RowRole::Subtotal && at == first_numbered {
        return (at + 1..body.end)
            .take_while(|&r| !stops_total(r))
            .collect();
    }
    let stop = |r: usize| {
        stops_total(r)
            || role == RowRole::Subtotal
                && matches!(t.rows[r].role, RowRole::Subtotal | RowRole::Group)
    };
    let mut rows: Vec<usize> = (body.start..at).rev().take_while(|&r| !stop(r)).collect();
    rows.reverse();
    rows
}

/// The ways the rows under a total may add up, most literal first: every item;
/// the subtotals and the items outside any subtotal's group; the items numbered
/// at the top level (一、 among （一） and 1.).
pub fn readings(t: &Table, scope: &[usize]) -> Vec<Vec<usize>> {
    let role = |r: usize| t.rows[r].role;
    let mut out = Vec::new();
    // A hierarchy (208 over 20805 over 2080501, indented rows, #-marked parts):
    // the total covers its top level, never every level as peers.
    let counted = |r: &&usize| matches!(role(**r), RowRole::Item | RowRole::Part);
    if let Some(top) = scope.iter().filter(counted).map(|&r| t.rows[r].depth).min() {
        if scope.iter().filter(counted).any(|&r| t.rows[r].depth > top) {
            out.push(
                scope
                    .iter()
                    .copied()
                    .filter(|&r| role(r) == RowRole::Item && t.rows[r].depth == top)
                    .collect(),
            );
        }
    }
    let every: Vec<usize> = scope
        .iter()
        .copied()
        .filter(|&r| role(r) == RowRole::Item)
        .collect();
    if !out.contains(&every) {
        out.push(every);
    }
    if scope.iter().any(|&r| role(r) == RowRole::Subtotal) {
        let mut set = Vec::new();
        let mut pending = Vec::new();
        for &r in scope {
            match role(r) {
                RowRole::Subtotal => {
                    pending.clear();
                    set.push(r);
                }
                RowRole::Group => {
                    set.append(&mut pending);
                }
                RowRole::Item => pending.push(r),
                _ => {}
            }
        }
        set.append(&mut pending);
        set.sort_unstable();
        out.push(set);
    }
    let family = |r: usize| crate::document::tables::level(&t.rows[r].label);
    if let Some(top) = scope.iter().find_map(|&r| family(r)) {
        let set: Vec<usize> = scope
            .iter()
            .copied()
            .filter(|&r| role(r) == RowRole::Item && family(r).as_ref() == Some(&top))
            .collect();
        if !out.contains(&set) {
            out.push(set);
        }
    }
    let items = out.last().cloned().unwrap_or_default();
    let nested = without_nested_parts(t, &items);
    if !out.contains(&nested) {
        out.push(nested);
    }
    out.retain(|s| s.len() >= 2);
    out
}

/// Most rows one unmarked subtotal is looked for over.
const MAX_NESTED_ROWS: usize = 40;

/// Items with the rows under an unmarked subtotal left out: a row equal, in
/// every count column, to the sum of the two or more rows right after it heads
/// them (医院 60 over 三级医院 30 and 二级医院 30).
fn without_nested_parts(t: &Table, items: &[usize]) -> Vec<usize> {
    let columns: Vec<usize> = additive_columns(t).collect();
    let mut out = Vec::with_capacity(items.len());
    let mut i = 0;
    while i < items.len() {
        out.push(items[i]);
        i = match rows_headed_by(t, &columns, items, i) {
            Some(last) => last + 1,
            None => i + 1,
        };
    }
    out
}

/// The last of the rows after `items[i]` that add up to it, if any.
fn rows_headed_by(t: &Table, columns: &[usize], items: &[usize], i: usize) -> Option<usize> {
    // Per column: the head's number and the running sum of the rows below.
    let mut acc: Vec<(usize, CellNumber, Vec<CellNumber>)> = columns
        .iter()
        .filter_map(|&c| Some((c, t.number(items[i], c)?, Vec::new())))
        .collect();
    if acc.is_empty() {
        return None;
    }
    let end = items.len().min(i + 1 + MAX_NESTED_ROWS);
    for (j, &r) in items.iter().enumerate().take(end).skip(i + 1) {
        for (c, _, parts) in acc.iter_mut() {
            match t.rows[r].cells.get(*c).map(|x| x.content) {
                Some(Content::Number(n)) if !n.approx => parts.push(n),
                Some(Content::Blank) => {}
                _ => return None,
            }
        }
        if j >= i + 2
            && acc
                .iter()
                .all(|(c, head, parts)| sum_fits(parts, head, t.columns[*c].rounded))
        {
            return Some(j);
        }
    }
    None
}

/// Whether the rows under a total are peers: no subtotals, parts, group
/// headings or numbered levels, so the plain sum is the only reading.
pub fn is_flat(t: &Table, scope: &[usize]) -> bool {
    let depth = scope.first().map_or(0, |&r| t.rows[r].depth);
    scope
        .iter()
        .all(|&r| t.rows[r].role == RowRole::Item && t.rows[r].depth == depth)
        && scope
            .iter()
            .all(|&r| crate::document::tables::level(&t.rows[r].label).is_none())
}

/// The columns a total adds up: counts and amounts.
pub fn additive_columns(t: &Table) -> impl Iterator<Item = usize> + '_ {
    (0..t.columns.len()).filter(|&c| t.columns[c].kind == ColumnKind::Additive)
}

/// A number as a recomputation writes it: up to `decimals` places, no
/// trailing zeros.
pub fn show(x: f64, decimals: u32) -> String {
    crate::document::quantities::format_value(x, decimals as usize)
}

/// `a + b + c`, shortened in the middle past a dozen terms.
pub fn sum_expression(items: &[CellNumber]) -> String {
    let d = items.iter().map(|n| n.decimals).max().unwrap_or(0);
    let terms: Vec<String> = items.iter().map(|n| show(n.value, d)).collect();
    super::show::shorten(&terms)
}

/// Whether a reading that holds on `holds` rows and breaks on `broken` is the
/// rule of the column: it holds on most rows, and on at least two.
pub fn holds_on_most(holds: usize, broken: usize) -> bool {
    holds >= 2 && holds > broken && (holds >= 3 || broken <= 1)
}

/// A way a column may be computed, with its verdict on each row: (row, fits).
pub struct Reading<F> {
    pub formula: F,
    pub verdict: Vec<(usize, bool)>,
}

/// The rule of a column among its candidate readings: the one that holds on
/// most rows (see [`holds_on_most`]), unless another holds as often and blames
/// other rows. Returns it with the rows that break it and the rows it holds on.
pub fn rule_of<F>(readings: Vec<Reading<F>>) -> Option<(F, Vec<usize>, usize)> {
    let mut scored: Vec<(usize, Vec<usize>, F)> = readings
        .into_iter()
        .map(|r| {
            let broken: Vec<usize> = r.verdict.iter().filter(|v| !v.1).map(|v| v.0).collect();
            (r.verdict.len() - broken.len(), broken, r.formula)
        })
        .filter(|(holds, broken, _)| holds_on_most(*holds, broken.len()))
        .collect();
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut it = scored.into_iter();
    let (holds, broken, formula) = it.next()?;
    if it.any(|(h, b, _)| h == holds && b != broken) {
        return None; // two readings fit as well and blame different rows
    }
    Some((formula, broken, holds))
}

/// Whether rows `rows` of table `ti` may be added to or compared with row `r`:
/// where the rows carry their own units (a 单位 column, a unit in brackets after
/// the name), every unit given must be row `r`'s (万美元 is no part of 亿元).
pub(super) fn same_units(b: &Binder, ti: usize, r: usize, rows: &[usize]) -> bool {
    let t = &b.doc.tables[ti];
    let Some(unit) = t.row_unit(r, &b.doc.text) else {
        return rows.iter().all(|&k| t.row_unit(k, &b.doc.text).is_none());
    };
    rows.iter()
        .all(|&k| t.row_unit(k, &b.doc.text).is_none_or(|u| u == unit))
}

/// Whether row `r` of table `ti` is counted in percent (or 个百分点, ‰): its
/// change from one period to the next is in points, not a relative growth.
pub(super) fn percent_row(b: &Binder, ti: usize, r: usize) -> bool {
    b.doc.tables[ti]
        .row_unit(r, &b.doc.text)
        .is_some_and(|u| u.contains(['%', '％', '‰']) || u.contains("百分点"))
}
