//! Rows of a table copied from a web page whose cells do not match the other
//! rows' count because of merged cells: a row one cell longer that opens with a
//! group's name spanning several rows (三、本年度办理结果 | (一)予以公开 | 2 | …),
//! and a row one cell short whose missing cell was merged into the row above
//! (初中、高中 sharing one 教职工数). Each is put in the grid when the table
//! shows where: the group's name is dropped; the missing cell is placed where
//! the most columns then add up to the table's total row, if one place is best.

use super::detect::RawRow;
use super::number::{self, Content};
use super::words::{is_one_of, words};
use std::ops::Range;

/// Widest row a missing cell is placed in (each place is tried on every column).
const MAX_PLACED_COLUMNS: usize = 24;

/// Places rows of `modal + 1` and `modal - 1` cells in a grid of `modal`
/// columns where the table shows how; returns the lines of rows left unplaced.
pub(super) fn place(
    line: &dyn Fn(usize) -> String,
    rows: &mut [RawRow],
    modal: usize,
) -> Vec<usize> {
    let is_number =
        |l: &str, r: &Range<usize>| matches!(number::parse(&l[r.clone()]), Content::Number(_));
    let has_numbers = |r: &RawRow| {
        let l = line(r.line);
        r.cells.iter().any(|c| is_number(&l, c))
    };
    // A group's name before the row's own: two text cells where one is wanted.
    for r in rows.iter_mut() {
        let l = line(r.line);
        if r.cells.len() == modal + 1
            && modal >= 3
            && !is_number(&l, &r.cells[0])
            && !is_number(&l, &r.cells[1])
            && !r.cells[0].is_empty()
            && r.cells[2..].iter().any(|c| is_number(&l, c))
        {
            r.cells.remove(0);
        }
    }
    let total = rows.iter().position(|r| {
        let l = line(r.line);
        r.cells.len() == modal
            && r.cells.first().is_some_and(|c| {
                let name: String = l[c.clone()]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                is_one_of(&name, &words().totals)
            })
    });
    let short: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].cells.len() + 1 == modal && has_numbers(&rows[i]))
        .collect();
    if let (Some(total), &[one], true) = (total, &short[..], modal <= MAX_PLACED_COLUMNS) {
        if let Some(gap) = best_gap(line, rows, total, one, modal) {
            let at = rows[one].cells[gap - 1].end;
            rows[one].cells.insert(gap, at..at);
        }
    }
    rows.iter()
        .filter(|r| r.cells.len() != modal && has_numbers(r))
        .map(|r| r.line)
        .collect()
}

/// The one place for the missing cell of row `short` (a column after the first)
/// where the most columns add up to row `total`, at least two.
fn best_gap(
    line: &dyn Fn(usize) -> String,
    rows: &[RawRow],
    total: usize,
    short: usize,
    modal: usize,
) -> Option<usize> {
    let value = |i: usize, c: usize, gap: Option<usize>| -> Option<f64> {
        let r = &rows[i];
        let k = match gap {
            Some(g) if c == g => return Some(0.0),
            Some(g) if c > g => c - 1,
            _ => c,
        };
        let l = line(r.line);
        match number::parse(&l[r.cells.get(k)?.clone()]) {
            Content::Number(n) => Some(n.value),
            Content::Blank => Some(0.0),
            _ => None,
        }
    };
    let items: Vec<usize> = (0..rows.len())
        .filter(|&i| i != total && (rows[i].cells.len() == modal || i == short))
        .filter(|&i| {
            let l = line(rows[i].line);
            rows[i]
                .cells
                .iter()
                .any(|c| matches!(number::parse(&l[c.clone()]), Content::Number(_)))
        })
        .collect();
    let fits = |gap: usize| -> usize {
        (1..modal)
            .filter(|&c| {
                let Some(stated) = value(total, c, None) else {
                    return false;
                };
                let mut sum = 0.0;
                for &i in &items {
                    match value(i, c, (i == short).then_some(gap)) {
                        Some(v) => sum += v,
                        None => return false,
                    }
                }
                stated != 0.0 && (sum - stated).abs() <= 1e-6 * stated.abs().max(1.0)
            })
            .count()
    };
    let scores: Vec<(usize, usize)> = (1..modal).map(|g| (g, fits(g))).collect();
    let best = scores.iter().map(|s| s.1).max()?;
    let mut at = scores.iter().filter(|s| s.1 == best);
    let (gap, _) = *at.next()?;
    (best >= 2 && at.next().is_none()).then_some(gap)
}
