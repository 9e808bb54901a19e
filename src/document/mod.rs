//! The one model of a report that every lint reads: decoded text, line index,
//! paragraphs with wrapped lines joined, sentences, numbering markers and outline.
//! Lints never re-read or re-split the file.

pub mod chars;
pub mod claims;
pub mod cn_numeral;
pub mod dates;
pub mod directives;
pub mod lines;
pub mod markers;
pub mod outline;
pub mod paragraphs;
pub mod quantities;
pub mod tables;

use crate::span::Span;
pub use dates::{DateMention, Dates};
pub use lines::{LineCol, LineIndex};
pub use markers::{Family, Marker, Variant};
pub use outline::{Event, Outline, Toc};
pub use paragraphs::Paragraph;
pub use quantities::{Approx, Kind, Quantity};
use std::sync::Arc;
pub use tables::{Delimited, Table};

/// How the text was decoded, for findings about the file itself.
#[derive(Debug, Clone)]
pub struct SourceInfo {
    pub encoding: &'static str,
    pub bom: bool,
    pub malformed: usize,
    pub first_malformed: Option<usize>,
}

impl Default for SourceInfo {
    fn default() -> Self {
        SourceInfo {
            encoding: "UTF-8",
            bom: false,
            malformed: 0,
            first_malformed: None,
        }
    }
}

/// Documents at least this large build their model on several threads.
const PARALLEL_FROM: usize = 1 << 20;

#[derive(Debug)]
pub struct Document {
    /// The name findings are reported under (a path, or `--stdin-filename`).
    pub name: String,
    /// Shared with the paragraphs that are a single line (they view it, not copy it).
    pub text: Arc<String>,
    pub lines: LineIndex,
    pub paragraphs: Vec<Paragraph>,
    /// Numbering markers in document order (block and inline).
    pub markers: Vec<Marker>,
    pub outline: Outline,
    /// Dates and periods named in the text, and the report's own date.
    pub dates: Dates,
    /// Every number claim with its unit, precision and label, in document order.
    /// Table rows are read cell by cell (each cell is a sentence of its row).
    pub quantities: Vec<Quantity>,
    /// Tables (Markdown, Word, tab- or space-aligned rows, CSV/TSV), in order.
    pub tables: Vec<Table>,
    /// Lines of tab-separated cells outside the tables, in order.
    pub text_rows: Vec<tables::TextRow>,
    pub source: SourceInfo,
    /// The file's text as written, when `text` has parts blanked (Markdown code,
    /// links): same length, same line breaks. Shown to the reader; lints read `text`.
    pub original: Option<String>,
    /// Inline suppression comments (read from the original text).
    pub directives: Vec<directives::Directive>,
    /// Checkable statements, built on first use by [`Document::claims`].
    claims: std::sync::OnceLock<claims::Claims>,
    /// Each paragraph's characters by index, decoded once on first use by
    /// [`Document::char_table`] (the typo lints share them).
    char_tables: std::sync::OnceLock<Vec<chars::CharTable>>,
    /// Pages and lines (PDF), sections and table cells (Word) of the text, when
    /// the input format knows them.
    pub places: Option<crate::input::location::SourceMap>,
}

impl Document {
    pub fn parse(name: impl Into<String>, text: String) -> Document {
        Document::parse_as(name, text, None)
    }

    /// Parse a report, or a table file (`.csv`, `.tsv`) when `delimited` says so.
    pub fn parse_as(
        name: impl Into<String>,
        text: String,
        delimited: Option<Delimited>,
    ) -> Document {
        let text = Arc::new(text);
        let lines = LineIndex::new(&text);
        let tables = tables::detect(&text, &lines, delimited);
        let text_rows = tables::text_rows(&text, &lines, &tables);
        let row_lines = table_row_lines(&tables, lines.line_count());
        let stands_alone = |n: usize| row_lines.get(n).copied().unwrap_or(false);
        let mut paragraphs = paragraphs::split(&text, &lines, markers::starts_block, stands_alone);
        cells_as_sentences(&mut paragraphs, &tables, &row_lines);
        let markers = collect_markers(&paragraphs, &row_lines);
        let outline = outline::build(&markers, &paragraphs);
        // Dates and quantities read the paragraphs independently: a large document
        // builds them side by side, and its quantities paragraph by paragraph.
        let (dates, quantities) = if text.len() >= PARALLEL_FROM {
            rayon::join(
                || dates::extract(&paragraphs),
                || collect_quantities(&text, &paragraphs, &markers),
            )
        } else {
            (
                dates::extract(&paragraphs),
                collect_quantities(&text, &paragraphs, &markers),
            )
        };
        Document {
            name: name.into(),
            text,
            lines,
            paragraphs,
            markers,
            outline,
            dates,
            quantities,
            tables,
            text_rows,
            source: SourceInfo::default(),
            original: None,
            directives: Vec::new(),
            claims: std::sync::OnceLock::new(),
            char_tables: std::sync::OnceLock::new(),
            places: None,
        }
    }

    /// Build from decoded bytes, keeping what the decoder learned.
    pub fn parse_decoded(name: impl Into<String>, decoded: crate::decode::Decoded) -> Document {
        Document::build(name, decoded, None, None)
    }

    /// Build from decoded text whose non-prose parts were blanked (`original` is
    /// the text as written, the same length), reading suppression comments from it.
    pub fn build(
        name: impl Into<String>,
        decoded: crate::decode::Decoded,
        original: Option<String>,
        delimited: Option<Delimited>,
    ) -> Document {
        let source = SourceInfo {
            encoding: decoded.encoding.name(),
            bom: decoded.bom,
            malformed: decoded.malformed,
            first_malformed: decoded.first_malformed,
        };
        let mut doc = Document::parse_as(name, decoded.text, delimited);
        doc.source = source;
        doc.places = decoded.places;
        doc.original = original.filter(|o| o.len() == doc.text.len());
        doc.directives = directives::parse(doc.display_text(), &doc);
        doc
    }

    /// Every checkable statement with its readings (built once, on first use:
    /// only the arithmetic checks need them).
    pub fn claims(&self) -> &claims::Claims {
        self.claims.get_or_init(|| claims::build(self))
    }

    /// The characters of paragraph `paragraph` by index (empty for one of 4 GiB
    /// or more). All paragraphs are decoded together on first use, once for every
    /// lint that reads characters.
    pub fn char_table(&self, paragraph: usize) -> &chars::CharTable {
        static EMPTY: chars::CharTable = chars::CharTable::EMPTY;
        self.char_tables
            .get_or_init(|| {
                self.paragraphs
                    .iter()
                    .map(|p| chars::CharTable::new(&p.text))
                    .collect()
            })
            .get(paragraph)
            .unwrap_or(&EMPTY)
    }

    /// The quantities of one sentence (indices into a paragraph's sentences), found
    /// by binary search: quantities are in document order.
    pub fn quantities_in_sentence(&self, paragraph: usize, sentence: usize) -> &[Quantity] {
        let key = (paragraph, sentence);
        let a = self
            .quantities
            .partition_point(|q| (q.paragraph, q.sentence) < key);
        let b = self
            .quantities
            .partition_point(|q| (q.paragraph, q.sentence) <= key);
        &self.quantities[a..b]
    }

    /// The quantities of paragraphs `range`, by binary search.
    pub fn quantities_in_paragraphs(&self, range: std::ops::Range<usize>) -> &[Quantity] {
        let a = self
            .quantities
            .partition_point(|q| q.paragraph < range.start);
        let b = self.quantities.partition_point(|q| q.paragraph < range.end);
        &self.quantities[a..b.max(a)]
    }

    /// Whether `offset` is inside a table.
    pub fn in_table(&self, offset: usize) -> bool {
        self.table_at(offset).is_some()
    }

    /// The table holding `offset`, by binary search (tables are in order).
    pub fn table_at(&self, offset: usize) -> Option<&Table> {
        let k = self.tables.partition_point(|t| t.span.start <= offset);
        let t = &self.tables[k.checked_sub(1)?];
        (offset < t.span.end).then_some(t)
    }

    /// The table row holding `offset`.
    fn row_at(&self, offset: usize) -> Option<&tables::Row> {
        let t = self.table_at(offset)?;
        let r = t.rows.partition_point(|r| r.span.start <= offset);
        let row = &t.rows[r.checked_sub(1)?];
        (offset < row.span.end).then_some(row)
    }

    /// Whether `offset` is table structure — a cell separator (`|`, `,`, a tab,
    /// aligning spaces) in a table row — rather than the text of a cell.
    pub fn in_table_structure(&self, offset: usize) -> bool {
        self.crosses_cells(Span::new(offset, offset + 1))
    }

    /// Whether `span` runs from one table cell into another (or starts between
    /// cells): text that looks repeated across cells ("人数 | 接种人数") is two
    /// cells, not a typo.
    pub fn crosses_cells(&self, span: Span) -> bool {
        let within = |c: &Span| c.start <= span.start && span.end <= c.end;
        if let Some(row) = self.row_at(span.start) {
            return !row.cells.iter().any(|c| within(&c.span));
        }
        // A line of cells outside the tables (a header with no numbers under it).
        let k = self
            .text_rows
            .partition_point(|r| r.span.start <= span.start);
        k.checked_sub(1)
            .map(|k| &self.text_rows[k])
            .is_some_and(|r| span.start < r.span.end && !r.cells.iter().any(within))
    }

    /// The text to show the reader: the original when lints see a masked copy.
    pub fn display_text(&self) -> &str {
        self.original.as_deref().unwrap_or(&self.text)
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// Paragraph-relative span of `p` mapped to the document.
    pub fn span_in(&self, paragraph: usize, local: Span) -> Span {
        self.paragraphs[paragraph].doc_span(local)
    }
}

/// Which lines are table rows, indexed by line.
fn table_row_lines(tables: &[Table], line_count: usize) -> Vec<bool> {
    let mut rows = vec![false; if tables.is_empty() { 0 } else { line_count }];
    for t in tables {
        for r in &t.rows {
            if let Some(x) = rows.get_mut(r.line) {
                *x = true;
            }
        }
        // A Markdown separator line sits between the header and the body.
        if let (Some(a), Some(b)) = (t.rows.first(), t.rows.last()) {
            for x in rows.iter_mut().take(b.line + 1).skip(a.line) {
                *x = true;
            }
        }
    }
    rows
}

/// A table row's paragraph has its cells as sentences, so no label or clause
/// reaches from one cell into the next.
fn cells_as_sentences(paragraphs: &mut [Paragraph], tables: &[Table], row_lines: &[bool]) {
    if tables.is_empty() {
        return;
    }
    let rows: Vec<&tables::Row> = tables.iter().flat_map(|t| &t.rows).collect();
    for p in paragraphs.iter_mut() {
        if !row_lines.get(p.first_line).copied().unwrap_or(false) {
            continue;
        }
        // A line may hold several rows (a table flattened into one line) after
        // text of its own, whose sentences stay.
        let from = rows.partition_point(|r| r.line < p.first_line);
        let to = rows.partition_point(|r| r.line <= p.first_line);
        let Some(first) = rows.get(from).filter(|_| from < to) else {
            continue;
        };
        let start = p.span.start;
        let end = start + p.text.len();
        let before = first.span.start.saturating_sub(start);
        let mut sentences: Vec<Span> = p
            .sentences
            .iter()
            .copied()
            .filter(|s| s.end <= before)
            .collect();
        sentences.extend(
            rows[from..to]
                .iter()
                .flat_map(|r| &r.cells)
                .filter(|c| !c.span.is_empty() && c.span.start >= start && c.span.end <= end)
                .map(|c| Span::new(c.span.start - start, c.span.end - start)),
        );
        p.sentences = sentences;
    }
}

fn collect_markers(paragraphs: &[Paragraph], row_lines: &[bool]) -> Vec<Marker> {
    let mut out: Vec<Marker> = Vec::new();
    // The last Arabic list item, which a tentative `20.2026年…` item must continue.
    let mut last_arabic: Option<(u32, Variant)> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        // 一、 in a table's first column names a group of rows, not a section.
        if row_lines.get(p.first_line).copied().unwrap_or(false) {
            continue;
        }
        let heading_only = p.text.chars().count() <= 40
            && !p.text.trim_end().ends_with(paragraphs::is_sentence_end)
            && p.sentences.len() <= 1;
        let block = markers::parse_block(&p.text).or_else(|| {
            let t = markers::parse_tentative(&p.text)?;
            let (value, variant) = last_arabic?;
            (value + 1 == t.2 && variant == t.1).then_some(t)
        });
        // 第三章规定… in running text cites a chapter; only a heading line numbers one.
        let block = block.filter(|(f, ..)| !matches!(f, Family::Chapter(_)) || heading_only);
        if let Some((family, variant, value, len)) = block {
            if family == Family::Arabic {
                last_arabic = Some((value, variant));
            }
            let title_local = title_span(&p.text, len);
            out.push(Marker {
                family,
                variant,
                value,
                span: p.doc_span(Span::new(0, len)),
                paragraph: pi,
                block: true,
                title: p.text[title_local.start..title_local.end].to_owned(),
                title_span: p.doc_span(title_local),
                heading_only,
            });
        }
        for (family, value, start, len) in markers::inline(&p.text) {
            let title_local = title_span(&p.text, start + len);
            out.push(Marker {
                family,
                variant: Variant::Plain,
                value,
                span: p.doc_span(Span::new(start, start + len)),
                paragraph: pi,
                block: false,
                title: p.text[title_local.start..title_local.end].to_owned(),
                title_span: p.doc_span(title_local),
                heading_only: false,
            });
        }
    }
    out
}

/// Quantities of every paragraph; numbers inside numbering markers are skipped.
fn collect_quantities(text: &str, paragraphs: &[Paragraph], markers: &[Marker]) -> Vec<Quantity> {
    // Markers are in paragraph order: each paragraph finds its run by binary search.
    let of_paragraph = |(pi, p): (usize, &Paragraph)| {
        let from = markers.partition_point(|k| k.paragraph < pi);
        let blocked: Vec<Span> = markers[from..]
            .iter()
            .take_while(|k| k.paragraph == pi)
            .filter(|k| k.span.start >= p.span.start)
            .map(|k| Span::new(local_offset(p, k.span.start), local_offset(p, k.span.end)))
            .collect();
        quantities::extract(text, p, pi, &blocked)
    };
    if text.len() >= PARALLEL_FROM && paragraphs.len() > 1 {
        use rayon::prelude::*;
        // In batches, so that only one batch's per-paragraph vectors are alive
        // next to the result (all of them at once held a second copy).
        const BATCH: usize = 512;
        concat(paragraphs.chunks(BATCH).enumerate().flat_map(|(b, batch)| {
            batch
                .par_iter()
                .enumerate()
                .map(|(i, p)| of_paragraph((b * BATCH + i, p)))
                .collect::<Vec<_>>()
        }))
    } else {
        concat(paragraphs.iter().enumerate().map(of_paragraph))
    }
}

/// The paragraphs' quantities in one vector, without a copy of the first: one
/// huge paragraph's quantities are not held twice.
fn concat(parts: impl IntoIterator<Item = Vec<Quantity>>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    for part in parts {
        if out.is_empty() {
            out = part;
        } else {
            out.extend(part);
        }
    }
    // Kept for the whole run: give back the growth slack (up to half).
    out.shrink_to_fit();
    out
}

/// Paragraph-local offset of a document offset inside the paragraph.
fn local_offset(p: &Paragraph, doc: usize) -> usize {
    let (mut lo, mut hi) = (0, p.text.len());
    // doc_offset is monotone in the local offset: binary search.
    while lo < hi {
        let mid = (lo + hi) / 2;
        if p.doc_offset(mid) < doc {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The words after a marker, up to the first clause punctuation.
fn title_span(text: &str, from: usize) -> Span {
    let rest = &text[from..];
    let lead = rest.len() - rest.trim_start_matches(paragraphs::is_blank).len();
    let start = from + lead;
    let end = text[start..]
        .find(['，', '。', '；', '：', ',', ';', '！', '？'])
        .map_or(text.len(), |i| start + i);
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<Event> {
        Document::parse("t.txt", text.to_owned()).outline.events
    }

    #[test]
    fn duplicate_and_gap_at_one_level() {
        let doc = "一、甲\n正文。\n二、乙\n正文。\n二、丙\n正文。\n四、丁\n";
        let ev = events(doc);
        assert!(matches!(ev[0], Event::Duplicate { .. }), "{ev:?}");
        assert!(matches!(ev[1], Event::Gap { expected: 3, .. }), "{ev:?}");
        assert_eq!(ev.len(), 2);
    }

    #[test]
    fn lower_levels_restart_when_the_parent_advances() {
        let doc = "一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n1.孙\n2.孙\n（二）子\n1.孙\n";
        assert_eq!(events(doc), vec![]);
    }

    #[test]
    fn nested_list_in_the_parent_style_is_a_style_event() {
        let doc = "三、民生\n1.甲项。\n2.乙项。\n3.丙项。\n4.实施筛查情况。\n1.两癌检查。\n2.产前筛查。\n3.新生儿筛查。\n5.发热门诊。\n6.互联网医院。\n";
        let ev = events(doc);
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert!(matches!(ev[0], Event::NestedSameStyle { .. }));
    }

    #[test]
    fn inline_enumerations_are_checked_too() {
        let ev = events("常态化开展监测。一是排查。二是消毒。二是检测。\n");
        assert!(matches!(ev[..], [Event::Duplicate { .. }]), "{ev:?}");
    }

    #[test]
    fn chapters_cited_in_running_text_are_not_headings() {
        let doc = "第一章 总则\n正文。\n第三章规定的事项，按有关办法执行。\n第二章 职责\n";
        assert_eq!(events(doc), vec![]);
    }

    #[test]
    fn continuous_numbering_across_sections_is_not_a_gap() {
        let doc = "一、甲\n1.子\n2.子\n二、乙\n3.子\n4.子\n";
        assert_eq!(events(doc), vec![]);
    }

    #[test]
    fn toc_is_found_before_the_body() {
        let doc = "一、工作完成情况\n(一)加强党建引领\n(二)全面加强疫情防控\n二、存在问题\n市卫健委工作总结\n现将工作报告如下:\n一、工作完成情况\n(一)加强党建引领,强化建设。\n";
        let d = Document::parse("t.txt", doc.to_owned());
        let toc = d.outline.toc.expect("toc");
        assert_eq!(toc.entries, 0..4);
        assert_eq!(toc.body_start, 4);
    }
}
