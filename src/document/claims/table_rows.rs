//! Rate rows of a table whose columns are periods or places: a row named as a
//! rate in percent (治愈率 %) is the row its name stems from (1.治愈) over
//! another row of the table, the same one in every column. Which row is the
//! base is not written: each candidate is tried in every column, and the one
//! that holds in most (see [`rule_of`]) is the row's rule.

use super::binder::Binder;
use super::table::{cell, stated_cell};
use super::table_math::{additive_columns, percent_row, rule_of, Reading as Rule};
use super::{Claim, ClaimKind, Evidence, Form, Reading, Role, Tally};
use crate::document::tables::{RowRole, Table};

/// Most rows tried as a rate's base, nearest the rate first.
const MAX_BASES: usize = 12;
/// Rows before and after a rate row its operands are looked for in.
const REACH: usize = 40;

/// A row's name without its number, mark or unit: "1.治愈" → "治愈".
fn bare(label: &str) -> &str {
    let label = label.trim_start_matches(['#', '＃']);
    let label = match crate::document::markers::parse_block(label) {
        Some((.., len)) => &label[len..],
        None => label,
    };
    label.trim_end_matches(['%', '％', '‰'])
}

/// What a rate row's name says is counted: 治愈率 → 治愈.
fn stem(label: &str) -> Option<&str> {
    let name = bare(label);
    let at = name.rfind('率')?;
    let stem = &name[..at];
    (stem.chars().count() >= 2 && name[at..].chars().count() == 1).then_some(stem)
}

pub(super) fn claims(b: &Binder, ti: usize, t: &Table, out: &mut Vec<Claim>) {
    let counted = |r: usize| matches!(t.rows[r].role, RowRole::Item | RowRole::Part);
    for r in t.body().filter(|&r| counted(r)) {
        let label = &t.rows[r].label;
        let in_percent = label.ends_with(['%', '％']) || percent_row(b, ti, r);
        let Some(stem) = stem(label).filter(|_| in_percent) else {
            continue;
        };
        let is_rate = |k: usize| stem_of(t, k);
        let near = r.saturating_sub(REACH).max(t.header_rows)..(r + REACH).min(t.rows.len());
        let numerators: Vec<usize> = near
            .clone()
            .filter(|&k| k != r && counted(k) && !is_rate(k) && bare(&t.rows[k].label) == stem)
            .collect();
        let [num] = numerators[..] else {
            continue;
        };
        let mut bases: Vec<usize> = near
            .filter(|&k| k != r && k != num && counted(k) && !is_rate(k))
            .collect();
        bases.sort_by_key(|&k| k.abs_diff(num));
        bases.truncate(MAX_BASES);
        let columns: Vec<usize> = additive_columns(t).collect();
        let fits = |d: usize, c: usize| -> Option<bool> {
            let rate = rate_cell(b, ti, r, c)?;
            let ops = vec![
                cell(b, ti, num, c, Role::Numerator)?,
                cell(b, ti, d, c, Role::Denominator)?,
            ];
            let got = super::compute(Form::Ratio { scale: 100.0 }, &ops)?;
            (got.hi > 0.0).then(|| got.meets(&rate.value))
        };
        let rules = bases
            .iter()
            .map(|&d| Rule {
                formula: d,
                verdict: columns
                    .iter()
                    .filter_map(|&c| Some((c, fits(d, c)?)))
                    .collect(),
            })
            .collect();
        let Some((base, _, holds)) = rule_of(rules) else {
            continue;
        };
        let ev = if holds >= 3 {
            Evidence::Explicit
        } else {
            Evidence::Inferred
        };
        for &c in &columns {
            let Some(stated) = rate_cell(b, ti, r, c) else {
                continue;
            };
            let label = |row: usize| format!("{}{}", t.row_name(row), t.column_name(c));
            let (Some(mut n), Some(mut d)) = (
                cell(b, ti, num, c, Role::Numerator),
                cell(b, ti, base, c, Role::Denominator),
            ) else {
                continue;
            };
            n.label = label(num);
            d.label = label(base);
            let mut tally = Tally::new(stated.value);
            if let Some(reading) = Reading::new(
                Form::Ratio { scale: 100.0 },
                vec![n, d],
                ev,
                "该行其他各列都按此式计算",
            ) {
                tally.offer(reading);
            }
            out.extend(tally.finish(ClaimKind::TableRate, stated));
        }
    }
}

/// Whether row `k` is itself a rate row.
fn stem_of(t: &Table, k: usize) -> bool {
    stem(&t.rows[k].label).is_some()
}

/// A rate's cell: rounded to its last digit, whatever the column's counts are.
fn rate_cell(b: &Binder, ti: usize, r: usize, c: usize) -> Option<super::Operand> {
    let n = b.doc.tables[ti].number(r, c)?;
    let mut o = stated_cell(b, ti, r, c)?;
    o.value = super::interval::of_cell(&n, true);
    Some(o)
}
