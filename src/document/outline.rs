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
    Gap { marker: usize, previous: Option<usize>, expected: u32 },
    /// A number lower than the previous one (other than a restart at one).
    Order { marker: usize, previous: usize, expected: u32 },
    /// A list nested inside item `parent` reuses the parent's marker style; the outer
    /// list resumes at `resumed`. The reader cannot tell the levels apart.
    NestedSameStyle { first_inner: usize, parent: usize, resumed: usize },
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
    /// A nested list that reuses the style of the level below it in the stack:
    /// (index of that outer level, first marker of the inner list).
    provisional: Option<(usize, usize)>,
}

pub fn build(markers: &[Marker], paragraphs: &[Paragraph]) -> Outline {
    let mut out = Outline { depth: vec![0; markers.len()], ..Outline::default() };
    let mut stack: Vec<Level> = Vec::new();
    for (k, m) in markers.iter().enumerate() {
        let found = stack.iter().rposition(|l| l.family == m.family);
        let Some(mut i) = found else {
            if m.value != 1 && !stack.is_empty() && m.block {
                out.events.push(Event::Gap { marker: k, previous: None, expected: 1 });
            }
            out.depth[k] = stack.len();
            stack.push(Level { family: m.family.clone(), last: m.value, last_marker: k, provisional: None });
            continue;
        };
        // A provisional inner list ends when the outer list resumes.
        if let Some((outer, first_inner)) = stack[i].provisional {
            let inner_next = stack[i].last + 1;
            if m.value != inner_next && m.value == stack[outer].last + 1 {
                out.events.push(Event::NestedSameStyle {
                    first_inner,
                    parent: stack[outer].last_marker,
                    resumed: k,
                });
                i = outer;
            }
        }
        stack.truncate(i + 1);
        let level = &mut stack[i];
        let expected = level.last + 1;
        let previous = level.last_marker;
        out.depth[k] = i;
        if m.value == expected {
            // in sequence
        } else if m.value == level.last {
            out.events.push(Event::Duplicate { marker: k, previous });
        } else if m.value == 1 {
            let deepest_block = m.block && level.provisional.is_none() && level.last > 1;
            if deepest_block {
                // Either a new list or a list nested in the previous item; which one
                // shows only when (and if) the outer list resumes.
                let provisional = Some((i, k));
                out.depth[k] = i + 1;
                stack.push(Level { family: m.family.clone(), last: 1, last_marker: k, provisional });
                continue;
            }
        } else if m.value > expected {
            out.events.push(Event::Gap { marker: k, previous: Some(previous), expected });
        } else {
            out.events.push(Event::Order { marker: k, previous, expected });
        }
        let level = &mut stack[i];
        level.last = m.value;
        level.last_marker = k;
    }
    out.toc = find_toc(markers, paragraphs);
    out
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
    matches!(c, '，' | '。' | '、' | '；' | '：' | '“' | '”' | '‘' | '’' | '《' | '》' | '（' | '）' | '…' | '—' | '·' | '．')
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
        m.block && m.family == head.family && m.value == head.value && normalize_title(&m.title) == key
    })?;
    // The body must come soon after the run, not pages later.
    let gap = markers[body_start].paragraph - markers[end - 1].paragraph;
    if gap > 8 || paragraphs.is_empty() {
        return None;
    }
    Some(Toc { entries: first..end, body_start })
}
