//! The pages' lines as the report's text: tables as tab-separated rows, and
//! hard-wrapped lines joined into paragraphs by the page's geometry — a line
//! that reaches the right edge of the text continues on the next line unless
//! that one is indented, set in another size, far below, or a new numbered
//! item. A paragraph runs on across a page break.

use super::furniture::Page;
use super::lines::{join_into, join_line, spaced_out, Line, Segment, SEGMENT_GAP};
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
    // A line of separate cells (a table row outside a table) is no prose.
    if la.has_cells() || lb.has_cells() {
        return false;
    }
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
/// columns. A line that only holds a cell spanning the rows above and below
/// it does not end the run. A line spanning columns at the start or end of
/// the run, apart from it (a title), is not a row.
fn table_rows(lines: &[Line]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = vec![None; lines.len()];
    let split = |l: &Line| l.segments.len() >= 2;
    let mut i = 0;
    while i < lines.len() {
        if !split(&lines[i]) {
            i += 1;
            continue;
        }
        let column = lines[i].column;
        let in_run = |l: &Line| split(l) && l.column == column;
        let mut j = i + 1;
        while j < lines.len() {
            if in_run(&lines[j]) {
                j += 1;
            } else if j + 1 < lines.len()
                && in_run(&lines[j + 1])
                && spans_rows(&lines[j - 1], &lines[j], &lines[j + 1])
            {
                j += 2;
            } else {
                break;
            }
        }
        if j - i >= 2 {
            table(&lines[i..j], &mut out[i..j]);
        }
        i = j;
    }
    out
}

/// Whether `line` only holds a cell spanning the rows `above` and `below`
/// (a stub such as 「年龄组」 over two header rows, centred between them): one
/// piece of text, about midway between the two, close to both, in an x-range
/// both leave empty.
fn spans_rows(above: &Line, line: &Line, below: &Line) -> bool {
    let [s] = line.segments.as_slice() else {
        return false;
    };
    let (up, down) = (line.y - above.y, below.y - line.y);
    let size = above.size.max(line.size).max(below.size);
    let clear = |l: &Line| l.segments.iter().all(|t| t.x1 <= s.x0 || t.x0 >= s.x1);
    line.column == above.column
        && up > 0.0
        && down > 0.0
        && up.min(down) >= 0.25 * (up + down)
        && up + down <= 4.0 * size
        && clear(above)
        && clear(below)
}

fn table(run: &[Line], out: &mut [Option<String>]) {
    let size = run.iter().map(|l| l.size).fold(0.0, f32::max);
    // Titles at the ends of the run may cross the columns: look for columns
    // without them when the whole run has none.
    let n = run.len();
    let bounds = [(0, n), (1, n), (0, n - 1), (1, n - 1)]
        .into_iter()
        .filter(|&(a, b)| b >= a + 2)
        .map(|(a, b)| boundaries(&run[a..b], size))
        .find(|c| !c.is_empty());
    let Some(bounds) = bounds else {
        return;
    };
    let rows: Vec<(String, bool)> = run.iter().map(|l| row(l, &bounds)).collect();
    let pitch = median_pitch(run);
    // A line spanning columns at an end of the run, farther from the next row
    // than rows are from each other (or alone on its line), is a title.
    let title = |k: usize, next: usize| {
        let (line, spans) = (&run[k], rows[k].1);
        let gap = (run[next].y - line.y).abs();
        spans && (line.segments.len() < 2 || gap > 1.5 * pitch)
    };
    let mut first = 0;
    while first + 1 < n && title(first, first + 1) {
        first += 1;
    }
    let mut last = n;
    while last > first + 1 && title(last - 1, last - 2) {
        last -= 1;
    }
    if last - first < 2 {
        return;
    }
    for (slot, r) in out[first..last].iter_mut().zip(&rows[first..last]) {
        *slot = Some(r.0.clone());
    }
}

/// The usual distance between the baselines of neighbouring lines of the run.
fn median_pitch(run: &[Line]) -> f32 {
    let mut d: Vec<f32> = run.windows(2).map(|w| (w[1].y - w[0].y).abs()).collect();
    d.sort_by(f32::total_cmp);
    d.get(d.len() / 2).copied().unwrap_or(f32::INFINITY)
}

/// The boundaries between the columns of a run of lines. An alley is a
/// stretch of x that rows leave empty (all but one row in five: a merged cell
/// may cross it), at least a segment gap wide, with text on both sides in two
/// rows or more; its boundary is the part of it the fewest rows cross. A gap
/// inside a cell (a letter-spaced label) is filled by the other rows' longer
/// labels, so it makes no column.
fn boundaries(run: &[Line], size: f32) -> Vec<(f32, f32)> {
    let tolerated = (run.len() / 5) as i32;
    // Where the number of rows with text at x changes.
    let mut edges: Vec<(f32, i32)> = run
        .iter()
        .flat_map(|l| &l.segments)
        .flat_map(|s| [(s.x0, 1), (s.x1.max(s.x0), -1)])
        .collect();
    edges.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    // Stretches of x and how many rows have text there.
    let mut stretches: Vec<(f32, f32, i32)> = Vec::new();
    let mut depth = 0;
    for w in edges.windows(2) {
        depth += w[0].1;
        if w[1].0 > w[0].0 {
            stretches.push((w[0].0, w[1].0, depth));
        }
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < stretches.len() {
        if stretches[k].2 > tolerated {
            k += 1;
            continue;
        }
        let start = k;
        while k < stretches.len() && stretches[k].2 <= tolerated {
            k += 1;
        }
        let alley = &stretches[start..k];
        if alley[alley.len() - 1].1 - alley[0].0 < SEGMENT_GAP * size {
            continue;
        }
        // The widest run of stretches at the alley's lowest depth.
        let least = alley.iter().map(|s| s.2).min().unwrap_or(0);
        let mut best: Option<(f32, f32)> = None;
        let mut from: Option<f32> = None;
        for (i, s) in alley.iter().enumerate() {
            if s.2 == least {
                let x0 = *from.get_or_insert(s.0);
                let ends = alley.get(i + 1).is_none_or(|n| n.2 != least);
                if ends && best.is_none_or(|(p, q)| q - p < s.1 - x0) {
                    best = Some((x0, s.1));
                }
            } else {
                from = None;
            }
            if alley.get(i + 1).is_some_and(|n| n.2 != least) {
                from = None;
            }
        }
        let Some((a, b)) = best else {
            continue;
        };
        let both = run
            .iter()
            .filter(|l| {
                l.segments.iter().any(|s| s.x1 <= a) && l.segments.iter().any(|s| s.x0 >= b)
            })
            .count();
        if both >= 2 {
            out.push((a, b));
        }
    }
    out
}

/// A line's cells between the column boundaries, and whether a piece of it
/// crosses a boundary (a merged cell, placed in its first column). Pieces in
/// one column are one cell when one of them is a spaced-out character
/// (「#粮　　食」), separate cells otherwise: a row that does not fit the
/// columns is still written cell by cell, never joined into one run of text.
fn row(line: &Line, bounds: &[(f32, f32)]) -> (String, bool) {
    let mut cells = vec![String::new(); bounds.len() + 1];
    let mut spans = false;
    let mut at = 0;
    let mut prev: Option<&Segment> = None;
    let column = |x: f32| bounds.iter().filter(|b| (b.0 + b.1) / 2.0 < x).count();
    for s in &line.segments {
        spans |= column(s.x1) > column(s.x0);
        // Cells are read left to right: never back into a column already passed.
        let k = column(s.x0).max(at);
        let cell = &mut cells[k];
        match prev {
            Some(p) if k == at && !cell.is_empty() && !spaced_out(p, s) => {
                cell.push('\t');
                cell.push_str(&s.text);
            }
            _ => join_into(cell, &s.text),
        }
        at = k;
        prev = Some(s);
    }
    (cells.join("\t"), spans)
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
            places.place(&text, at).map(|p| (p.page, p.page_line)),
            Some((Some(1), Some(3)))
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
            places.place(&text, at).map(|p| (p.page, p.page_line)),
            Some((Some(2), Some(1)))
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
    fn a_letter_spaced_label_is_one_cell_and_makes_no_column() {
        let mut lines = vec![line(&[("指标", 50.0), ("上年=100", 200.0)], 100.0)];
        let labels = [
            "一、食品烟酒",
            "二、衣着",
            "四、生活用品及服务",
            "五、交通通信",
        ];
        for (k, label) in labels.iter().enumerate() {
            lines.push(line(
                &[(label, 50.0), ("99.2", 200.0)],
                114.0 + 14.0 * k as f32,
            ));
        }
        // 「#粮」 and 「食」 with a gap that the longer labels fill.
        lines.push(line(
            &[("#粮", 50.0), ("食", 100.0), ("100.9", 200.0)],
            170.0,
        ));
        let (text, _) = text(&[page(lines)]);
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows[3], "四、生活用品及服务\t99.2", "{text}");
        assert_eq!(rows[5], "#粮食\t100.9", "{text}");
    }

    #[test]
    fn a_stub_spanning_two_header_rows_keeps_the_header_in_the_table() {
        let p = page(vec![
            line(&[("男", 150.0), ("女", 250.0)], 100.0),
            line(&[("年龄组", 50.0)], 107.0),
            line(&[("人数", 150.0), ("人数", 250.0)], 114.0),
            line(&[("0-5岁", 50.0), ("45.6", 150.0), ("38.2", 250.0)], 128.0),
            line(&[("6-11岁", 50.0), ("42.1", 150.0), ("35.3", 250.0)], 142.0),
        ]);
        let (text, _) = text(&[p]);
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(
            rows[..3],
            ["\t男\t女", "年龄组\t\t", "\t人数\t人数"],
            "{text}"
        );
    }

    #[test]
    fn two_cells_far_apart_outside_a_table_are_separated_by_a_tab() {
        let p = page(vec![
            line(&[(FULL, 50.0)], 90.0),
            line(
                &[
                    ("不同年龄组户籍儿童", 100.0),
                    ("不同年龄组户籍儿童性别比", 230.0),
                ],
                120.0,
            ),
            line(&[(FIRST, 70.0)], 150.0),
        ]);
        let (text, _) = text(&[p]);
        assert_eq!(
            text.lines().nth(1),
            Some("不同年龄组户籍儿童\t不同年龄组户籍儿童性别比")
        );
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
