//! Splitting one line into cells, per table layout. Cells are byte ranges of the
//! line with surrounding blanks trimmed; an empty cell is an empty range where
//! the cell stood.

use crate::document::paragraphs::is_blank;
use std::ops::Range;

/// How a table's rows are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Markdown: `| a | b |` with a `|---|---|` line under the header.
    Pipe,
    /// Cells separated by tabs (Word tables as the .docx reader writes them,
    /// spreadsheets pasted as text, `.tsv` files).
    Tab,
    /// Columns lined up with runs of spaces.
    Aligned,
    /// A `.csv` file.
    Comma,
    /// Drawn with box characters: `│ a │ b │` between `├──┼──┤` rules.
    Boxed,
}

fn is_box_rule_char(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c) && c != '│' && c != '┃' || c == '-' || c == '='
}

/// A rule of a box-drawn table: `┌──┬──┐`, `├──┼──┤`, `└──┴──┘`.
pub fn is_box_rule(line: &str) -> bool {
    let t = line.trim_matches(is_blank);
    t.starts_with(['┌', '├', '└', '┏', '┣', '┗', '╔', '╠', '╚'])
        && t.chars().all(|c| is_box_rule_char(c) || is_blank(c))
}

/// Cells of a box-drawn row `│ a │ b │`; `None` unless the line is one.
pub fn boxed(line: &str) -> Option<Vec<Range<usize>>> {
    let body = trimmed(line, 0..line.len());
    let s = &line[body.clone()];
    if !s.starts_with(['│', '┃', '║']) {
        return None;
    }
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if matches!(c, '│' | '┃' | '║') && out.len() < MAX_CELLS {
            if let Some(st) = start {
                out.push(trimmed(line, body.start + st..body.start + i));
            }
            start = Some(i + c.len_utf8());
        }
    }
    (out.len() >= 2).then_some(out)
}

/// Most cells a line is split into; the rest of a longer line is its last cell
/// (and a table that wide is refused), so a hostile line costs no memory.
pub const MAX_CELLS: usize = 257;

fn trimmed(line: &str, r: Range<usize>) -> Range<usize> {
    let s = &line[r.clone()];
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let body = s.trim_matches(is_blank);
    r.start + lead..r.start + lead + body.len()
}

/// Cells separated by `sep` (a tab in a Word row, a comma in CSV with quotes).
pub fn delimited(line: &str, sep: char, quotes: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_quotes = false;
    for (i, c) in line.char_indices() {
        if quotes && c == '"' {
            in_quotes = !in_quotes;
        } else if c == sep && !in_quotes && out.len() + 1 < MAX_CELLS {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..line.len());
    out.into_iter()
        .map(|r| {
            let r = trimmed(line, r);
            // A quoted CSV field: the quotes are not part of the value.
            let s = &line[r.clone()];
            if quotes && s.len() >= 2 && s.starts_with('"') && s.ends_with('"') {
                trimmed(line, r.start + 1..r.end - 1)
            } else {
                r
            }
        })
        .collect()
}

/// The records of a CSV text as the csv crate finds them: (offset, end without
/// the line break, cells relative to the offset). A quoted cell may span lines.
pub fn csv_records(text: &str) -> Vec<(usize, usize, Vec<Range<usize>>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::ByteRecord::new();
    let mut starts = Vec::new();
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let at = record.position().map_or(0, |p| p.byte());
        match usize::try_from(at) {
            Ok(at) if at <= text.len() && text.is_char_boundary(at) => starts.push(at),
            _ => break,
        }
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let next = starts.get(k + 1).copied().unwrap_or(text.len()).max(start);
        let body = text[start..next].trim_end_matches(['\r', '\n']);
        if body.trim_matches(is_blank).is_empty() {
            continue;
        }
        out.push((start, start + body.len(), delimited(body, ',', true)));
    }
    out
}

/// Cells of a Markdown pipe row; `None` when the line has no pipe.
pub fn pipe(line: &str) -> Option<Vec<Range<usize>>> {
    let body = trimmed(line, 0..line.len());
    let s = &line[body.clone()];
    if !s.contains('|') {
        return None;
    }
    let mut bounds = vec![body.start];
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if bounds.len() >= 2 * MAX_CELLS {
            break;
        }
        if c == '|' && !escaped {
            bounds.push(body.start + i);
            bounds.push(body.start + i + 1);
        }
        escaped = c == '\\' && !escaped;
    }
    bounds.push(body.end);
    let mut cells: Vec<Range<usize>> = bounds
        .chunks(2)
        .filter_map(|w| match w {
            [a, b] => Some(trimmed(line, *a..*b)),
            _ => None,
        })
        .collect();
    // Leading and trailing pipes open and close the row: no cell outside them.
    if s.starts_with('|') && !cells.is_empty() {
        cells.remove(0);
    }
    if s.ends_with('|') && s.len() > 1 && !cells.is_empty() {
        cells.pop();
    }
    Some(cells)
}

/// Cells of a row separated by `|` without Markdown's frame: a leading `|`
/// leaves an empty first cell, a trailing one closes the row. `None` unless the
/// line holds a `|` between two non-blank characters.
pub fn loose_pipe(line: &str) -> Option<Vec<Range<usize>>> {
    let body = trimmed(line, 0..line.len());
    let s = &line[body.clone()];
    if !s.contains('|') || s.trim_matches('|').trim_matches(is_blank).is_empty() {
        return None;
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == '|' && out.len() + 1 < MAX_CELLS {
            out.push(trimmed(line, body.start + start..body.start + i));
            start = i + 1;
        }
    }
    if start < s.len() {
        out.push(trimmed(line, body.start + start..body.end));
    }
    Some(out)
}

/// Whether pipe cells form the `|---|:---:|` line under a Markdown header.
pub fn is_pipe_separator(line: &str, cells: &[Range<usize>]) -> bool {
    !cells.is_empty()
        && cells.iter().all(|r| {
            let c = line[r.clone()].trim_matches(':');
            !c.is_empty() && c.bytes().all(|b| b == b'-')
        })
}

/// Cells of a line lined up with spaces: split at runs of two or more spaces,
/// or at any ideographic space between words. `None` for a single cell.
pub fn aligned(line: &str) -> Option<Vec<Range<usize>>> {
    let body = trimmed(line, 0..line.len());
    let s = &line[body.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut gap: Option<(usize, usize, bool)> = None; // (start, spaces, ideographic)
    for (i, c) in s.char_indices() {
        if c == ' ' || c == '\u{3000}' || c == '\t' {
            let g = gap.get_or_insert((i, 0, false));
            g.1 += 1;
            g.2 |= c != ' ';
            continue;
        }
        if let Some((g, n, wide)) = gap.take() {
            if (n >= 2 || wide) && out.len() + 1 < MAX_CELLS {
                out.push(body.start + start..body.start + g);
                start = i;
            }
        }
    }
    out.push(body.start + start..body.end);
    // "合　计" and "合  计" are one word spaced out to the column's width.
    let single_han = |r: &Range<usize>| {
        let mut cs = line[r.clone()].chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if crate::document::markers::is_han(c))
    };
    // (cell, whether it is single characters spaced out so far)
    let mut merged: Vec<(Range<usize>, bool)> = Vec::with_capacity(out.len());
    for r in out {
        let single = single_han(&r);
        match merged.last_mut() {
            Some((prev, true)) if single && prev.len() < 4 * 3 + 3 * 6 => prev.end = r.end,
            _ => merged.push((r, single)),
        }
    }
    let merged: Vec<Range<usize>> = merged.into_iter().map(|(r, _)| r).collect();
    (merged.len() > 1).then_some(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(line: &'a str, cells: &[Range<usize>]) -> Vec<&'a str> {
        cells.iter().map(|r| &line[r.clone()]).collect()
    }

    #[test]
    fn pipe_rows_and_separators() {
        let l = "| 地区 | 任务数 |  |";
        let c = pipe(l).expect("pipe");
        assert_eq!(texts(l, &c), ["地区", "任务数", ""]);
        let l = "地区 | 完成\\|数";
        assert_eq!(texts(l, &pipe(l).expect("pipe")), ["地区", "完成\\|数"]);
        let l = "|---|:---:|";
        assert!(is_pipe_separator(l, &pipe(l).expect("pipe")));
    }

    #[test]
    fn csv_fields_with_quotes_and_tabs() {
        let l = "甲县,\"1,462\", 95.83% ,";
        assert_eq!(
            texts(l, &delimited(l, ',', true)),
            ["甲县", "1,462", "95.83%", ""]
        );
        let l = "\t男\t女";
        assert_eq!(texts(l, &delimited(l, '\t', false)), ["", "男", "女"]);
    }

    #[test]
    fn box_drawn_rows_and_rules() {
        let l = "│ 地区 │ 人数 │";
        assert_eq!(texts(l, &boxed(l).expect("row")), ["地区", "人数"]);
        assert!(is_box_rule("├──────┼──────┤"));
        assert!(!is_box_rule("│ 地区 │ 人数 │"));
    }

    #[test]
    fn aligned_columns_need_wide_gaps() {
        let l = "  甲县    1462   1401  95.83%";
        assert_eq!(
            texts(l, &aligned(l).expect("cells")),
            ["甲县", "1462", "1401", "95.83%"]
        );
        assert!(aligned("这是 一句 话").is_none());
        let l = "合　计　1462";
        assert_eq!(texts(l, &aligned(l).expect("cells")), ["合　计", "1462"]);
    }
}
