//! Finding tables among the lines: runs of pipe rows under a Markdown separator,
//! runs of tab-separated rows, runs of rows lined up with spaces, or a whole
//! `.csv`/`.tsv` file. Each line is looked at a bounded number of times.

use super::cells::{self, Layout};
use super::number::{self, Content};
use super::{columns, Cell, Delimited, Row, RowRole, Table, TextRow};
use crate::document::lines::LineIndex;
use crate::document::paragraphs::is_blank;
use crate::span::Span;
use std::ops::Range;

/// A row as split, before the table knows its columns.
pub(super) struct RawRow {
    pub(super) line: usize,
    /// Document offset of the line.
    pub(super) start: usize,
    /// Document offset of its end when it is not the line's (a CSV record may
    /// hold line breaks).
    pub(super) end: Option<usize>,
    pub(super) cells: Vec<Range<usize>>,
}

/// Most header rows read above a table's body.
const MAX_HEADER_ROWS: usize = 4;
/// Rows with more cells than this are not a report table (and would make the
/// column-pair search of the rate check slow).
const MAX_COLUMNS: usize = cells::MAX_CELLS - 1;

pub fn detect(text: &str, lines: &LineIndex, file: Option<Delimited>) -> Vec<Table> {
    let line = |n: usize| &text[lines.line_range(text, n)];
    let count = lines.line_count();
    let mut out = Vec::new();
    if let Some(d) = file {
        let (sep, layout) = match d {
            Delimited::Comma => (',', Layout::Comma),
            Delimited::Tab => ('\t', Layout::Tab),
        };
        if d == Delimited::Comma {
            return csv_tables(text, lines);
        }
        let mut run = Vec::new();
        for n in 0..=count {
            let l = if n < count { line(n) } else { "" };
            if l.trim_matches(is_blank).is_empty() {
                if let Some(t) = build(text, lines, layout, std::mem::take(&mut run), None) {
                    out.push(t);
                }
                continue;
            }
            run.push(raw(
                lines,
                n,
                cells::delimited(l, sep, d == Delimited::Comma),
            ));
        }
        return out;
    }
    let mut n = 0;
    while n < count {
        let l = line(n);
        let mut next = n + 1;
        if cells::is_box_rule(l) || cells::boxed(l).is_some() {
            next = boxed_table(text, lines, n, &mut out);
        } else if l.contains('|') {
            next = pipe_table(text, lines, n, &mut out);
        }
        if next == n + 1 {
            next = if l.contains('\t') {
                tab_table(text, lines, n, &mut out)
            } else {
                aligned_table(text, lines, n, &mut out)
            };
        }
        if next == n + 1 && !l.contains(['\t', '|']) {
            next = super::spaced::spaced_table(text, lines, n, &mut out);
            if next == n + 1 {
                next = super::inline::inline_table(text, lines, n, &mut out);
            }
        }
        n = next.max(n + 1);
    }
    out
}

/// The lines of at least two filled tab-separated cells outside `tables` (which
/// are in order), in order. A leading tab alone is indentation, not a cell.
pub fn text_rows(text: &str, lines: &LineIndex, tables: &[Table]) -> Vec<TextRow> {
    let mut out: Vec<TextRow> = Vec::new();
    // Each line once, however many tabs it holds.
    let mut seen: Option<usize> = None;
    for tab in memchr::memchr_iter(b'\t', text.as_bytes()) {
        let n = lines.line_of(tab);
        if seen == Some(n) {
            continue;
        }
        seen = Some(n);
        let range = lines.line_range(text, n);
        let k = tables.partition_point(|t| t.span.start <= range.start);
        if k > 0 && range.start < tables[k - 1].span.end {
            continue;
        }
        let line = &text[range.clone()];
        let cells = cells::delimited(line, '\t', false);
        if cells.iter().filter(|c| !c.is_empty()).count() < 2 {
            continue;
        }
        out.push(TextRow {
            span: Span::new(range.start, range.end),
            cells: cells
                .into_iter()
                .map(|c| Span::new(range.start + c.start, range.start + c.end))
                .collect(),
        });
    }
    out
}

pub(super) fn raw(lines: &LineIndex, n: usize, cells: Vec<Range<usize>>) -> RawRow {
    RawRow {
        line: n,
        start: lines.line_start(n),
        end: None,
        cells,
    }
}

/// The tables of a `.csv` file: its records as the csv crate reads them (a
/// quoted cell may hold commas and line breaks), a blank line between tables.
fn csv_tables(text: &str, lines: &LineIndex) -> Vec<Table> {
    let mut out = Vec::new();
    let mut run = Vec::new();
    let mut last_end = 0;
    for (start, end, cells) in cells::csv_records(text) {
        if text[last_end..start].matches('\n').count() >= 2 {
            if let Some(t) = build(text, lines, Layout::Comma, std::mem::take(&mut run), None) {
                out.push(t);
            }
        }
        last_end = end;
        run.push(RawRow {
            line: lines.line_of(start),
            start,
            end: Some(end),
            cells,
        });
    }
    if let Some(t) = build(text, lines, Layout::Comma, run, None) {
        out.push(t);
    }
    out
}

/// A Markdown table starting at line `n`; returns the line after it.
fn pipe_table(text: &str, lines: &LineIndex, n: usize, out: &mut Vec<Table>) -> usize {
    let line = |k: usize| &text[lines.line_range(text, k)];
    let Some(head) = cells::pipe(line(n)) else {
        return n + 1;
    };
    let Some(sep) = (n + 1 < lines.line_count())
        .then(|| cells::pipe(line(n + 1)))
        .flatten()
    else {
        return n + 1;
    };
    if !cells::is_pipe_separator(line(n + 1), &sep) || head.len() < 2 {
        return loose_pipe_table(text, lines, n, out);
    }
    let mut rows = vec![raw(lines, n, head)];
    let mut k = n + 2;
    while k < lines.line_count() {
        match cells::pipe(line(k)) {
            Some(c) => rows.push(raw(lines, k, c)),
            None => break,
        }
        k += 1;
    }
    if let Some(t) = build(text, lines, Layout::Pipe, rows, Some(1)) {
        out.push(t);
    }
    k
}

/// Rows whose cells are separated by `|` without Markdown's `|---|` line (text
/// copied from a web page): at least three such lines, two of them with numbers.
/// A line that opens with `|` has an empty first cell (a total row without a name).
fn loose_pipe_table(text: &str, lines: &LineIndex, n: usize, out: &mut Vec<Table>) -> usize {
    let line = |k: usize| &text[lines.line_range(text, k)];
    let mut rows = Vec::new();
    let mut k = n;
    while k < lines.line_count() {
        match cells::loose_pipe(line(k)) {
            Some(c) if c.len() >= 2 => rows.push(raw(lines, k, c)),
            _ => break,
        }
        k += 1;
    }
    let with_numbers = rows
        .iter()
        .filter(|r| numbers_in(line(r.line), &r.cells) >= 1)
        .count();
    if rows.len() < 3 || with_numbers < 2 {
        return n + 1;
    }
    // A row with more or fewer cells than most rows of numbers (a merged or a
    // missing cell) cannot be placed in the columns: its numbers are not read.
    let mut widths: Vec<usize> = rows
        .iter()
        .filter(|r| numbers_in(line(r.line), &r.cells) >= 1)
        .map(|r| r.cells.len())
        .collect();
    widths.sort_unstable();
    let modal = widths.get(widths.len() / 2).copied().unwrap_or(0);
    // A set: a table of thousands of misaligned rows looked each up in a list.
    let misaligned: std::collections::HashSet<usize> =
        super::merged::place(&|k| line(k).to_owned(), &mut rows, modal)
            .into_iter()
            .collect();
    if let Some(mut t) = build(text, lines, Layout::Pipe, rows, None) {
        for row in t.rows.iter_mut().filter(|r| misaligned.contains(&r.line)) {
            for cell in row.cells.iter_mut() {
                if matches!(cell.content, Content::Number(_)) {
                    cell.content = Content::Text;
                }
            }
        }
        out.push(t);
    }
    k
}

/// A box-drawn table from line `n` on: its rows, with the rules between them.
fn boxed_table(text: &str, lines: &LineIndex, n: usize, out: &mut Vec<Table>) -> usize {
    let mut rows = Vec::new();
    let mut k = n;
    while k < lines.line_count() {
        let l = &text[lines.line_range(text, k)];
        if cells::is_box_rule(l) {
            // Rules separate rows; the header is told by its lack of numbers.
        } else if let Some(c) = cells::boxed(l) {
            rows.push(raw(lines, k, c));
        } else {
            break;
        }
        k += 1;
    }
    if let Some(t) = build(text, lines, Layout::Boxed, rows, None) {
        out.push(t);
    }
    k
}

/// Tab-separated rows from line `n` on (an empty Word row is a line of tabs).
fn tab_table(text: &str, lines: &LineIndex, n: usize, out: &mut Vec<Table>) -> usize {
    let mut rows = Vec::new();
    let mut k = n;
    while k < lines.line_count() {
        let l = &text[lines.line_range(text, k)];
        if !l.contains('\t') {
            break;
        }
        rows.push(raw(lines, k, cells::delimited(l, '\t', false)));
        k += 1;
    }
    let filled = rows
        .iter()
        .filter(|r| r.cells.iter().filter(|c| !c.is_empty()).count() >= 2)
        .count();
    if filled >= 2 {
        if let Some(t) = build(text, lines, Layout::Tab, rows, None) {
            out.push(t);
        }
    }
    k
}

fn numbers_in(line: &str, cells: &[Range<usize>]) -> usize {
    cells
        .iter()
        .filter(|c| matches!(number::parse(&line[(*c).clone()]), Content::Number(_)))
        .count()
}

/// Rows lined up with spaces from line `n` on: at least two rows with the same
/// number of cells and numbers in them, and the header line above if it fits.
fn aligned_table(text: &str, lines: &LineIndex, n: usize, out: &mut Vec<Table>) -> usize {
    let line = |k: usize| &text[lines.line_range(text, k)];
    let body_row = |k: usize| -> Option<Vec<Range<usize>>> {
        let l = line(k);
        if !l.bytes().any(|b| b.is_ascii_digit()) && !l.contains(['０', '１', '２', '５']) {
            return None;
        }
        // Columns need a wide gap inside the line: a byte search spares the
        // character walk on ordinary prose.
        let inner = l.trim_matches(is_blank);
        if !(inner.contains("  ") || inner.contains('\u{3000}') || inner.contains('\t')) {
            return None;
        }
        let c = cells::aligned(l)?;
        let numbers = numbers_in(l, &c);
        (numbers >= 2 || numbers >= 1 && c.len() == 2).then_some(c)
    };
    let Some(first) = body_row(n) else {
        return n + 1;
    };
    let width = first.len();
    let mut rows = vec![raw(lines, n, first)];
    let mut k = n + 1;
    while k < lines.line_count() {
        match body_row(k) {
            Some(c) if c.len() == width => rows.push(raw(lines, k, c)),
            // A group heading ("一、基本公共卫生") between rows of the table.
            _ if k + 1 < lines.line_count()
                && is_group_line(line(k))
                && body_row(k + 1).is_some_and(|c| c.len() == width) =>
            {
                rows.push(group_row(lines, k, line(k)));
            }
            _ => break,
        }
        k += 1;
    }
    // The header: up to two lines above without numbers, as wide or one cell
    // narrower (an empty top-left cell), maybe over a first group heading.
    let header_cells = |k: usize| {
        let l = line(k);
        cells::aligned(l)
            .filter(|c| (c.len() == width || c.len() + 1 == width) && numbers_in(l, c) == 0)
    };
    let mut header = Vec::new();
    let mut h = n;
    if n >= 2 && is_group_line(line(n - 1)) && header_cells(n - 2).is_some() {
        rows.insert(0, group_row(lines, n - 1, line(n - 1)));
        h = n - 1;
    }
    // A header set off from the body by one blank line (statistical tables
    // copied from a PDF) is the header all the same.
    if h >= 2 && line(h - 1).trim_matches(is_blank).is_empty() && header_cells(h - 2).is_some() {
        h -= 1;
    }
    while h > 0 && header.len() < 2 {
        match header_cells(h - 1) {
            Some(c) => {
                header.push(raw(lines, h - 1, c));
                h -= 1;
            }
            None => break,
        }
    }
    let enough = if header.is_empty() { 3 } else { 2 };
    if rows.len() >= enough && width <= MAX_COLUMNS {
        header.reverse();
        let headers = header.len();
        header.extend(rows);
        if let Some(t) = build(text, lines, Layout::Aligned, header, Some(headers)) {
            out.push(t);
        }
    }
    k
}

/// A group heading line as a row of one cell.
fn group_row(lines: &LineIndex, k: usize, l: &str) -> RawRow {
    let lead = l.len() - l.trim_start_matches(is_blank).len();
    let end = l.trim_end_matches(is_blank).len();
    raw(lines, k, std::iter::once(lead..end.max(lead)).collect())
}

/// A short line of words without numbers or wide gaps.
fn is_group_line(l: &str) -> bool {
    let t = l.trim_matches(is_blank);
    !t.is_empty()
        && t.chars().count() <= 24
        && cells::aligned(l).is_none()
        && !t.ends_with(crate::document::paragraphs::is_sentence_end)
}

/// The table from its rows; `headers` is known for Markdown (above the
/// separator) and lined-up text, found from the rows otherwise.
pub(super) fn build(
    text: &str,
    lines: &LineIndex,
    layout: Layout,
    raw: Vec<RawRow>,
    headers: Option<usize>,
) -> Option<Table> {
    let width = raw.iter().map(|r| r.cells.len()).max()?;
    if !(2..=MAX_COLUMNS).contains(&width) {
        return None;
    }
    let mut rows: Vec<Row> = raw
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let line_text = match r.end {
                Some(end) => &text[r.start..end],
                None => &text[lines.line_range(text, r.line)],
            };
            // Room for the padding up front (`width` is the longest row's): a
            // short row grown to the width later kept twice its cells' room.
            let mut cells: Vec<Cell> = Vec::with_capacity(width);
            cells.extend(r.cells.iter().map(|c| Cell {
                span: Span::new(r.start + c.start, r.start + c.end),
                content: number::parse(&line_text[c.clone()]),
            }));
            // Tabs and commas at the ends of a delimited row are cell boundaries:
            // the row is the whole line. Elsewhere outer blanks are indentation.
            let span = if matches!(layout, Layout::Tab | Layout::Comma) {
                Span::new(r.start, r.start + line_text.len())
            } else {
                let trimmed = line_text.trim_end_matches(is_blank);
                let lead = line_text.len() - line_text.trim_start_matches(is_blank).len();
                Span::new(r.start + lead.min(trimmed.len()), r.start + trimmed.len())
            };
            let pad = Cell {
                span: Span::new(span.end, span.end),
                content: Content::Blank,
            };
            if layout == Layout::Aligned && cells.len() + 1 == width && i < headers.unwrap_or(0) {
                // A header line short of a cell misses the top-left one.
                let at = Cell {
                    span: Span::new(span.start, span.start),
                    content: Content::Blank,
                };
                cells.insert(0, at);
            }
            cells.resize(width, pad);
            Row {
                line: r.line,
                span,
                cells,
                role: RowRole::Item,
                label: String::new(),
                depth: 0,
                marked: false,
            }
        })
        .collect();
    let header_rows = match headers {
        Some(h) => h.min(rows.len()),
        None => rows
            .iter()
            .take(MAX_HEADER_ROWS.min(rows.len().saturating_sub(1)))
            .take_while(|r| {
                !r.cells
                    .iter()
                    .any(|c| matches!(c.content, Content::Number(_)))
                    || years_only(r)
            })
            .count(),
    };
    let body_numbers = rows[header_rows..]
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|c| matches!(c.content, Content::Number(_)))
        .count();
    if body_numbers == 0 {
        return None;
    }
    for r in &mut rows[..header_rows] {
        r.role = RowRole::Header;
    }
    let first = rows.first()?.span.start;
    let last = rows.last()?.span.end;
    let unit = unit_above(text, lines, rows.first()?.line);
    let mut table = Table {
        layout,
        span: Span::new(first, last.max(first)),
        rows,
        header_rows,
        columns: Vec::new(),
        label_column: None,
    };
    columns::finish(&mut table, text, unit.as_deref());
    (!is_contents(&table, text)).then_some(table)
}

/// A row of column years under a header that spans them (| 2008 | 2009 | …
/// under 总诊疗人次): no name, only whole numbers that read as years.
fn years_only(r: &Row) -> bool {
    let year = |c: &Cell| match c.content {
        Content::Number(n) => n.decimals == 0 && (1900.0..=2100.0).contains(&n.value),
        _ => false,
    };
    r.cells.first().is_some_and(|c| c.content == Content::Blank)
        && r.cells.iter().filter(|c| year(c)).count() >= 2
        && r.cells
            .iter()
            .all(|c| year(c) || matches!(c.content, Content::Blank))
}

/// A table of contents with tab leaders ("一、总体情况\t3"): headings and
/// non-decreasing page numbers, no header. It belongs to the outline, not here.
fn is_contents(t: &Table, text: &str) -> bool {
    if t.header_rows > 0 || t.columns.len() > 3 {
        return false;
    }
    let numeric: Vec<usize> = (0..t.columns.len())
        .filter(|&c| {
            !matches!(
                t.columns[c].kind,
                super::ColumnKind::Text | super::ColumnKind::Label
            )
        })
        .collect();
    let [pages] = numeric[..] else { return false };
    let values: Vec<f64> = t
        .body()
        .filter_map(|r| t.number(r, pages).map(|n| n.value))
        .collect();
    let rising = values.windows(2).all(|w| w[0] <= w[1]) && values.iter().all(|v| v.fract() == 0.0);
    let headings = t
        .rows
        .iter()
        .filter(|r| {
            r.cells
                .iter()
                .find(|c| !c.span.is_empty())
                .is_some_and(|c| {
                    let cell = &text[c.span.start..c.span.end];
                    crate::document::markers::starts_block(cell) || cell.starts_with('第')
                })
        })
        .count();
    rising && headings * 2 >= t.rows.len()
}

/// "单位：万元" on one of the two lines above the table.
/// The unit a table's own lines name just above it: a unit line (单位：万元) or
/// a title closed by its unit in brackets (…决算表（万元）). Without it the
/// table's integers would be read as exact counts, not the rounded amounts they are.
fn unit_above(text: &str, lines: &LineIndex, first: usize) -> Option<String> {
    (first.saturating_sub(2)..first).rev().find_map(|k| {
        let l = text[lines.line_range(text, k)].trim_matches(is_blank);
        let Some(at) = l.find("单位") else {
            return columns::closing_unit(l).map(str::to_owned);
        };
        let rest = l[at + "单位".len()..].trim_start_matches(['：', ':', ' ', '\u{3000}']);
        let unit: String = rest
            .chars()
            .take_while(|c| !matches!(c, '）' | ')' | '，' | '；' | ' ' | '\u{3000}'))
            .collect();
        (!unit.is_empty() && unit.chars().count() <= 6).then_some(unit)
    })
}
