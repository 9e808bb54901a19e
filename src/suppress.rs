//! Applying inline suppression: findings on lines a directive covers are
//! dropped, and directives that hid nothing are returned for RL002. The
//! directives themselves are read by the Document (`document::directives`).

use crate::diagnostic::Finding;
use crate::document::directives::{Directive, Scope};
use crate::document::Document;

/// The lines a directive covers, inclusive.
fn lines(d: &Directive) -> (usize, usize) {
    match d.scope {
        Scope::NextLine(l) => (l, l),
        Scope::Range(a, b) => (a, b),
    }
}

/// What a directive's code list is matched on: a code in capitals, a name as
/// written; `None` for a directive that names no lint (it hides every lint).
fn key(code: &str) -> String {
    if code.len() == 5 && code[..2].eq_ignore_ascii_case("rl") {
        code.to_ascii_uppercase()
    } else {
        code.to_owned()
    }
}

/// Drop suppressed findings; return the directives (by index) that suppressed nothing.
///
/// A finding is hidden by the first directive (in text order) that covers its
/// line and names its lint. One sweep over the lines: directives enter a set per
/// lint key when their range starts and leave it after it ends, so the cost is
/// O((findings + directives) log directives), not their product (40 000
/// suppression comments each checked against every finding).
pub fn apply(doc: &Document, directives: &[Directive], findings: &mut Vec<Finding>) -> Vec<usize> {
    use std::collections::{BTreeSet, HashMap};
    if directives.is_empty() {
        return Vec::new();
    }
    let mut starts: Vec<(usize, usize)> = Vec::with_capacity(directives.len());
    let mut ends: Vec<(usize, usize)> = Vec::with_capacity(directives.len());
    for (i, d) in directives.iter().enumerate() {
        let (a, b) = lines(d);
        starts.push((a, i));
        ends.push((b, i));
    }
    starts.sort_unstable();
    ends.sort_unstable();
    let line_of: Vec<usize> = findings
        .iter()
        .map(|f| doc.lines.line_of(f.span.start))
        .collect();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&k| line_of[k]);
    // Active directives: those naming no lint, and those naming each key.
    let mut every: BTreeSet<usize> = BTreeSet::new();
    let mut named: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let (mut s, mut e) = (0, 0);
    let mut used = vec![false; directives.len()];
    let mut hidden = vec![false; findings.len()];
    for k in order {
        let line = line_of[k];
        while let Some(&(a, i)) = starts.get(s).filter(|(a, _)| *a <= line) {
            let _ = a;
            let d = &directives[i];
            if d.codes.is_empty() {
                every.insert(i);
            }
            for (c, _) in &d.codes {
                named.entry(key(c)).or_default().insert(i);
            }
            s += 1;
        }
        while let Some(&(_, i)) = ends.get(e).filter(|(b, _)| *b < line) {
            every.remove(&i);
            for (c, _) in &directives[i].codes {
                if let Some(set) = named.get_mut(&key(c)) {
                    set.remove(&i);
                }
            }
            e += 1;
        }
        let f = &findings[k];
        let first = |code: &str| named.get(code).and_then(|set| set.first().copied());
        let hit = [
            every.first().copied(),
            first(f.meta.code),
            first(f.meta.name),
        ]
        .into_iter()
        .flatten()
        .min();
        if let Some(i) = hit {
            used[i] = true;
            hidden[k] = true;
        }
    }
    let mut flags = hidden.into_iter();
    findings.retain(|_| !flags.next().unwrap_or(false));
    (0..directives.len()).filter(|&i| !used[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The straightforward rule: the first directive that covers the line and
    /// names the lint.
    fn naive(
        doc: &Document,
        directives: &[Directive],
        findings: &[Finding],
    ) -> (Vec<bool>, Vec<usize>) {
        let names =
            |key: &str, f: &Finding| f.meta.code.eq_ignore_ascii_case(key) || f.meta.name == key;
        let mut used = vec![false; directives.len()];
        let kept = findings
            .iter()
            .map(|f| {
                let line = doc.lines.line_of(f.span.start);
                let hit = directives.iter().position(|d| {
                    let (a, b) = lines(d);
                    (a..=b).contains(&line)
                        && (d.codes.is_empty() || d.codes.iter().any(|(c, _)| names(c, f)))
                });
                if let Some(i) = hit {
                    used[i] = true;
                }
                hit.is_none()
            })
            .collect();
        (kept, (0..directives.len()).filter(|&i| !used[i]).collect())
    }

    #[test]
    fn the_sweep_hides_what_the_first_covering_directive_hides() {
        let mut text = String::new();
        let kinds = [
            "reportlint-disable-next-line rl101",
            "reportlint-disable numbering-duplicate",
            "reportlint-enable numbering-duplicate",
            "reportlint-disable-next-line",
            "reportlint-disable RL306, RL101",
            "reportlint-enable",
            "reportlint-disable-next-line RL306",
        ];
        for i in 0..200 {
            if i % 3 == 0 {
                text.push_str(kinds[(i * 7 + i / 5) % kinds.len()]);
                text.push('\n');
            }
            text.push_str(if i % 2 == 0 {
                "一、认真布署。\n"
            } else {
                "二、甲乙。\n"
            });
        }
        let p = crate::input::prepare(std::path::Path::new("t.txt"), text.as_bytes(), None)
            .expect("text");
        let doc = Document::build("t.txt", p.decoded, p.original, None);
        let config = crate::config::Config::default_config();
        let mut all = Vec::new();
        for lint in &config.lints {
            lint.check(&doc, &mut all);
        }
        assert!(
            all.len() > 50 && doc.directives.len() > 40,
            "{} {}",
            all.len(),
            doc.directives.len()
        );
        let (kept, unused_naive) = naive(&doc, &doc.directives, &all);
        let expected: Vec<_> = all
            .iter()
            .zip(&kept)
            .filter(|(_, k)| **k)
            .map(|(f, _)| (f.meta.code, f.span))
            .collect();
        let unused = apply(&doc, &doc.directives, &mut all);
        let got: Vec<_> = all.iter().map(|f| (f.meta.code, f.span)).collect();
        assert_eq!(got, expected);
        assert_eq!(unused, unused_naive);
        assert!(expected.len() < kept.len(), "some findings were hidden");
    }
}
