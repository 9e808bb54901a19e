//! Applying inline suppression: findings on lines a directive covers are
//! dropped, and directives that hid nothing are returned for RL002. The
//! directives themselves are read by the Document (`document::directives`).

use crate::diagnostic::Finding;
use crate::document::directives::{Directive, Scope};
use crate::document::Document;

/// Whether a directive hides a finding that starts on `line` (0-based).
fn covers(d: &Directive, line: usize, f: &Finding) -> bool {
    let in_scope = match d.scope {
        Scope::NextLine(l) => l == line,
        Scope::Range(a, b) => (a..=b).contains(&line),
    };
    in_scope && (d.codes.is_empty() || d.codes.iter().any(|(c, _)| names(c, f)))
}

fn names(key: &str, f: &Finding) -> bool {
    f.meta.code.eq_ignore_ascii_case(key) || f.meta.name == key
}

/// Drop suppressed findings; return the directives (by index) that suppressed nothing.
pub fn apply(doc: &Document, directives: &[Directive], findings: &mut Vec<Finding>) -> Vec<usize> {
    if directives.is_empty() {
        return Vec::new();
    }
    let mut used = vec![false; directives.len()];
    findings.retain(|f| {
        let line = doc.lines.line_of(f.span.start);
        let hit = directives.iter().position(|d| covers(d, line, f));
        if let Some(i) = hit {
            used[i] = true;
        }
        hit.is_none()
    });
    (0..directives.len()).filter(|&i| !used[i]).collect()
}
