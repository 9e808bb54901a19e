//! Column claims of a table: a total column against the columns it adds, a rate
//! column against the pair of columns it is computed from, a share column that
//! must make 100%. Which columns a total or a rate is made of is not written:
//! each candidate is tried on every row, and the one that holds on most rows
//! (at least two, and no other as often blaming other rows) is the column's rule;
//! each row is then a claim under it.

use super::binder::Binder;
use super::interval::Interval;
use super::table::{cell, stated_cell};
use super::table_math::{column_numbers, percent_row, readings, rule_of, scope, Reading as Rule};
use super::{Claim, ClaimKind, Evidence, Form, Operand, Reading, Role, Source, Tally};
use crate::document::tables::words::words;
use crate::document::tables::{CellNumber, ColumnKind, RowRole, Table};

/// Most columns beside it a total column is tried as covering.
const MAX_COVERED: usize = 16;
/// Most count columns tried as numerator or denominator, nearest the rate first.
const MAX_OPERANDS: usize = 12;
/// Rows a rate column's formula is searched on; the one found is then used on all.
const SAMPLE_ROWS: usize = 64;

fn is_total_column(t: &Table, c: usize) -> bool {
    let w = &words().total_headers;
    let header = &t.columns[c].header;
    // Several columns under one 总计 header: the header does not say which
    // column is the total (a merged cell spread over its neighbours).
    let shared = t
        .columns
        .iter()
        .enumerate()
        .any(|(k, o)| k != c && o.header == *header);
    t.columns[c].kind == ColumnKind::Additive && !shared && {
        let h = header_name(header).to_lowercase();
        w.iter().any(|x| h.ends_with(x.as_str()))
    }
}

/// A header without the brackets it ends with: they give the column's unit or
/// a note (合计（万人）, 总计(元), 合计（含下属单位）), the words before them its name.
fn header_name(header: &str) -> &str {
    let h = header.trim_end();
    if !h.ends_with(['）', ')']) {
        return h;
    }
    match h.rfind(['（', '(']) {
        Some(open) if open > 0 && h[open..].chars().count() <= 10 => h[..open].trim_end(),
        _ => h,
    }
}

/// Candidate sets of columns the total column at `c` may add up.
fn covered_sets(t: &Table, c: usize) -> Vec<Vec<usize>> {
    let addable = |k: usize| t.columns[k].kind == ColumnKind::Additive && !is_total_column(t, k);
    let left: Vec<usize> = (0..c).rev().take_while(|&k| addable(k)).collect();
    let right: Vec<usize> = (c + 1..t.columns.len())
        .take_while(|&k| addable(k))
        .collect();
    let mut out = Vec::new();
    for n in 2..=left.len().min(MAX_COVERED) {
        let mut set: Vec<usize> = left[..n].to_vec();
        set.reverse();
        out.push(set);
    }
    for n in 2..=right.len().min(MAX_COVERED) {
        out.push(right[..n].to_vec());
    }
    // Columns under the same merged header: "资金中央", "资金省级", "资金合计".
    let header = header_name(&t.columns[c].header);
    if let Some(group) = words()
        .total_headers
        .iter()
        .find_map(|w| header.strip_suffix(w.as_str()))
    {
        if !group.is_empty() {
            let set: Vec<usize> = (0..t.columns.len())
                .filter(|&k| k != c && addable(k) && t.columns[k].header.starts_with(group))
                .collect();
            if set.len() >= 2 && !out.contains(&set) {
                out.push(set);
            }
        }
    }
    out
}

/// The cells of row `r` in columns `set` (blanks as nothing), at least one.
/// Each cell is converted to the total column's scale (a 人 column among 万人
/// ones adds 2500 as 0.25): a part in a smaller unit is still a part.
fn row_cells(b: &Binder, ti: usize, r: usize, set: &[usize], total: usize) -> Option<Vec<Operand>> {
    let t = &b.doc.tables[ti];
    let mut out = Vec::with_capacity(set.len());
    for &k in set {
        column_numbers(t, &[r], k)?;
        if let Some(mut o) = cell(b, ti, r, k, Role::Part) {
            let scale = t.columns[k].multiplier / t.columns[total].multiplier;
            if scale.is_finite() && scale > 0.0 {
                o.value = o.value.scale(scale);
                // Show what was added, with the cell as printed after it.
                if scale != 1.0 {
                    o.written = format!("{}（{}）", super::show::plain(o.value.mid()), o.written);
                }
            }
            o.label = t.column_name(k);
            out.push(o);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The last column of counts, when no header names a total: it is one if it
/// adds up all the count columns before it (two or more) on three rows or more,
/// and on all rows but one at most (a merged header that cannot be placed, as
/// 申请人情况 over 自然人 … 总计).
fn unnamed_total_column(t: &Table) -> Option<(usize, Vec<usize>)> {
    if (0..t.columns.len()).any(|c| is_total_column(t, c)) {
        return None;
    }
    let last = (0..t.columns.len())
        .rev()
        .find(|&c| t.columns[c].kind == ColumnKind::Additive)?;
    let before: Vec<usize> = (0..last)
        .rev()
        .take_while(|&k| t.columns[k].kind == ColumnKind::Additive)
        .collect();
    (before.len() >= 2).then(|| (last, before.into_iter().rev().collect()))
}

pub(super) fn total_columns(b: &Binder, ti: usize, t: &Table, out: &mut Vec<Claim>) {
    let unnamed = unnamed_total_column(t);
    let named = (0..t.columns.len()).filter(|&c| is_total_column(t, c));
    for c in named.chain(unnamed.as_ref().map(|u| u.0)) {
        let fits_on = |set: &[usize], r: usize| -> Option<bool> {
            let total = cell(b, ti, r, c, Role::Stated)?;
            // A row of zeros fits any set of columns: it is no evidence.
            if total.value.hi == 0.0 {
                return None;
            }
            let parts = row_cells(b, ti, r, set, c)?;
            Some(Interval::sum(parts.iter().map(|o| o.value)).meets(&total.value))
        };
        let sets = match &unnamed {
            Some((u, set)) if *u == c => vec![set.clone()],
            _ => covered_sets(t, c),
        };
        let rules = sets
            .into_iter()
            .map(|set| Rule {
                verdict: t
                    .body()
                    .filter_map(|r| Some((r, fits_on(&set, r)?)))
                    .collect(),
                formula: set,
            })
            .collect();
        let Some((set, broken, holds)) = rule_of(rules) else {
            continue;
        };
        if unnamed.as_ref().is_some_and(|u| u.0 == c) && (holds < 3 || broken.len() > 1) {
            continue;
        }
        let ev = if holds >= 3 {
            Evidence::Explicit
        } else {
            Evidence::Inferred
        };
        let names: Vec<String> = set.iter().map(|&k| t.column_name(k)).collect();
        let basis = format!("{}相加（其他行都按这些列相加）", names.join("、"));
        for r in t.body() {
            let (Some(stated), Some(parts)) =
                (stated_cell(b, ti, r, c), row_cells(b, ti, r, &set, c))
            else {
                continue;
            };
            let mut tally = Tally::new(stated.value);
            if let Some(reading) = Reading::new(Form::Sum, parts, ev, basis.clone()) {
                tally.offer(reading);
            }
            out.extend(tally.finish(ClaimKind::TableTotalColumn, stated));
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Formula {
    /// a ÷ b
    Ratio(usize, usize),
    /// a ÷ b, not in percent (学生与专任教师比 13.86)
    Quotient(usize, usize),
    /// (a − b) ÷ b
    Growth(usize, usize),
    /// a ÷ a's total row
    Share(usize),
}

/// The operands of `f` on row `r`: numerator and denominator cells.
fn operands(
    b: &Binder,
    ti: usize,
    f: Formula,
    r: usize,
    total: Option<usize>,
) -> Option<(Form, Vec<Operand>)> {
    let t = &b.doc.tables[ti];
    let op = |row: usize, col: usize, role: Role| {
        let mut o = cell(b, ti, row, col, role)?;
        o.label = if row == r {
            t.column_name(col)
        } else {
            format!("{}{}", t.row_name(row), t.column_name(col))
        };
        Some(o)
    };
    Some(match f {
        Formula::Ratio(a, d) => (
            Form::Ratio { scale: 100.0 },
            vec![op(r, a, Role::Numerator)?, op(r, d, Role::Denominator)?],
        ),
        Formula::Quotient(a, d) => (
            Form::Ratio { scale: 1.0 },
            vec![op(r, a, Role::Numerator)?, op(r, d, Role::Denominator)?],
        ),
        Formula::Growth(a, d) => (
            Form::Growth,
            vec![op(r, d, Role::From)?, op(r, a, Role::To)?],
        ),
        Formula::Share(a) => (
            Form::Ratio { scale: 100.0 },
            vec![
                op(r, a, Role::Numerator)?,
                op(total?, a, Role::Denominator)?,
            ],
        ),
    })
}

/// A column whose header names the ratio of two quantities (学生与专任教师比,
/// 生师比, 性别比), not a share (占比) or a change (同比): a quotient of two count
/// columns, as a number or per hundred.
fn is_ratio_column(t: &Table, c: usize) -> bool {
    let col = &t.columns[c];
    let h = super::words::without_brackets(&col.header);
    matches!(col.kind, ColumnKind::NotAdditive | ColumnKind::Additive)
        && !col.percent
        && h.ends_with('比')
        && !["占比", "同比", "环比", "百分比"]
            .iter()
            .any(|w| h.ends_with(w))
}

fn ratio_formulas(t: &Table, c: usize) -> Vec<Formula> {
    let cols: Vec<usize> = (0..t.columns.len())
        .filter(|&k| k != c && t.columns[k].kind == ColumnKind::Additive)
        .take(MAX_OPERANDS)
        .collect();
    let mut out = Vec::new();
    for &a in &cols {
        for &d in &cols {
            if a != d {
                out.push(Formula::Quotient(a, d));
                out.push(Formula::Ratio(a, d));
            }
        }
    }
    out
}

fn formulas(t: &Table, c: usize, growth: bool, total_row: Option<usize>) -> Vec<Formula> {
    if is_ratio_column(t, c) {
        return ratio_formulas(t, c);
    }
    let mut cols: Vec<usize> = (0..t.columns.len())
        .filter(|&k| k != c && t.columns[k].kind == ColumnKind::Additive)
        .collect();
    // Columns under the rate's own merged header first, then the nearest, left
    // before right: among formulas that fit equally, the first is named.
    let group = |k: usize| {
        let (a, h) = (&t.columns[k].header, &t.columns[c].header);
        a.chars().zip(h.chars()).take_while(|(x, y)| x == y).count()
    };
    cols.sort_by_key(|&k| (std::cmp::Reverse(group(k)), k.abs_diff(c), k > c));
    cols.truncate(MAX_OPERANDS);
    let mut out = Vec::new();
    for &a in &cols {
        for &d in &cols {
            if a != d {
                out.push(Formula::Ratio(a, d));
                if growth {
                    out.push(Formula::Growth(a, d));
                }
            }
        }
        if total_row.is_some() {
            out.push(Formula::Share(a));
        }
    }
    out
}

/// The row shares are taken of: the table's total row, or else the first row of
/// numbers whose share is 100 (新登记市场主体总量 … 比重 100.0 above its kinds).
fn whole_row(t: &Table) -> Option<usize> {
    if let Some(r) = t.grand_total() {
        return Some(r);
    }
    let first = t.body().find(|&r| t.rows[r].role != RowRole::Group)?;
    let hundred = (0..t.columns.len()).any(|c| {
        matches!(t.columns[c].kind, ColumnKind::Rate { share: true, .. })
            && t.number(first, c)
                .is_some_and(|n| (n.value - 100.0).abs() <= n.step / 2.0)
    });
    (hundred && first + 2 < t.rows.len()).then_some(first)
}

pub(super) fn rate_columns(b: &Binder, ti: usize, t: &Table, out: &mut Vec<Claim>) {
    let total = whole_row(t);
    for c in 0..t.columns.len() {
        let growth = match t.columns[c].kind {
            ColumnKind::Rate { growth, .. } => growth,
            _ if is_ratio_column(t, c) => false,
            _ => continue,
        };
        // A row in percent changes in points: a growth column holds no relative
        // growth for it. (It still counts while the column's formula is found.)
        let points =
            |f: Formula, r: usize| matches!(f, Formula::Growth(..)) && percent_row(b, ti, r);
        let fits = |f: Formula, r: usize| -> Option<bool> {
            let rate = cell(b, ti, r, c, Role::Stated)?;
            let (form, ops) = operands(b, ti, f, r, total)?;
            let got = super::compute(form, &ops)?;
            // 0 ÷ anything is 0: such a row is no evidence for a formula.
            if got.hi == 0.0 && rate.value.lo <= 0.0 {
                return None;
            }
            // Over-completion is often written as 100% ("超额按100%计").
            let capped = (rate.value.lo..=rate.value.hi).contains(&100.0) && got.lo > 100.0;
            Some(capped || got.meets(&rate.value))
        };
        // The formula is found on the first rows, then held against every row.
        let rules = formulas(t, c, growth, total)
            .into_iter()
            .map(|f| Rule {
                formula: f,
                verdict: t
                    .body()
                    .take(SAMPLE_ROWS)
                    .filter_map(|r| Some((r, fits(f, r)?)))
                    .collect(),
            })
            .collect();
        let Some((f, _, _)) = rule_of(rules) else {
            continue;
        };
        let whole: Vec<(usize, bool)> = t.body().filter_map(|r| Some((r, fits(f, r)?))).collect();
        let Some((f, _, holds)) = rule_of(vec![Rule {
            formula: f,
            verdict: whole,
        }]) else {
            continue;
        };
        let ev = if holds >= 3 {
            Evidence::Explicit
        } else {
            Evidence::Inferred
        };
        for r in t.body().filter(|&r| !points(f, r)) {
            let (Some(stated), Some((form, ops))) =
                (stated_cell(b, ti, r, c), operands(b, ti, f, r, total))
            else {
                continue;
            };
            let capped = (stated.value.lo..=stated.value.hi).contains(&100.0);
            let mut tally = Tally::new(stated.value);
            if let Some(mut reading) = Reading::new(form, ops, ev, "该列其他行都按此式计算")
            {
                if capped && reading.computed.lo > 100.0 {
                    let computed = reading.computed;
                    reading = reading.against(computed);
                }
                tally.offer(reading);
            }
            out.extend(tally.finish(ClaimKind::TableRate, stated));
        }
    }
}

/// Sum of shares against 100: half a unit per share either way, a whole one
/// below for shares cut off rather than rounded (the cells' own intervals).
pub(super) fn share_columns(b: &Binder, ti: usize, t: &Table, out: &mut Vec<Claim>) {
    for c in 0..t.columns.len() {
        if !matches!(t.columns[c].kind, ColumnKind::Rate { share: true, .. }) {
            continue;
        }
        let totals: Vec<usize> = t.body().filter(|&r| t.rows[r].role.is_whole()).collect();
        if totals.is_empty() {
            let rows: Vec<usize> = t.body().collect();
            let items = readings(t, &rows).into_iter().next().unwrap_or_default();
            out.extend(shares_claim(b, ti, t, c, None, &[items]));
            continue;
        }
        for at in totals {
            // The total row must say the whole is 100% (or say nothing).
            if t.number(at, c)
                .is_some_and(|n| (n.value - 100.0).abs() > n.step)
            {
                continue;
            }
            let sets = readings(t, &scope(t, at));
            out.extend(shares_claim(b, ti, t, c, Some(at), &sets));
        }
    }
}

fn shares_claim(
    b: &Binder,
    ti: usize,
    t: &Table,
    c: usize,
    total: Option<usize>,
    sets: &[Vec<usize>],
) -> Option<Claim> {
    let first = sets.first()?;
    let numbers: Vec<CellNumber> = column_numbers(t, first, c)?
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    if numbers.len() < 2 {
        return None;
    }
    let sum: f64 = numbers.iter().map(|n| n.value).sum();
    // Without a total row, only shares near 100% are a breakdown of the whole
    // rather than a selection of parts (two points: a slip, not a part left out).
    if total.is_none() && (sum - 100.0).abs() > 2.0 {
        return None;
    }
    let span = match total.and_then(|r| t.cell_span(r, c)) {
        Some(s) if !s.is_empty() => s,
        _ => t.columns[c].header_span.unwrap_or(t.span),
    };
    let stated = Operand {
        role: Role::Stated,
        source: Source::Implied,
        value: Interval::exact(100.0),
        written: "100%".into(),
        label: t.column_name(c),
        span,
        label_span: span,
    };
    let ev = if total.is_some() {
        Evidence::Explicit
    } else {
        Evidence::Inferred
    };
    let mut tally = Tally::new(stated.value);
    for (k, rows) in sets.iter().enumerate() {
        let ops: Vec<Operand> = rows
            .iter()
            .filter_map(|&r| cell(b, ti, r, c, Role::Part))
            .collect();
        if ops.len() < 2 || column_numbers(t, rows, c).is_none() {
            continue;
        }
        let ev = if k == 0 { ev } else { Evidence::Possible };
        if let Some(r) = Reading::new(Form::Sum, ops, ev, "各部分之和应为 100%") {
            tally.offer(r);
        }
    }
    let _ = RowRole::Item;
    tally.finish(ClaimKind::TableShares, stated)
}
