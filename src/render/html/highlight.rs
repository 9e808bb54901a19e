//! A report's full text, line by line, with every finding and label highlighted
//! in place: the text is split at every span boundary (see `segments`), so nested,
//! overlapping and identical spans each keep their own highlight.

use super::segments;
use super::{escape, Input};
use crate::render::Position;
use crate::span::Span;
use std::fmt::Write;

/// What a segment's span is: a finding's own text, or one of its labels.
#[derive(Clone, Copy)]
enum Role {
    Finding(usize),
    Label(usize, usize),
}

fn span_of(at: &Position) -> Span {
    Span::new(at.byte_start, at.byte_end)
}
/// The full text, line by line, with every finding and label split into segments.
pub(super) fn text(page: &mut String, input: &Input<'_>, id: &dyn Fn(usize) -> usize) {
    let mut spans = Vec::new();
    let mut roles = Vec::new();
    for (k, f) in input.findings.iter().enumerate() {
        spans.push(span_of(&f.at));
        roles.push(Role::Finding(k));
        for (j, l) in f.labels.iter().enumerate() {
            spans.push(span_of(&l.at));
            roles.push(Role::Label(k, j));
        }
    }
    let lines = segments::split(input.text, &spans);
    // The last segment of every span: where a label's message is shown.
    let mut last = vec![(usize::MAX, usize::MAX); spans.len()];
    let mut head = vec![false; spans.len()];
    for (li, line) in lines.iter().enumerate() {
        for (si, seg) in line.segments.iter().enumerate() {
            for &m in &seg.covering {
                last[m] = (li, si);
            }
        }
    }
    for (li, line) in lines.iter().enumerate() {
        page.push_str("<div class=\"ln\">");
        for (si, seg) in line.segments.iter().enumerate() {
            let mut open = 0;
            let mut label_of = Vec::new();
            for &m in &seg.covering {
                match roles[m] {
                    Role::Finding(k) => {
                        let f = &input.findings[k];
                        let n = id(k);
                        let sev = f.severity.as_str();
                        if head[m] {
                            let _ = write!(page, "<mark class=\"hl sev-{sev}\" data-f=\"{n}\">");
                        } else {
                            head[m] = true;
                            let _ = write!(
                                page,
                                "<mark class=\"hl sev-{sev}\" data-f=\"{n}\" data-head id=\"f{n}\" \
                                 tabindex=\"0\" aria-describedby=\"m{n} h{n}\">"
                            );
                        }
                        open += 1;
                    }
                    Role::Label(k, _) => label_of.push(id(k)),
                }
            }
            let body = escape(input.text.get(seg.start..seg.end).unwrap_or(""));
            if label_of.is_empty() {
                page.push_str(&body);
            } else {
                label_of.dedup();
                let ids: Vec<String> = label_of.iter().map(usize::to_string).collect();
                let _ = write!(
                    page,
                    "<span class=\"lbl\" data-l=\"{}\">{body}</span>",
                    ids.join(" ")
                );
            }
            for _ in 0..open {
                page.push_str("</mark>");
            }
            // A label's message, shown after its text while its finding is active.
            for &m in &seg.covering {
                if let Role::Label(k, j) = roles[m] {
                    if last[m] == (li, si) {
                        let _ = write!(
                            page,
                            "<span class=\"lend\" data-l=\"{}\" data-msg=\"{}\"></span>",
                            id(k),
                            escape(&input.findings[k].labels[j].message)
                        );
                    }
                }
            }
        }
        page.push_str("</div>\n");
    }
}
