//! The pages' lines as the report's text: tables as tab-separated rows, and
//! hard-wrapped lines joined into paragraphs by the page's geometry — a line
//! that reaches the right edge of the text continues on the next line unless
//! that one is indented, set in another size, far below, or a new numbered
//! item. A paragraph runs on across a page break.

use super::furniture::Page;
use super::lines::{join_into, join_line, Line, Segment};
use crate::input::location::SourceMap;

/// One line of a page as it will be written.
struct Item<'a> {
    page: u32,
    /// 1-based line on the page.
    line: u32,
    source: &'a Line,
    /// The row's cells separated by tabs, when the line is a table row.
    row: Option<String>,
}

/// The text edges of a page's column: where unindented lines start and full lines end.
#[derive(Clone, Copy)]
struct Edges {
    left: f32,
    right: f32,
}

pub(super) fn text(pages: &[Page]) -> (String, SourceMap) {
    let mut items: Vec<Item> = Vec::new();
    let mut edges: Vec<[Edges; 3]> = Vec::with_capacity(pages.len());
    for (p, page) in pages.iter().enumerate() {
        let rows = table_rows(&page.lines);
        for (i, (line, row)) in page.lines.iter().zip(rows).enumerate() {
            items.push(Item {
                page: p as u32 + 1,
                line: i as u32 + 1,
                source: line,
                row,
            });
        }
        edges.push([0, 1, 2].map(|c| column_edges(&page.lines, pages, c)));
    }
    let mut out = String::new();
    let mut places = SourceMap::default();
    let mut prev: Option<&Item> = None;
    for item in &items {
        let edge = |it: &Item| edges[it.page as usize - 1][usize::from(it.source.column.min(2))];
        match &item.row {
            Some(row) => {
                if prev.is_some() {
                    out.push('\n');
                }
                places.page_line(out.len(), item.page, item.line);
                out.push_str(row);
            }
            None => {
                let joined = prev.is_some_and(|a| continues(a, item, edge(a), edge(item)));
                if prev.is_some() && !joined {
                    out.push('\n');
                }
                let text = item.source.text();
                let mut piece = String::new();
                if joined {
                    // The space between two Latin words split over the lines.
                    let tail: String = out.chars().next_back().into_iter().collect();
                    let mut probe = tail.clone();
                    join_line(&mut probe, &text);
                    if probe[tail.len()..].starts_with(' ') {
                        piece.push(' ');
                    }
                }
                places.page_line(out.len() + piece.len(), item.page, item.line);
                piece.push_str(&text);
                out.push_str(&piece);
            }
        }
        prev = Some(item);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    (out, places)
}

fn percentile(mut v: Vec<f32>, q: f32) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    let k = ((v.len() - 1) as f32 * q).round() as usize;
    v.get(k).copied()
}

/// A page's edges, or the whole document's for a page with too few lines to tell.
fn column_edges(page: &[Line], all: &[Page], column: u8) -> Edges {
    let of = |lines: &[Line], min: usize| -> Vec<(f32, f32, f32)> {
        lines
            .iter()
            .filter(|l| l.column == column && l.segments.len() == 1 && l.chars() >= min)
            .map(|l| (l.x0(), l.x1(), l.size))
            .collect()
    };
    let mut wide = of(page, 8);
    let mut narrow = of(page, 4);
    if wide.len() < 6 {
        wide = all.iter().flat_map(|p| of(&p.lines, 8)).collect();
        narrow = all.iter().flat_map(|p| of(&p.lines, 4)).collect();
    }
    Edges {
        left: percentile(narrow.iter().map(|l| l.0).collect(), 0.1).unwrap_or(0.0),
        right: right_edge(wide.iter().map(|l| (l.1, l.2)).collect()),
    }
}

/// Where full lines end: the rightmost line end shared, within a character
/// and a half, by a fifth of the lines (a wide title or an unsplit table row
/// alone does not move it).
fn right_edge(mut ends: Vec<(f32, f32)>) -> f32 {
    ends.sort_by(|a, b| b.0.total_cmp(&a.0));
    let needed = (ends.len() / 5).max(2).min(ends.len());
    for (i, &(x, size)) in ends.iter().enumerate() {
        let near = ends[i..]
            .iter()
            .take_while(|e| e.0 >= x - 1.5 * size)
            .count();
        if near >= needed {
            return x;
        }
    }
    f32::INFINITY
}

fn continues(a: &Item, b: &Item, ea: Edges, eb: Edges) -> bool {
    if a.row.is_some() || b.row.is_some() {
        return false;
    }
    let (la, lb) = (a.source, b.source);
    let size = la.size.max(lb.size);
    if (la.size - lb.size).abs() > 0.2 * size {
        return false;
    }
    let full = la.x1() >= ea.right - 2.5 * la.size;
    let indented = lb.x0() > eb.left + 0.8 * lb.size;
    let same_block = a.page == b.page && la.column == lb.column;
    let near = !same_block || (lb.y > la.y && lb.y - la.y <= 2.2 * size);
    if !full || indented || !near {
        return false;
    }
    // A line that opens a numbered item starts a paragraph even when the line
    // above reaches the edge (a table of contents, a long heading).
    !crate::document::markers::starts_block(&lb.text())
}

/// For each line, its cells separated by tabs when it is a row of a table:
/// a run of two or more lines split by wide gaps whose segments line up in
/// columns. A line spanning columns at the start or end of the run (a title)
/// is not a row.
fn table_rows(lines: &[Line]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = vec![None; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let split = |l: &Line| l.segments.len() >= 2;
        if !split(&lines[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < lines.len() && split(&lines[j]) && lines[j].column == lines[i].column {
            j += 1;
        }
        if j - i >= 2 {
            table(&lines[i..j], &mut out[i..j]);
        }
        i = j;
    }
    out
}

fn table(run: &[Line], out: &mut [Option<String>]) {
    let widest = run.iter().map(|l| l.segments.len()).max().unwrap_or(0);
    let size = run.iter().map(|l| l.size).fold(0.0, f32::max);
    let mut spans: Vec<(f32, f32)> = run
        .iter()
        .filter(|l| l.segments.len() == widest)
        .flat_map(|l| l.segments.iter().map(|s| (s.x0, s.x1)))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut columns: Vec<(f32, f32)> = Vec::new();
    for (x0, x1) in spans {
        match columns.last_mut() {
            Some(c) if x0 <= c.1 + 0.5 * size => c.1 = c.1.max(x1),
            _ => columns.push((x0, x1)),
        }
    }
    if columns.len() < 2 {
        return;
    }
    let rows: Vec<Option<String>> = run.iter().map(|l| row(l, &columns)).collect();
    // Spanning lines at the ends of the run are titles, not rows.
    let first = rows.iter().position(Option::is_some).unwrap_or(rows.len());
    let last = rows.iter().rposition(Option::is_some).map_or(0, |k| k + 1);
    if last <= first || last - first < 2 || rows[first..last].iter().any(Option::is_none) {
        return;
    }
    for (slot, r) in out[first..last].iter_mut().zip(&rows[first..last]) {
        slot.clone_from(r);
    }
}

/// A line's cells in the columns, or None when a segment spans two columns.
fn row(line: &Line, columns: &[(f32, f32)]) -> Option<String> {
    let mut cells = vec![String::new(); columns.len()];
    for s in &line.segments {
        let overlap = |c: &(f32, f32)| (s.x1.min(c.1) - s.x0.max(c.0)).max(0.0);
        let covered = columns
            .iter()
            .filter(|c| overlap(c) > 0.5 * (c.1 - c.0).min(s.x1 - s.x0))
            .count();
        if covered > 1 {
            return None;
        }
        let k = best_column(s, columns);
        join_into(&mut cells[k], &s.text);
    }
    Some(cells.join("\t"))
}

fn best_column(s: &Segment, columns: &[(f32, f32)]) -> usize {
    let mid = (s.x0 + s.x1) / 2.0;
    let mut best = (f32::NEG_INFINITY, 0);
    for (k, c) in columns.iter().enumerate() {
        let overlap = s.x1.min(c.1) - s.x0.max(c.0);
        // Overlap first; for a segment in no column, the nearest one.
        let score = if overlap > 0.0 {
            overlap
        } else {
            -(mid - (c.0 + c.1) / 2.0).abs()
        };
        if score > best.0 {
            best = (score, k);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(parts: &[(&str, f32)], y: f32) -> Line {
        Line {
            y,
            size: 10.0,
            segments: parts
                .iter()
                .map(|(t, x)| Segment {
                    x0: *x,
                    x1: x + 10.0 * t.chars().count() as f32,
                    text: (*t).to_owned(),
                })
                .collect(),
            column: 0,
        }
    }

    fn page(lines: Vec<Line>) -> Page {
        Page {
            lines,
            height: 842.0,
        }
    }

    const FULL: &str = "根据生产总值统一核算结果全年全州生产总值亿元比上年增长";
    /// A paragraph's first line: indented two characters, ending where FULL ends.
    const FIRST: &str = "生产总值统一核算结果全年全州生产总值亿元比上年增长";

    #[test]
    fn wrapped_lines_join_and_an_indented_line_starts_a_paragraph() {
        let p = page(vec![
            line(&[(FIRST, 70.0)], 100.0),
            line(&[(FULL, 50.0)], 118.0),
            line(&[("增长百分之四。", 50.0)], 136.0),
            line(&[(FIRST, 70.0)], 154.0),
            line(&[("其中第一产业增加值。", 50.0)], 172.0),
        ]);
        let (text, places) = text(&[p]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert_eq!(lines[0], format!("{FIRST}{FULL}增长百分之四。"));
        let at = text.find("增长百分之四").unwrap_or(0);
        assert_eq!(
            places.place(&text, at).map(|p| p.text).as_deref(),
            Some("第1页第3行")
        );
    }

    #[test]
    fn a_paragraph_runs_on_over_a_page_break() {
        let a = page(vec![
            line(&[(FIRST, 70.0)], 100.0),
            line(&[(FULL, 50.0)], 118.0),
        ]);
        let b = page(vec![line(&[("全州经济逐季向好。", 50.0)], 100.0)]);
        let (text, places) = text(&[a, b]);
        assert_eq!(text.lines().count(), 1, "{text}");
        let at = text.find("全州经济").unwrap_or(0);
        assert_eq!(
            places.place(&text, at).map(|p| p.text).as_deref(),
            Some("第2页第1行")
        );
    }

    #[test]
    fn a_numbered_heading_after_a_finished_sentence_stays_apart() {
        let ended = "根据生产总值统一核算结果全年全州生产总值比上年增长。";
        let p = page(vec![
            line(&[(FIRST, 70.0)], 100.0),
            line(&[(ended, 50.0)], 118.0),
            line(&[("二、农业生产情况", 50.0)], 136.0),
        ]);
        let (text, _) = text(&[p]);
        assert_eq!(text.lines().count(), 2, "{text}");
    }

    #[test]
    fn aligned_segments_become_tab_separated_rows() {
        let p = page(vec![
            line(&[("表1 2023年户籍人口及其构成", 100.0)], 90.0),
            line(&[("指标", 50.0), ("年末数", 200.0), ("比重", 300.0)], 110.0),
            line(
                &[("全州", 50.0), ("4899310", 200.0), ("100.0", 300.0)],
                130.0,
            ),
            line(
                &[("城镇", 60.0), ("1654272", 205.0), ("33.8", 305.0)],
                150.0,
            ),
        ]);
        let (text, _) = text(&[p]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "表1 2023年户籍人口及其构成");
        assert_eq!(lines[1], "指标\t年末数\t比重");
        assert_eq!(lines[3], "城镇\t1654272\t33.8");
    }

    #[test]
    fn a_letter_spaced_heading_alone_is_text() {
        let p = page(vec![
            line(&[(FULL, 50.0)], 90.0),
            line(&[("一、综", 150.0), ("合", 250.0)], 120.0),
            line(&[(FIRST, 70.0)], 150.0),
        ]);
        let (text, _) = text(&[p]);
        assert_eq!(text.lines().nth(1), Some("一、综合"));
    }
}
