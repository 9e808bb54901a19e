//! Splitting a report's text at every span boundary and every line break, so that
//! nested, overlapping and identical spans each keep their own highlight, and a
//! span crossing a line break is drawn on every line it touches.

use crate::span::Span;
use std::collections::BTreeSet;

/// One line of the text: `start..content_end` without its terminator, and the
/// pieces it is drawn from.
#[derive(Debug, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub content_end: usize,
    pub segments: Vec<Segment>,
}

/// A run of text `start..end` covered by the same spans. A segment with
/// `start == end` is a point: a span with no text of its own on this line (empty,
/// or only a line break), drawn as a caret so it still has a highlight.
#[derive(Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// Indices into the spans given to [`split`], outermost first.
    pub covering: Vec<usize>,
}

/// Line ranges `(start, content_end, next_start)`; lines end at `\n`, `\r\n` or
/// a lone `\r`, as the document's line index counts them.
fn line_ranges(text: &str) -> Vec<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                out.push((start, i, i + 2));
                i += 2;
                start = i;
            }
            b'\r' | b'\n' => {
                out.push((start, i, i + 1));
                i += 1;
                start = i;
            }
            _ => i += 1,
        }
    }
    out.push((start, bytes.len(), bytes.len()));
    out
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Split `text` into lines of segments. Spans out of range or off a character
/// boundary are clamped, never trusted.
pub fn split(text: &str, spans: &[Span]) -> Vec<Line> {
    let lines = line_ranges(text);
    let spans: Vec<Span> = spans
        .iter()
        .map(|s| {
            let start = floor_boundary(text, s.start);
            Span::new(start, floor_boundary(text, s.end).max(start))
        })
        .collect();
    // Nesting order: earlier start first, then the longer span outside.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].start, std::cmp::Reverse(spans[i].end), i));
    let mut rank = vec![0; spans.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }

    let mut bounds: Vec<usize> = Vec::with_capacity(spans.len() * 2 + lines.len() * 2);
    for s in &spans {
        bounds.push(s.start);
        bounds.push(s.end);
    }
    for &(start, content_end, _) in &lines {
        bounds.push(start);
        bounds.push(content_end);
    }
    bounds.sort_unstable();
    bounds.dedup();

    let mut starts: Vec<usize> = (0..spans.len()).filter(|&i| !spans[i].is_empty()).collect();
    starts.sort_by_key(|&i| spans[i].start);
    let mut ends = starts.clone();
    ends.sort_by_key(|&i| spans[i].end);
    let (mut next_start, mut next_end) = (0, 0);
    let mut active: BTreeSet<usize> = BTreeSet::new();
    let mut seen = vec![false; spans.len()];

    let mut out: Vec<Line> = lines
        .iter()
        .map(|&(start, content_end, _)| Line {
            start,
            content_end,
            segments: Vec::new(),
        })
        .collect();
    let mut line = 0;
    for pair in bounds.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        while next_end < ends.len() && spans[ends[next_end]].end <= a {
            active.remove(&rank[ends[next_end]]);
            next_end += 1;
        }
        while next_start < starts.len() && spans[starts[next_start]].start <= a {
            let i = starts[next_start];
            if spans[i].end > a {
                active.insert(rank[i]);
            }
            next_start += 1;
        }
        while line + 1 < lines.len() && lines[line + 1].0 <= a {
            line += 1;
        }
        if a >= lines[line].1 {
            continue; // the line terminator: drawn by the line break itself
        }
        let covering: Vec<usize> = active.iter().map(|&r| order[r]).collect();
        for &i in &covering {
            seen[i] = true;
        }
        out[line].segments.push(Segment {
            start: a,
            end: b,
            covering,
        });
    }

    // Spans with no text of their own become points where they start.
    for i in 0..spans.len() {
        if seen[i] {
            continue;
        }
        let at = spans[i].start;
        let l = lines
            .partition_point(|&(start, _, _)| start <= at)
            .saturating_sub(1);
        let at = at.min(lines[l].1);
        let segments = &mut out[l].segments;
        let pos = segments.partition_point(|s| s.start < at || (s.start == at && s.end == at));
        segments.insert(
            pos,
            Segment {
                start: at,
                end: at,
                covering: vec![i],
            },
        );
    }
    // A final line break does not open one more, empty line.
    if out.len() > 1
        && out
            .last()
            .is_some_and(|l| l.start == text.len() && l.segments.is_empty())
    {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each segment as `text[covering]`, lines separated by `|`.
    fn show(text: &str, spans: &[(usize, usize)]) -> String {
        let spans: Vec<Span> = spans.iter().map(|&(a, b)| Span::new(a, b)).collect();
        split(text, &spans)
            .iter()
            .map(|l| {
                l.segments
                    .iter()
                    .map(|s| format!("{}{:?}", &text[s.start..s.end], s.covering))
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn plain_text_is_one_segment_per_line() {
        assert_eq!(show("ab\ncd", &[]), "ab[]|cd[]");
        assert_eq!(show("", &[]), "");
        assert_eq!(show("a\r\nb\rc\n", &[]), "a[]|b[]|c[]");
        assert_eq!(show("a\n\n", &[]), "a[]|");
        assert_eq!(show("a\n", &[(2, 2)]), "a[]|[0]");
    }

    #[test]
    fn a_span_inside_another_is_nested_outermost_first() {
        // 0..6 contains 2..4
        assert_eq!(show("abcdef", &[(2, 4), (0, 6)]), "ab[1]cd[1, 0]ef[1]");
    }

    #[test]
    fn identical_spans_both_cover_the_text() {
        assert_eq!(show("abcd", &[(1, 3), (1, 3)]), "a[]bc[0, 1]d[]");
    }

    #[test]
    fn crossing_spans_split_into_three() {
        assert_eq!(show("abcdef", &[(0, 4), (2, 6)]), "ab[0]cd[0, 1]ef[1]");
    }

    #[test]
    fn a_span_across_a_line_break_is_drawn_on_both_lines() {
        assert_eq!(show("ab\ncd", &[(1, 4)]), "a[]b[0]|c[0]d[]");
    }

    #[test]
    fn empty_and_line_break_only_spans_become_points() {
        assert_eq!(show("ab\ncd", &[(1, 1)]), "a[][0]b[]|cd[]");
        assert_eq!(show("ab\ncd", &[(2, 3)]), "ab[][0]|cd[]");
        assert_eq!(show("", &[(0, 0)]), "[0]");
    }

    #[test]
    fn spans_off_char_boundaries_or_out_of_range_are_clamped() {
        // "数" is 3 bytes: 1 and 4 are inside characters.
        assert_eq!(show("数字", &[(1, 4)]), "数[0]字[]");
        assert_eq!(show("ab", &[(1, 99), (50, 60)]), "a[]b[0][1]");
    }
}
