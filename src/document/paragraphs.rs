//! Logical paragraphs: blank-line separated blocks, with hard-wrapped lines
//! (newspaper columns, OCR) joined so that a word split across two lines is
//! matched whole. Every paragraph keeps a map back to document offsets.

use super::lines::LineIndex;
use crate::span::Span;
use std::ops::{Deref, Range};
use std::sync::Arc;

/// A paragraph's text: a view of the document's text when the paragraph is one
/// physical line (no copy, however long the line), its own joined copy otherwise.
/// Reads as a `str`.
#[derive(Clone)]
pub struct ParagraphText(Repr);

#[derive(Clone)]
enum Repr {
    Shared(Arc<String>, Range<usize>),
    Joined(String),
}

impl ParagraphText {
    /// A view of `doc[range]`; an out-of-range or off-boundary range reads as empty.
    fn shared(doc: &Arc<String>, range: Range<usize>) -> Self {
        let range = if doc.get(range.clone()).is_some() {
            range
        } else {
            0..0
        };
        ParagraphText(Repr::Shared(Arc::clone(doc), range))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Shared(doc, r) => doc.get(r.clone()).unwrap_or(""),
            Repr::Joined(s) => s,
        }
    }
}

impl Deref for ParagraphText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ParagraphText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for ParagraphText {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for ParagraphText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for ParagraphText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for ParagraphText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ParagraphText {}

impl PartialEq<str> for ParagraphText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ParagraphText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for ParagraphText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

/// One logical paragraph. `text` is the joined text; spans relative to it are
/// mapped back to the document with [`Paragraph::doc_span`].
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub text: ParagraphText,
    /// Document span from the first to the last character of the paragraph.
    pub span: Span,
    /// 0-based line of the first character.
    pub first_line: usize,
    /// Pieces copied from the document: (offset in `text`, offset in document).
    segments: Vec<(usize, usize)>,
    /// Sentence spans relative to `text`, split after 。！？； and their closing quotes.
    pub sentences: Vec<Span>,
}

impl Paragraph {
    /// Document offset of a paragraph-relative offset (the start of a range).
    pub fn doc_offset(&self, local: usize) -> usize {
        let i = self
            .segments
            .partition_point(|&(p, _)| p <= local)
            .saturating_sub(1);
        let (p, d) = self.segments[i];
        d + (local - p)
    }

    /// Document offset of a paragraph-relative end offset: an end that falls on a
    /// segment boundary stays on the earlier line instead of jumping to the next.
    fn doc_end(&self, local: usize) -> usize {
        let i = self
            .segments
            .partition_point(|&(p, _)| p < local)
            .saturating_sub(1);
        let (p, d) = self.segments[i];
        d + (local - p)
    }

    pub fn doc_span(&self, local: Span) -> Span {
        let start = self.doc_offset(local.start);
        let end = if local.is_empty() {
            start
        } else {
            self.doc_end(local.end)
        };
        Span::new(start, end.max(start))
    }

    /// Whether the paragraph came from more than one physical line.
    pub fn is_joined(&self) -> bool {
        self.segments.len() > 1
    }
}

/// Characters that end a sentence.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// Characters after which a line may end without continuing on the next one.
fn is_line_final(c: char) -> bool {
    is_sentence_end(c)
        || matches!(
            c,
            '：' | ':' | '”' | '’' | '」' | '』' | '…' | '）' | ')' | '】'
        )
}

/// Whitespace including the ideographic space U+3000 used for indentation.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

struct Line<'a> {
    text: &'a str,
    /// Document offset of `text` (leading whitespace already skipped).
    start: usize,
    number: usize,
}

/// Split the document into paragraphs.
///
/// `starts_item(line)` tells whether a line opens a numbered item or heading; such a
/// line always starts a new paragraph. `stands_alone(n)` marks lines (table rows)
/// that are a paragraph of their own, never joined to their neighbours.
pub fn split(
    text: &Arc<String>,
    lines: &LineIndex,
    starts_item: impl Fn(&str) -> bool,
    stands_alone: impl Fn(usize) -> bool,
) -> Vec<Paragraph> {
    let all: Vec<Option<Line>> = (0..lines.line_count())
        .map(|n| {
            let r = lines.line_range(text, n);
            let raw = text.get(r.clone()).unwrap_or("");
            let trimmed = raw.trim_start_matches(is_blank);
            let start = r.start + (raw.len() - trimmed.len());
            let trimmed = trimmed.trim_end_matches(is_blank);
            (!trimmed.is_empty()).then_some(Line {
                text: trimmed,
                start,
                number: n,
            })
        })
        .collect();
    let wrapped = is_hard_wrapped(&all, &starts_item);

    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let Some(first) = &all[i] else {
            i += 1;
            continue;
        };
        let mut builder = Builder::new(first);
        let mut last = first;
        i += 1;
        loop {
            // The next content line, and whether a single blank line separates it.
            let (next_idx, gap) = match all.get(i) {
                Some(Some(_)) => (i, false),
                Some(None) if matches!(all.get(i + 1), Some(Some(_))) => (i + 1, true),
                _ => break,
            };
            let Some(next) = &all[next_idx] else { break };
            if stands_alone(last.number) || stands_alone(next.number) {
                break;
            }
            if !continues(last.text, next.text, wrapped, gap, &starts_item) {
                break;
            }
            builder.push(next, text);
            last = next;
            i = next_idx + 1;
        }
        out.push(builder.finish(text));
    }
    // Kept for the whole run: give back the growth slack (up to half).
    out.shrink_to_fit();
    out
}

/// Whether `next` continues the paragraph whose last line is `prev`.
fn continues(
    prev: &str,
    next: &str,
    wrapped: bool,
    gap: bool,
    starts_item: &impl Fn(&str) -> bool,
) -> bool {
    let last = prev.chars().next_back().unwrap_or('。');
    if !gap && matches!(last, '（' | '(' | '《' | '“' | '【' | '「' | '‘' | '[') {
        return true; // no line ends with an opening bracket: a broken line such as "（\n三）"
    }
    if starts_item(next) {
        return false;
    }
    let mid_sentence = !is_line_final(last);
    if gap {
        // Only a hard-wrapped text breaks a sentence across a blank line.
        return wrapped && mid_sentence && !starts_item(prev);
    }
    if wrapped {
        return !starts_item(prev) || mid_sentence && prev.chars().count() > 12;
    }
    // Unwrapped text: a line cut after a comma is still mid-sentence.
    matches!(last, '，' | '、' | ',')
}

/// A text is hard-wrapped when most of its longer lines stop mid-sentence and
/// its lines are short, as in newspaper columns and OCR output.
fn is_hard_wrapped(all: &[Option<Line>], starts_item: &impl Fn(&str) -> bool) -> bool {
    let mut lens = Vec::new();
    let mut open = 0usize;
    for (k, l) in all.iter().enumerate() {
        let Some(l) = l else { continue };
        let n = l.text.chars().count();
        if n < 6 || starts_item(l.text) {
            continue;
        }
        let followed = matches!(all.get(k + 1), Some(Some(_)));
        lens.push(n);
        if followed && !is_line_final(l.text.chars().next_back().unwrap_or('。')) {
            open += 1;
        }
    }
    if lens.len() < 6 {
        return false;
    }
    lens.sort_unstable();
    let median = lens[lens.len() / 2];
    open * 2 >= lens.len() && median <= 50
}

struct Builder {
    /// The first line's document range, while the paragraph is that line alone.
    first: Range<usize>,
    /// The joined text, once a second line is added.
    joined: Option<String>,
    segments: Vec<(usize, usize)>,
    span: Span,
    first_line: usize,
}

impl Builder {
    fn new(line: &Line) -> Self {
        Builder {
            first: line.start..line.start + line.text.len(),
            joined: None,
            segments: vec![(0, line.start)],
            span: Span::new(line.start, line.start + line.text.len()),
            first_line: line.number,
        }
    }

    fn push(&mut self, line: &Line, doc: &str) {
        let first = doc.get(self.first.clone()).unwrap_or("");
        let text = self.joined.get_or_insert_with(|| first.to_owned());
        let prev_ascii = text
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        let next_ascii = line
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        if prev_ascii && next_ascii {
            // Latin words split by a line break keep a space, mapped onto the break.
            self.segments.push((text.len(), self.span.end));
            text.push(' ');
        }
        self.segments.push((text.len(), line.start));
        text.push_str(line.text);
        self.span.end = line.start + line.text.len();
    }

    fn finish(self, doc: &Arc<String>) -> Paragraph {
        let text = match self.joined {
            Some(joined) => ParagraphText(Repr::Joined(joined)),
            None => ParagraphText::shared(doc, self.first),
        };
        let sentences = split_sentences(&text);
        Paragraph {
            text,
            span: self.span,
            first_line: self.first_line,
            segments: self.segments,
            sentences,
        }
    }
}

/// Sentence spans, split after a sentence-ending mark and any closing quotes.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_sentence_end(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, q)) = iter.peek() {
                if matches!(q, '”' | '’' | '」' | '』' | ')' | '）') || is_sentence_end(q) {
                    end = j + q.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            out.push(Span::new(start, end));
            start = end;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    // Kept for the whole run: a huge paragraph gives back its growth slack.
    if out.capacity() - out.len() > 1024 {
        out.shrink_to_fit();
    }
    out
}

/// Clause spans inside a sentence (relative to `text`), split at ，、：, too.
pub fn split_clauses(text: &str, sentence: Span) -> impl Iterator<Item = Span> + '_ {
    let s = &text[sentence.start..sentence.end];
    let mut start = 0;
    let mut pieces = Vec::new();
    for (i, c) in s.char_indices() {
        if matches!(c, '，' | '、' | '：' | ',' | ':') || is_sentence_end(c) {
            let end = i + c.len_utf8();
            pieces.push(Span::new(sentence.start + start, sentence.start + end));
            start = end;
        }
    }
    if start < s.len() {
        pieces.push(Span::new(sentence.start + start, sentence.end));
    }
    pieces.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<Paragraph> {
        split(
            &Arc::new(text.to_owned()),
            &LineIndex::new(text),
            |l| l.starts_with("一、"),
            |_| false,
        )
    }

    #[test]
    fn hard_wrapped_lines_join_and_map_back() {
        let text = "新冠肺炎疫情发生以来，市卫健委\n坚决贯彻落实习近平总书记关于疫情\n防控工作系列重要讲话指示精神，快速\n响应、精准施策、科学应对，我市疫情防\n控形势持续向好并取得了阶段性胜利。我市39名医务工\n\n作者在湖北医疗力量告急的关键时刻，\n主动请缨、勇敢逆行，与湖北人民共战\n疫魔、共克时艰。\n";
        let ps = paras(text);
        assert_eq!(ps.len(), 1, "{ps:#?}");
        let p = &ps[0];
        let at = p.text.find("疫情防控形势").expect("joined word");
        let span = p.doc_span(Span::new(at, at + "疫情防控形势".len()));
        assert_eq!(&text[span.start..span.end], "疫情防\n控形势");
        let at = p
            .text
            .find("医务工作者")
            .expect("joined across the blank line");
        let span = p.doc_span(Span::new(at, at + "医务工作者".len()));
        assert!(text[span.start..span.end].starts_with("医务工"));
        assert!(text[span.start..span.end].ends_with("作者"));
    }

    #[test]
    fn unwrapped_paragraphs_stay_apart() {
        let text = "市卫健委2022年度工作总结与 2023年度工作计划\n2022年卫健委围绕市委决策部署开展工作。\n一、工作完成情况\n全年完成任务。\n";
        let ps = paras(text);
        assert_eq!(ps.len(), 4);
        assert_eq!(ps[2].text, "一、工作完成情况");
        assert_eq!(ps[1].first_line, 1);
    }

    #[test]
    fn sentences_keep_closing_quotes() {
        let s = split_sentences("他说“好。”然后走了。最后");
        assert_eq!(s.len(), 3);
        assert_eq!(s[0], Span::new(0, "他说“好。”".len()));
    }
}
