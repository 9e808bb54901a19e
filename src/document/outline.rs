//! The numbering outline: every marker placed at a level, and what broke the
//! expected sequence. Computed once per document; numbering lints only read it.

use super::markers::{Family, Marker};
use super::paragraphs::Paragraph;

/// Something unexpected in a numbering sequence. Indices point into `Document::markers`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The same number twice in a row at one level.
    Duplicate { marker: usize, previous: usize },
    /// A number skipped: `expected` was due. `previous` is None when a nested list
    /// does not start at one.
    Gap {
        marker: usize,
        previous: Option<usize>,
        expected: u32,
    },
    /// A number lower than the previous one (other than a restart at one).
    Order {
        marker: usize,
        previous: usize,
        expected: u32,
    },
    /// A list nested inside item `parent` reuses the parent's marker style; the outer
    /// list resumes at `resumed`. The reader cannot tell the levels apart.
    NestedSameStyle {
        first_inner: usize,
        parent: usize,
        resumed: usize,
    },
}

/// A table of contents: a run of heading lines before the body that repeats them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toc {
    /// Marker indices of the entries.
    pub entries: std::ops::Range<usize>,
    /// Marker index where the body starts (the first entry's counterpart).
    pub body_start: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub events: Vec<Event>,
    /// Stack depth at which each marker was placed (0 = top).
    pub depth: Vec<usize>,
    pub toc: Option<Toc>,
}

struct Level {
    family: Family,
    last: u32,
    last_marker: usize,
    /// Opened by an inline enumeration (一是 in running text): never a parent of a heading.
    inline: bool,
    /// A nested list that reuses the style of the level below it in the stack:
    /// (index of that outer level, first marker of the inner list).
    provisional: Option<(usize, usize)>,
}

/// Families whose first item must be one; prose enumerations (一是, 第一，) may
/// pick up a count begun in other words.
fn must_start_at_one(f: &Family) -> bool {
    !matches!(
        f,
        Family::CnShi | Family::Ordinal | Family::FirstThen | Family::Series(_)
    )
}

pub fn build(markers: &[Marker], paragraphs: &[Paragraph]) -> Outline {
    let mut out = Outline {
        depth: vec![0; markers.len()],
        ..Outline::default()
    };
    let mut stack: Vec<Level> = Vec::new();
    for (k, m) in markers.iter().enumerate() {
        if m.block {
            while stack.last().is_some_and(|l| l.inline) {
                stack.pop();
            }
        } else if is_section_heading(&m.family) {
            // Prose enumerations (一是, 第一，) never contain a section heading: in
            // text whose line breaks were lost, （二） ends the 一是… list of （一）.
            while stack
                .last()
                .is_some_and(|l| l.inline && !must_start_at_one(&l.family))
            {
                stack.pop();
            }
        }
        let level = |k: usize, provisional| Level {
            family: m.family.clone(),
            last: m.value,
            last_marker: k,
            inline: !m.block,
            provisional,
        };
        // Running-text enumerations continue only their own count, or a count begun
        // by a heading of the same paragraph ("一是…。二是…").
        let continues = |l: &Level| {
            l.family == m.family
                && (m.block || l.inline || markers[l.last_marker].paragraph == m.paragraph)
        };
        let cands: Vec<usize> = (0..stack.len()).filter(|&i| continues(&stack[i])).collect();
        let Some(&deepest) = cands.last() else {
            if m.value != 1
                && !stack.is_empty()
                && m.block
                && must_start_at_one(&m.family)
                && !continues_earlier_list(markers, k)
            {
                out.events.push(Event::Gap {
                    marker: k,
                    previous: None,
                    expected: 1,
                });
            }
            push_level(&mut stack, &mut out, k, level(k, None));
            continue;
        };
        // A provisional inner list ends when the outer list resumes.
        if let Some((outer, first_inner)) = stack[deepest].provisional {
            if m.value != stack[deepest].last + 1 && m.value == stack[outer].last + 1 {
                out.events.push(Event::NestedSameStyle {
                    first_inner,
                    parent: stack[outer].last_marker,
                    resumed: k,
                });
                advance(&mut stack, &mut out, outer, k, m.value);
                continue;
            }
        }
        // The deepest level this number continues.
        if let Some(&i) = cands.iter().rev().find(|&&i| stack[i].last + 1 == m.value) {
            advance(&mut stack, &mut out, i, k, m.value);
            continue;
        }
        if m.value == 1 {
            if deepest + 1 < stack.len() {
                // A list inside a deeper item that reuses an outer style: a new level.
                push_level(&mut stack, &mut out, k, level(k, None));
            } else if m.block
                && stack[deepest].provisional.is_none()
                && stack[deepest].last > 1
                && stack.len() < MAX_DEPTH
            {
                // Either a new list or a list nested in the previous item; which one
                // shows only when (and if) the outer list resumes.
                out.depth[k] = stack.len();
                stack.push(level(k, Some((deepest, k))));
            } else {
                advance(&mut stack, &mut out, deepest, k, 1); // a restart
            }
            continue;
        }
        if let Some(&i) = cands.iter().rev().find(|&&i| stack[i].last == m.value) {
            out.events.push(Event::Duplicate {
                marker: k,
                previous: stack[i].last_marker,
            });
            advance(&mut stack, &mut out, i, k, m.value);
            continue;
        }
        let l = &stack[deepest];
        let (expected, previous) = (l.last + 1, l.last_marker);
        out.events.push(if m.value > expected {
            Event::Gap {
                marker: k,
                previous: Some(previous),
                expected,
            }
        } else {
            Event::Order {
                marker: k,
                previous,
                expected,
            }
        });
        advance(&mut stack, &mut out, deepest, k, m.value);
    }
    out.toc = find_toc(markers, paragraphs);
    out
}

/// Deeper than any report nests (一、（一）1.（1）① a) is six): past it a new
/// level replaces the deepest one, so text that opens list after list (a
/// pasted block repeated thousands of times) keeps every marker's work bounded.
const MAX_DEPTH: usize = 32;

fn push_level(stack: &mut Vec<Level>, out: &mut Outline, k: usize, level: Level) {
    if stack.len() >= MAX_DEPTH {
        stack.pop();
    }
    out.depth[k] = stack.len();
    stack.push(level);
}

/// Families that number sections of a report (一、 （一） 第一章), as opposed to
/// list items and prose enumerations.
fn is_section_heading(f: &Family) -> bool {
    matches!(f, Family::CnComma | Family::CnParen | Family::Chapter(_))
}

/// Some reports number items continuously across sections (1. 2. under 一、,
/// 3. 4. under 二、): a list that starts where the last one of its style stopped.
fn continues_earlier_list(markers: &[Marker], k: usize) -> bool {
    let m = &markers[k];
    markers[..k]
        .iter()
        .rev()
        .take(500)
        .find(|p| p.block && p.family == m.family)
        .is_some_and(|p| p.value + 1 == m.value)
}

/// Marker `k` with `value` is the next item at stack level `i`.
fn advance(stack: &mut Vec<Level>, out: &mut Outline, i: usize, k: usize, value: u32) {
    stack.truncate(i + 1);
    let l = &mut stack[i];
    l.last = value;
    l.last_marker = k;
    out.depth[k] = i;
}

/// Headings compare equal when their words agree, ignoring punctuation, spaces and
/// trailing page numbers; a body heading may extend its entry ("…，取得明显成效").
pub fn normalize_title(title: &str) -> String {
    let s: String = title
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation() && !is_cjk_punct(*c))
        .collect();
    s.trim_end_matches(|c: char| c.is_ascii_digit()).to_owned()
}

fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '（'
            | '）'
            | '…'
            | '—'
            | '·'
            | '．'
    )
}

fn find_toc(markers: &[Marker], paragraphs: &[Paragraph]) -> Option<Toc> {
    // The run must start near the top: within the first few paragraphs.
    let first = markers.iter().position(|m| m.block)?;
    if markers[first].paragraph > 6 {
        return None;
    }
    let mut end = first;
    while end < markers.len()
        && markers[end].block
        && markers[end].heading_only
        && (end == first || markers[end].paragraph == markers[end - 1].paragraph + 1)
    {
        end += 1;
    }
    if end - first < 3 {
        return None;
    }
    let head = &markers[first];
    let key = normalize_title(&head.title);
    let body_start = (end..markers.len()).find(|&j| {
        let m = &markers[j];
        m.block
            && m.family == head.family
            && m.value == head.value
            && normalize_title(&m.title) == key
    })?;
    // The body must come soon after the run, not pages later.
    let gap = markers[body_start].paragraph - markers[end - 1].paragraph;
    if gap > 8 || paragraphs.is_empty() {
        return None;
    }
    Some(Toc {
        entries: first..end,
        body_start,
    })
}

#[cfg(test)]
mod depth_tests {
    use super::MAX_DEPTH;
    use crate::document::Document;

    #[test]
    fn lists_opened_again_and_again_nest_no_deeper_than_any_report() {
        // Each copy opens lists that the outline keeps open as nested levels.
        let block = "一、甲\n\n一是学。二是做。二是改。\n\n（一）乙。\n（二）丙。\n（二）丁。\n\n1.戊。\n2.己。\n\n";
        let doc = Document::parse("t.txt", block.repeat(200));
        let deepest = doc.outline.depth.iter().copied().max().unwrap_or(0);
        assert!(deepest > 3, "the block nests: {deepest}");
        assert!(deepest < MAX_DEPTH && MAX_DEPTH <= 32, "{deepest}");
        // A report's own nesting is untouched: the first copy nests as it does alone.
        let one = Document::parse("t.txt", block.to_owned());
        let n = one.outline.depth.len();
        assert_eq!(doc.outline.depth[..n], one.outline.depth[..]);
    }
}
