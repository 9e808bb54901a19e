//! The few lines a finding is shown on, cut to a readable window.
//!
//! miette never wraps source lines and counts the header column in bytes; a
//! report paragraph is often one 500-character line. An `Excerpt` holds only the
//! lines the finding's spans touch, each cut to windows around the spans (joined
//! by `…`), and implements `SourceCode` with real line numbers and character
//! columns.

use crate::document::Document;
use crate::span::Span;
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// Lines up to this many terminal columns are shown whole (a Han character is two).
const WHOLE_LINE: usize = 96;
/// Columns of context kept on each side of a span in a long line.
const CONTEXT: usize = 24;
/// A span wider than this is shown by its two ends.
const LONG_SPAN: usize = 60;

fn width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}
/// At most this many lines in one excerpt.
const MAX_LINES: usize = 12;

struct Piece {
    virt: usize,
    doc: usize,
    len: usize,
}

struct Row {
    /// 0-based document line.
    line: usize,
    virt_start: usize,
    virt_end: usize,
    pieces: Vec<Piece>,
}

pub struct Excerpt<'d> {
    doc: &'d Document,
    text: String,
    rows: Vec<Row>,
    /// The finding's own span in excerpt coordinates: only the snippet holding
    /// it is headed `[file:line:col]`, so the location a terminal or editor
    /// jumps to is the finding's, not that of a label above it.
    primary: Option<SourceSpan>,
}

impl<'d> Excerpt<'d> {
    /// An excerpt showing `spans` (the first is the primary one).
    pub fn new(doc: &'d Document, spans: &[Span]) -> Excerpt<'d> {
        let spans: Vec<Span> = spans
            .iter()
            .map(|s| s.snap_to(doc.display_text()))
            .collect();
        let spans = &spans[..];
        let primary_line = spans.first().map_or(0, |s| doc.lines.line_of(s.start));
        let mut lines: Vec<usize> = Vec::new();
        for s in spans {
            let a = doc.lines.line_of(s.start);
            let b = doc.lines.line_of(s.end.saturating_sub(1).max(s.start));
            lines.extend(a..=b.min(a + MAX_LINES));
        }
        lines.sort_unstable();
        lines.dedup();
        // Keep the lines nearest the primary span when there are too many.
        if lines.len() > MAX_LINES {
            lines.sort_by_key(|&l| l.abs_diff(primary_line));
            lines.truncate(MAX_LINES);
            lines.sort_unstable();
        }
        // Fill one-line gaps so that neighbouring labels share one snippet.
        let mut filled = Vec::with_capacity(lines.len());
        for &l in &lines {
            if let Some(&prev) = filled.last() {
                if l == prev + 2 {
                    filled.push(prev + 1);
                }
            }
            filled.push(l);
        }
        let mut ex = Excerpt {
            doc,
            text: String::new(),
            rows: Vec::new(),
            primary: None,
        };
        for line in filled {
            ex.push_row(line, spans);
        }
        ex.primary = spans.first().map(|&s| ex.map(s));
        ex
    }

    fn push_row(&mut self, line: usize, spans: &[Span]) {
        let doc = self.doc;
        let text = doc.display_text();
        let range = doc.lines.line_range(text, line);
        let s = &text[range.clone()];
        let narrow = s.len() <= WHOLE_LINE * 2 && s.chars().map(width).sum::<usize>() <= WHOLE_LINE;
        let windows = if narrow {
            vec![(range.start, range.end)]
        } else {
            windows(text, range.clone(), spans)
        };
        let virt_start = self.text.len();
        let mut pieces = Vec::new();
        for (i, &(a, b)) in windows.iter().enumerate() {
            if i == 0 && a > range.start || i > 0 {
                self.text.push('…');
            }
            self.push_shown(text, a, b, &mut pieces);
        }
        if windows.last().is_some_and(|&(_, b)| b < range.end) {
            self.text.push('…');
        }
        let virt_end = self.text.len();
        self.text.push('\n');
        self.rows.push(Row {
            line,
            virt_start,
            virt_end,
            pieces,
        });
    }

    /// Show `text[a..b]`: runs of ordinary characters as pieces that map back
    /// to the document, each terminal control or bidi character as its visible
    /// escape (outside every piece: a span over it covers the escape).
    fn push_shown(&mut self, text: &str, a: usize, b: usize, pieces: &mut Vec<Piece>) {
        let mut run = a;
        for (i, c) in text[a..b].char_indices() {
            if !super::escape::is_unsafe(c) {
                continue;
            }
            let at = a + i;
            if at > run {
                pieces.push(Piece {
                    virt: self.text.len(),
                    doc: run,
                    len: at - run,
                });
                self.text.push_str(&text[run..at]);
            }
            super::escape::push_visible(&mut self.text, c);
            run = at + c.len_utf8();
        }
        pieces.push(Piece {
            virt: self.text.len(),
            doc: run,
            len: b - run,
        });
        self.text.push_str(&text[run..b]);
    }

    /// A document span in excerpt coordinates (clamped into the shown text).
    pub fn map(&self, span: Span) -> SourceSpan {
        let span = span.snap_to(self.doc.display_text());
        let a = self.map_offset(span.start, false);
        let b = self.map_offset(span.end, true).max(a);
        (a, b - a).into()
    }

    fn map_offset(&self, off: usize, is_end: bool) -> usize {
        let row = self
            .rows
            .iter()
            .rposition(|r| r.pieces.first().is_some_and(|p| p.doc <= off) || r.pieces.is_empty())
            .unwrap_or(0);
        let Some(r) = self.rows.get(row) else {
            return 0;
        };
        for (i, p) in r.pieces.iter().enumerate() {
            if off < p.doc {
                // In a cut-out stretch: snap to the nearer visible edge.
                return if is_end && i > 0 {
                    r.pieces[i - 1].virt + r.pieces[i - 1].len
                } else {
                    p.virt
                };
            }
            if off <= p.doc + p.len {
                return p.virt + (off - p.doc);
            }
        }
        r.pieces
            .last()
            .map_or(r.virt_start, |p| p.virt + p.len)
            .min(r.virt_end)
    }

    /// The document offset shown at an excerpt offset.
    fn unmap(&self, virt: usize) -> usize {
        for r in &self.rows {
            for p in &r.pieces {
                if virt >= p.virt && virt <= p.virt + p.len {
                    return p.doc + (virt - p.virt);
                }
            }
        }
        0
    }

    fn row_of(&self, virt: usize) -> usize {
        self.rows
            .iter()
            .rposition(|r| r.virt_start <= virt)
            .unwrap_or(0)
    }
}

/// Windows of a long line around each span, merged where they overlap.
fn windows(text: &str, line: std::ops::Range<usize>, spans: &[Span]) -> Vec<(usize, usize)> {
    let mut wins: Vec<(usize, usize)> = Vec::new();
    // Move `cols` terminal columns back or forward from `from`, within the line.
    let step = |from: usize, cols: usize, back: bool| -> usize {
        let mut at = from;
        let mut used = 0;
        while used < cols {
            let c = if back {
                if at <= line.start {
                    break;
                }
                text[..at].chars().next_back()
            } else {
                if at >= line.end {
                    break;
                }
                text[at..].chars().next()
            };
            let Some(c) = c else { break };
            used += width(c).max(1);
            if back {
                at -= c.len_utf8();
            } else {
                at += c.len_utf8();
            }
        }
        at.clamp(line.start, line.end)
    };
    for s in spans {
        let (a, b) = (s.start.max(line.start), s.end.min(line.end));
        if a > b || s.end < line.start || s.start > line.end {
            continue;
        }
        let cols: usize = text[a..b].chars().take(LONG_SPAN + 1).map(width).sum();
        if cols > LONG_SPAN {
            wins.push((step(a, CONTEXT, true), step(a, CONTEXT, false)));
            wins.push((step(b, CONTEXT, true), step(b, CONTEXT, false)));
        } else {
            wins.push((step(a, CONTEXT, true), step(b, CONTEXT, false)));
        }
    }
    if wins.is_empty() {
        wins.push((line.start, step(line.start, WHOLE_LINE, false)));
    }
    wins.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for w in wins {
        match merged.last_mut() {
            Some(last) if w.0 <= last.1 => last.1 = last.1.max(w.1),
            _ => merged.push(w),
        }
    }
    merged
}

impl SourceCode for Excerpt<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        if self.rows.is_empty() {
            return Err(MietteError::OutOfBounds);
        }
        let start = span.offset();
        let end = start + span.len();
        let mut first = self.row_of(start);
        let mut last = self.row_of(end.saturating_sub(1).max(start));
        // Context only across rows that really are consecutive document lines.
        for _ in 0..before {
            if first > 0 && self.rows[first - 1].line + 1 == self.rows[first].line {
                first -= 1;
            }
        }
        for _ in 0..after {
            if last + 1 < self.rows.len() && self.rows[last].line + 1 == self.rows[last + 1].line {
                last += 1;
            }
        }
        let data_start = self.rows[first].virt_start;
        let data_end = (self.rows[last].virt_end + 1).min(self.text.len());
        let doc_off = self.unmap(start);
        let column = self.doc.line_col(doc_off).column - 1;
        let data = &self.text.as_bytes()[data_start..data_end];
        let span = (data_start, data_end - data_start).into();
        let line = self.rows[first].line;
        let holds_primary = self
            .primary
            .is_none_or(|p| start <= p.offset() && p.offset() <= end.max(start));
        Ok(Box::new(if holds_primary {
            MietteSpanContents::new_named(
                super::escape::name(&self.doc.name).into_owned(),
                data,
                span,
                line,
                column,
                last - first + 1,
            )
        } else {
            MietteSpanContents::new(data, span, line, column, last - first + 1)
        }))
    }
}
