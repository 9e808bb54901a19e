//! The few lines a finding is shown on, cut to a readable window.
//!
//! miette never wraps source lines and counts the header column in bytes; a
//! report paragraph is often one 500-character line. An `Excerpt` holds only the
//! lines the finding's spans touch, each cut to windows around the spans (joined
//! by `...`), and implements `SourceCode` with real line numbers and character
//! columns.
//!
//! CJK terminals draw the East Asian "ambiguous" characters (… “ ” ‘ ’ · —, ①,
//! ℃, box lines) two columns wide where miette and Western terminals count one,
//! which would push every caret after them off its character. So the excerpt
//! never shows one before a caret: the common punctuation is drawn as its
//! full-width twin (“ as 〝, · as ・, … as ⋯), which both kinds of terminal
//! agree on, and a line is cut after any other ambiguous character that stands
//! before its first span. The cut mark is ASCII `...` for the same reason.

use crate::document::Document;
use crate::span::Span;
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// Lines up to this many terminal columns are shown whole (a Han character is
/// two), on a terminal wide enough.
const WHOLE_LINE: usize = 96;
/// Columns of context kept on each side of a span in a long line.
const CONTEXT: usize = 24;
/// A span wider than this is shown by its two ends.
const LONG_SPAN: usize = 60;
/// Columns a quoted line leaves free on the right: the line number, the gutter
/// and the narrowest label column (a label is wrapped into what is left).
const RESERVED: usize = 8 + 4 + 12;

/// Where a line is cut.
const CUT: &str = "...";

/// Terminal columns of a character as the excerpt shows it (a control or bidi
/// character as its escape, `\x1b` or `\u{202e}`).
fn width(c: char) -> usize {
    if super::escape::is_unsafe(c) {
        let mut shown = String::new();
        super::escape::push_visible(&mut shown, c);
        return shown.len();
    }
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// miette's tab stops.
const TAB: usize = 4;

/// Terminal columns of a line's text as miette draws it (tabs to the next stop).
fn columns(s: &str) -> usize {
    s.chars().fold(0, |col, c| {
        col + if c == '\t' { TAB - col % TAB } else { width(c) }
    })
}

/// A character CJK terminals draw wider than miette counts it.
pub fn ambiguous(c: char) -> bool {
    use unicode_width::UnicodeWidthChar;
    c.width_cjk() != c.width()
}

/// The full-width twin a common ambiguous punctuation mark is drawn as.
fn twin(c: char) -> Option<char> {
    Some(match c {
        '“' => '〝',
        '”' => '〞',
        '‘' => '｀',
        '’' => '＇',
        '·' => '・',
        '—' => '－',
        '…' => '⋯',
        _ => return None,
    })
}

/// Limits of an excerpt for a terminal `width` columns wide.
#[derive(Clone, Copy)]
struct Limits {
    whole_line: usize,
    context: usize,
    long_span: usize,
}

impl Limits {
    fn for_width(width: usize) -> Limits {
        let whole_line = width.saturating_sub(RESERVED).clamp(24, WHOLE_LINE);
        Limits {
            whole_line,
            context: CONTEXT.min(whole_line / 4),
            long_span: LONG_SPAN.min(whole_line / 2),
        }
    }
}
/// At most this many lines in one excerpt.
const MAX_LINES: usize = 12;

struct Piece {
    virt: usize,
    doc: usize,
    len: usize,
    /// Bytes it takes in the excerpt: `len`, unless a character was drawn as its twin.
    vlen: usize,
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
        Excerpt::for_width(doc, spans, 100)
    }

    /// An excerpt whose lines fit a terminal `width` columns wide.
    pub fn for_width(doc: &'d Document, spans: &[Span], width: usize) -> Excerpt<'d> {
        let limits = Limits::for_width(width);
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
            ex.push_row(line, spans, limits);
        }
        ex.primary = spans.first().map(|&s| ex.map(s));
        ex
    }

    fn push_row(&mut self, line: usize, spans: &[Span], limits: Limits) {
        let doc = self.doc;
        let text = doc.display_text();
        let range = doc.lines.line_range(text, line);
        let s = &text[range.clone()];
        let narrow = s.len() <= limits.whole_line * 2 && columns(s) <= limits.whole_line;
        let mut windows = if narrow {
            vec![(range.start, range.end)]
        } else {
            fitting_windows(text, range.clone(), spans, limits)
        };
        // Cut after the last ambiguous character without a twin before the first span.
        let first_span = spans
            .iter()
            .filter(|s| s.end >= range.start && s.start <= range.end)
            .map(|s| s.start.max(range.start))
            .min();
        if let (Some(first), Some(w)) = (first_span, windows.first_mut()) {
            let before = text.get(w.0..first.min(w.1)).unwrap_or("");
            if let Some((i, c)) = before
                .char_indices()
                .rev()
                .find(|&(_, c)| ambiguous(c) && twin(c).is_none())
            {
                w.0 += i + c.len_utf8();
            }
        }
        // Spans too far apart for one row: the line is shown again for the rest.
        let mut group: Vec<(usize, usize)> = Vec::new();
        let mut cols = 0;
        for w in windows {
            let w_cols = columns(&text[w.0..w.1]) + CUT.len();
            if !group.is_empty() && cols + w_cols > limits.whole_line {
                self.push_windows(line, range.clone(), &std::mem::take(&mut group));
                cols = 0;
            }
            group.push(w);
            cols += w_cols;
        }
        self.push_windows(line, range, &group);
    }

    /// One row: the windows of a line, joined and ended by cut marks.
    fn push_windows(
        &mut self,
        line: usize,
        range: std::ops::Range<usize>,
        windows: &[(usize, usize)],
    ) {
        let text = self.doc.display_text();
        let virt_start = self.text.len();
        let mut pieces = Vec::new();
        for (i, &(a, b)) in windows.iter().enumerate() {
            if i == 0 && a > range.start || i > 0 {
                self.text.push_str(CUT);
            }
            self.push_text(&mut pieces, a, &text[a..b]);
        }
        if windows.last().is_some_and(|&(_, b)| b < range.end) {
            self.text.push_str(CUT);
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

    /// Copy document text at `doc` into the excerpt: each ambiguous mark with a
    /// twin drawn as it (a piece of its own, since the two differ in length);
    /// each terminal control or bidi character as its visible escape, outside
    /// every piece (a span over it covers the escape).
    fn push_text(&mut self, pieces: &mut Vec<Piece>, doc: usize, s: &str) {
        let mut run = 0;
        for (i, c) in s.char_indices() {
            let unsafe_char = super::escape::is_unsafe(c);
            let twin = twin(c);
            if !unsafe_char && twin.is_none() {
                continue;
            }
            if i > run {
                pieces.push(Piece {
                    virt: self.text.len(),
                    doc: doc + run,
                    len: i - run,
                    vlen: i - run,
                });
                self.text.push_str(&s[run..i]);
            }
            if let Some(t) = twin {
                pieces.push(Piece {
                    virt: self.text.len(),
                    doc: doc + i,
                    len: c.len_utf8(),
                    vlen: t.len_utf8(),
                });
                self.text.push(t);
            } else {
                super::escape::push_visible(&mut self.text, c);
            }
            run = i + c.len_utf8();
        }
        if run < s.len() || s.is_empty() {
            pieces.push(Piece {
                virt: self.text.len(),
                doc: doc + run,
                len: s.len() - run,
                vlen: s.len() - run,
            });
            self.text.push_str(&s[run..]);
        }
    }

    /// A document span in excerpt coordinates (clamped into the shown text).
    pub fn map(&self, span: Span) -> SourceSpan {
        let span = span.snap_to(self.doc.display_text());
        let a = self.map_offset(span.start, false);
        let mut b = self.map_offset(span.end, true).max(a);
        // A line too wide for the terminal is split into rows, which miette
        // would number as consecutive lines. Each row of it is therefore a
        // snippet of its own, and a span is kept within the row it starts in
        // rather than run into the next row of the same line.
        let (first, last) = (self.row_of(a), self.row_of(b.saturating_sub(1).max(a)));
        if let Some(k) = (first..last).find(|&k| self.rows[k].line == self.rows[k + 1].line) {
            let r = &self.rows[k];
            b = r
                .pieces
                .last()
                .map_or(r.virt_end, |p| p.virt + p.vlen)
                .max(a);
        }
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
                    r.pieces[i - 1].virt + r.pieces[i - 1].vlen
                } else {
                    p.virt
                };
            }
            if off == p.doc + p.len {
                return p.virt + p.vlen;
            }
            if off < p.doc + p.len {
                return p.virt + (off - p.doc).min(p.vlen);
            }
        }
        r.pieces
            .last()
            .map_or(r.virt_start, |p| p.virt + p.vlen)
            .min(r.virt_end)
    }

    /// The document offset shown at an excerpt offset.
    fn unmap(&self, virt: usize) -> usize {
        for r in &self.rows {
            for p in &r.pieces {
                if virt == p.virt + p.vlen {
                    return p.doc + p.len;
                }
                if virt >= p.virt && virt < p.virt + p.vlen {
                    return p.doc + (virt - p.virt).min(p.len);
                }
            }
        }
        0
    }

    /// Terminal columns from the start of `row`'s text to excerpt offset `virt`.
    fn column(&self, row: &Row, virt: usize) -> usize {
        let end = virt.clamp(row.virt_start, row.virt_end);
        columns(self.text.get(row.virt_start..end).unwrap_or(""))
    }

    /// Whether an excerpt span runs over more than one row.
    fn multi_row(&self, span: SourceSpan) -> bool {
        let end = (span.offset() + span.len())
            .saturating_sub(1)
            .max(span.offset());
        self.row_of(span.offset()) != self.row_of(end)
    }

    /// Columns left for the text of the label under `span`, on a terminal
    /// `width` wide, where miette draws it: after the line-number column, the
    /// gutter of the snippet's multi-line spans (`all`), the label's own
    /// connector under the middle of its span, and `╰── `.
    pub fn label_room(&self, span: SourceSpan, all: &[SourceSpan], width: usize) -> usize {
        let last_line = self.rows.last().map_or(1, |r| r.line + 1);
        let linum = last_line.to_string().len();
        let multi = all.iter().filter(|s| self.multi_row(**s)).count();
        let gutter = if multi > 0 { multi + 3 } else { 0 };
        let connector = if self.multi_row(span) {
            0
        } else {
            let row = &self.rows[self.row_of(span.offset())];
            let start = self.column(row, span.offset());
            let end = if span.is_empty() {
                start + 1
            } else {
                self.column(row, span.offset() + span.len()).max(start + 1)
            };
            (start + end) / 2
        };
        width.saturating_sub(linum + 4 + gutter + connector + 4)
    }

    fn row_of(&self, virt: usize) -> usize {
        self.rows
            .iter()
            .rposition(|r| r.virt_start <= virt)
            .unwrap_or(0)
    }
}

/// Windows around the spans that fit the line width: spans far apart on one
/// line get less context each, down to none (the spans themselves are kept).
fn fitting_windows(
    text: &str,
    line: std::ops::Range<usize>,
    spans: &[Span],
    limits: Limits,
) -> Vec<(usize, usize)> {
    let mut context = limits.context;
    loop {
        let wins = windows(text, line.clone(), spans, Limits { context, ..limits });
        let cols: usize = wins
            .iter()
            .map(|&(a, b)| columns(&text[a..b]) + 2 * CUT.len())
            .sum();
        if cols <= limits.whole_line || context == 0 {
            return wins;
        }
        context = context * 2 / 3;
    }
}

/// Windows of a long line around each span, merged where they overlap.
fn windows(
    text: &str,
    line: std::ops::Range<usize>,
    spans: &[Span],
    limits: Limits,
) -> Vec<(usize, usize)> {
    let Limits {
        whole_line,
        context,
        long_span,
    } = limits;
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
        // A span that only touches the line (ends where it starts) shows nothing of it.
        let touches = a == b && s.start != s.end;
        if a > b || s.end < line.start || s.start > line.end || touches {
            continue;
        }
        let cols: usize = text[a..b].chars().take(long_span + 1).map(width).sum();
        if cols > long_span {
            // Something of the span is shown at each end, however little
            // context the line leaves room for.
            let inner = context.max(long_span / 3);
            wins.push((step(a, context, true), step(a, inner, false)));
            wins.push((step(b, inner, true), step(b, context, false)));
        } else {
            wins.push((step(a, context, true), step(b, context, false)));
        }
    }
    if wins.is_empty() {
        wins.push((line.start, step(line.start, whole_line, false)));
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
        // miette numbers the rows of a snippet in sequence: rows that repeat a
        // line (one too wide, split) are never one snippet. miette then draws
        // the labels of each row under a snippet of its own, each numbered
        // with the line's own number.
        if self.rows[first..=last]
            .windows(2)
            .any(|w| w[0].line == w[1].line)
        {
            return Err(MietteError::OutOfBounds);
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

/// The narrowest a wrapped label gets, in columns (three Han characters).
const MIN_LABEL: usize = 6;

/// A label's text broken into lines of at most `room` terminal columns
/// (counting ambiguous characters as two, as CJK terminals draw them), at a
/// space where a line has one, else between any two characters.
pub fn wrap_label(text: &str, room: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let room = room.max(MIN_LABEL);
    let mut out = String::with_capacity(text.len() + 8);
    let mut line = String::new();
    let mut cols = 0;
    for c in text.chars() {
        let w = c.width_cjk().unwrap_or(0);
        if cols + w > room && !line.is_empty() {
            // Prefer the last space of the line, when it leaves something on it.
            match line.rfind(' ').filter(|&i| i > 0) {
                Some(i) => {
                    let rest = line[i + 1..].to_owned();
                    out.push_str(line[..i].trim_end());
                    line = rest;
                }
                None => out.push_str(&std::mem::take(&mut line)),
            }
            out.push('\n');
            cols = line.chars().map(|c| c.width_cjk().unwrap_or(0)).sum();
        }
        line.push(c);
        cols += w;
    }
    out.push_str(&line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn labels_wrap_to_the_room_they_have() {
        let label = "应为「七、」，其后各项依次顺延，并核对目录";
        let wrapped = wrap_label(label, 12);
        assert!(wrapped.lines().all(|l| l.width_cjk() <= 12), "{wrapped}");
        assert_eq!(wrapped.replace('\n', ""), label);
        let words = wrap_label("the total of the rows above", 10);
        assert!(words.lines().all(|l| l.width() <= 10), "{words}");
        assert_eq!(wrap_label("短", 40), "短");
    }

    #[test]
    fn a_span_never_runs_into_another_row_of_its_line() {
        // Three labels far apart on one long line, and one running from the
        // middle of it into the next line: too wide for a narrow terminal.
        let (a, b, c) = ("甲乙丙丁戊己", "子丑寅卯辰巳", "金木水火土日");
        let filler = "这是一段很长的正文用来把标签彼此隔开".repeat(2);
        let text = format!("{a}{filler}{b}{filler}{c}\n第二行的开头在这里\n");
        let at = |s: &str| text.find(s).expect("in the text");
        let span = |s: &str| Span {
            start: at(s),
            end: at(s) + s.len(),
        };
        let across = Span {
            start: at(b),
            end: at("开头"),
        };
        let doc = Document::parse("t.txt", text.clone());
        let spans = [span(a), span(b), span(c), across];
        for width in [40, 60, 80, 100, 140] {
            let ex = Excerpt::for_width(&doc, &spans, width);
            for s in spans {
                let mapped = ex.map(s);
                assert!(
                    ex.read_span(&mapped, 0, 0).is_ok(),
                    "{s:?} at {width}:\n{}",
                    ex.text
                );
            }
        }
        let narrow = Excerpt::for_width(&doc, &spans, 60);
        assert!(
            narrow.rows.len() > 2,
            "the first line is split:\n{}",
            narrow.text
        );
        // The label across lines keeps its start.
        let mapped = narrow.map(across);
        assert!(
            narrow.text[mapped.offset()..].starts_with(b),
            "{}",
            narrow.text
        );
    }

    #[test]
    fn a_long_span_shows_its_ends_on_a_narrow_terminal() {
        let long = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉";
        let filler = "这是一段很长的正文用来把标签彼此隔开".repeat(3);
        let text = format!("{filler}{long}{filler}{long}{filler}\n");
        let first = text.find(long).expect("in the text");
        let second = text.rfind(long).expect("in the text");
        let doc = Document::parse("t.txt", text.clone());
        let spans = [
            Span {
                start: first,
                end: first + long.len(),
            },
            Span {
                start: second,
                end: second + long.len(),
            },
        ];
        let ex = Excerpt::for_width(&doc, &spans, 60);
        for s in spans {
            let mapped = ex.map(s);
            let shown = &ex.text[mapped.offset()..mapped.offset() + mapped.len()];
            assert!(shown.starts_with("甲乙丙"), "「{shown}」 in\n{}", ex.text);
            assert!(shown.ends_with("未申酉"), "「{shown}」 in\n{}", ex.text);
        }
    }

    #[test]
    fn ambiguous_marks_have_unambiguous_twins() {
        for c in ['“', '”', '‘', '’', '·', '—', '…'] {
            assert!(ambiguous(c), "{c}");
            let t = twin(c).expect("a twin");
            assert!(!ambiguous(t), "{t} is drawn alike everywhere");
        }
        assert!(!ambiguous('，') && !ambiguous('a') && ambiguous('①'));
        assert!(!CUT.chars().any(ambiguous));
    }
}
