//! Rows whose cells are separated by single spaces, as PDF text without its
//! layout gives a table: three or more consecutive lines, each a short name
//! followed by the same count (two or more) of numbers and nothing else
//! ("一至三月 20 1 1 0 0 0 2 23 4 1 1 6"). The header above such rows cannot be
//! placed over the columns (its words are spaced like the numbers), so the
//! columns are read from their numbers alone.

use super::cells::Layout;
use super::detect::{build, raw};
use super::number::{self, Content};
use super::Table;
use crate::document::lines::LineIndex;
use crate::document::markers::is_han;
use crate::document::paragraphs::is_blank;
use std::ops::Range;

/// Most words a row's name is written in ("1.治 愈", "治愈率 %").
const MAX_NAME_WORDS: usize = 3;
/// Most characters of a row's name.
const MAX_NAME_CHARS: usize = 20;
/// Rows of numbers needed for a table.
const MIN_ROWS: usize = 3;
/// Blanks between two numbers that stand for an empty cell between them.
const EMPTY_CELL_GAP: usize = 3;

pub(super) fn spaced_table(text: &str, lines: &LineIndex, n: usize, out: &mut Vec<Table>) -> usize {
    let line = |k: usize| &text[lines.line_range(text, k)];
    let Some(first) = spaced_row(line(n)) else {
        return n + 1;
    };
    let width = first.len();
    let mut rows = vec![raw(lines, n, first)];
    let mut k = n + 1;
    while k < lines.line_count() {
        match spaced_row(line(k)) {
            Some(c) if c.len() == width => rows.push(raw(lines, k, c)),
            _ => break,
        }
        k += 1;
    }
    if rows.len() < MIN_ROWS {
        return n + 1;
    }
    if let Some(t) = build(text, lines, Layout::Aligned, rows, Some(0)) {
        out.push(t);
    }
    k
}

/// Whether a line ends in a digit or a percent sign: a row of numbers does, a
/// line of prose seldom (a byte test that spares prose the word split).
pub(super) fn ends_in_number(l: &str) -> bool {
    let body = l.trim_matches(is_blank);
    if !body
        .bytes()
        .next_back()
        .is_some_and(|b| b.is_ascii_digit() || b == b'%')
    {
        return false;
    }
    // The last two words are numbers (a row has two at least).
    let mut words = body.rsplit(is_blank).filter(|w| !w.is_empty());
    let mut number = || {
        words
            .next()
            .is_some_and(|w| w.bytes().any(|b| b.is_ascii_digit()))
    };
    number() && number()
}

/// The words of a line: byte ranges between blanks.
pub(super) fn words(l: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in l.char_indices() {
        if is_blank(c) {
            if let Some(s) = start.take() {
                out.push(s..i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(s..l.len());
    }
    out
}

/// The cells of a row: its name (one cell, however many words), then one cell
/// per number; `None` unless the line is a name and two or more numbers.
fn spaced_row(l: &str) -> Option<Vec<Range<usize>>> {
    if !ends_in_number(l) || !l.trim_matches(is_blank).contains([' ', '\u{3000}']) {
        return None;
    }
    let words = words(l);
    if words.len() > super::cells::MAX_CELLS {
        return None;
    }
    let is_number = |r: &Range<usize>| matches!(number::parse(&l[r.clone()]), Content::Number(_));
    let name = words.iter().take_while(|r| !is_number(r)).count();
    if name == 0 || name > MAX_NAME_WORDS || words.len() - name < 2 {
        return None;
    }
    if !words[name..].iter().all(is_number) {
        return None;
    }
    let label = words[0].start..words[name - 1].end;
    let text = &l[label.clone()];
    if text.chars().count() > MAX_NAME_CHARS || !text.chars().any(is_han) {
        return None;
    }
    let mut cells = vec![label];
    for (i, w) in words.iter().enumerate().skip(name) {
        // A wide gap between two numbers of a singly spaced row is an empty
        // cell (初中 … 41382   2555 under 教职工人数 left blank).
        if i > name && w.start - words[i - 1].end >= EMPTY_CELL_GAP {
            let at = words[i - 1].end;
            cells.push(at..at);
        }
        cells.push(w.clone());
    }
    Some(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(l: &str) -> Option<Vec<&str>> {
        spaced_row(l).map(|c| c.into_iter().map(|r| &l[r]).collect())
    }

    #[test]
    fn a_name_and_numbers_spaced_singly_is_a_row() {
        assert_eq!(
            cells("一至三月 20 1 1 0"),
            Some(vec!["一至三月", "20", "1", "1", "0"])
        );
        assert_eq!(
            cells("  1.治 愈 1154025 1355815"),
            Some(vec!["1.治 愈", "1154025", "1355815"])
        );
        // Prose: a unit or a word after a number, one number only, no name.
        assert_eq!(cells("地区生产总值 245.61 亿元"), None);
        assert_eq!(cells("全年完成 12 个项目 3 个"), None);
        assert_eq!(cells("2021 2022 2023"), None);
        assert_eq!(cells("共 12"), None);
        // A wide gap between numbers is an empty cell.
        assert_eq!(
            cells("初中 44 41382   2555"),
            Some(vec!["初中", "44", "41382", "", "2555"])
        );
    }
}
