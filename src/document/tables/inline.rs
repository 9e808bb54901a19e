//! A table flattened into one line, as PDF text often gives a small table: the
//! title, the header words, then each row's name and its numbers, all spaced
//! singly ("… 增长率（%） 本年度目标值（%） 平潭 24158.06 27388.75 13.37 ≤10 区医院
//! 21198.50 23749.56 12.03 ≤10 区中医院 2959.56 3639.20 22.96 ≤10"). Three or
//! more names, each followed by the same count (two or more) of numbers, that
//! run to the end of the line are its rows. The header words cannot be placed
//! over the columns with certainty; the last of them are set over the last
//! columns, and only a word that names a rate or a share (增长率（%）) is kept,
//! so the other columns are read from their numbers.

use super::cells::Layout;
use super::detect::{build, RawRow};
use super::spaced::words;
use super::words::{contains_any, words as table_words};
use super::Table;
use crate::document::lines::LineIndex;
use crate::document::markers::is_han;
use std::ops::Range;

/// Rows of a flattened table needed to take it as one.
const MIN_ROWS: usize = 3;
/// Most characters of a row's name.
const MAX_NAME_CHARS: usize = 12;
/// Most words a line is split into for this search.
const MAX_WORDS: usize = 400;

/// A table found in line `n`, pushed to `out`; the line after it is returned.
pub(super) fn inline_table(text: &str, lines: &LineIndex, n: usize, out: &mut Vec<Table>) -> usize {
    let range = lines.line_range(text, n);
    let l = &text[range.clone()];
    if !super::spaced::ends_in_number(l)
        || l.bytes().filter(u8::is_ascii_digit).count() < 3 * MIN_ROWS * 2
    {
        return n + 1;
    }
    let words = words(l);
    if words.len() > MAX_WORDS {
        return n + 1;
    }
    let value = |r: &Range<usize>| l[r.clone()].bytes().any(|b| b.is_ascii_digit());
    let name = |r: &Range<usize>| {
        let w = &l[r.clone()];
        !value(r)
            && w.chars().count() <= MAX_NAME_CHARS
            && w.chars().all(|c| is_han(c) || "（）()、".contains(c))
    };
    // The rows from the end of the line back: a name, then k values.
    let mut rows: Vec<(usize, usize)> = Vec::new(); // (index of the name, values)
    let mut end = words.len();
    let mut width = None;
    while end > 0 {
        let values = words[..end].iter().rev().take_while(|r| value(r)).count();
        let at = end - values;
        if values < 2 || at == 0 || !name(&words[at - 1]) || width.is_some_and(|w| w != values) {
            break;
        }
        width = Some(values);
        rows.push((at - 1, values));
        end = at - 1;
    }
    let Some(k) = width.filter(|_| rows.len() >= MIN_ROWS) else {
        return n + 1;
    };
    rows.reverse();
    let first = rows[0].0;
    let start = range.start;
    let segment = |from: usize, to: usize, cells: Vec<Range<usize>>| -> RawRow {
        let base = words[from].start;
        RawRow {
            line: n,
            start: start + base,
            end: Some(start + words[to].end),
            cells: cells
                .into_iter()
                .map(|c| c.start.saturating_sub(base)..c.end.saturating_sub(base))
                .collect(),
        }
    };
    let mut raw = Vec::with_capacity(rows.len() + 1);
    // The header: the words before the first row back to the title or a full
    // stop, the last of them over the last columns, rate words only.
    let head: Vec<usize> = (0..first)
        .rev()
        .take_while(|&i| {
            let w = &l[words[i].clone()];
            !w.starts_with('表') && !w.starts_with("附表") && !w.contains(['。', '：', ':'])
        })
        .take(k)
        .collect();
    if let Some(&leftmost) = head.last() {
        let rate = &table_words().rate_headers;
        let mut cells = vec![words[leftmost].start..words[leftmost].start; k + 1 - head.len()];
        for &i in head.iter().rev() {
            let w = words[i].clone();
            cells.push(if contains_any(&l[w.clone()], rate) {
                w
            } else {
                w.start..w.start
            });
        }
        raw.push(segment(leftmost, first - 1, cells));
    }
    for &(at, values) in &rows {
        let cells: Vec<Range<usize>> = words[at..=at + values].to_vec();
        raw.push(segment(at, at + values, cells));
    }
    let headers = usize::from(!head.is_empty());
    if let Some(t) = build(text, lines, Layout::Aligned, raw, Some(headers)) {
        out.push(t);
    }
    n + 1
}
