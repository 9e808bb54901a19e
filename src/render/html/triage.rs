//! What the review page ranks by: findings grouped by the artefact they come
//! from, and a score per report that weighs each group by its family and
//! severity. A wrong rate or a duplicated section number is what a reviewer
//! must see first; the same mark repeated forty times is one slip, not forty.

use super::Input;
use crate::diagnostic::Severity;
use crate::lints::LintFamily;
use crate::render::Reported;
use std::collections::HashMap;

/// Findings of one lint on the same text: one repeated block or one mark
/// typed the same wrong way throughout (a single artefact, counted once).
#[derive(Debug, Clone)]
pub(super) struct Group {
    /// Indexes into the report's findings, in text order; the first leads.
    pub members: Vec<usize>,
}

/// The grouping key: the lint and its offending text.
fn key(f: &Reported) -> (&'static str, &str) {
    (f.code, f.snippet.as_str())
}

/// The report's findings grouped by artefact, groups in the order of their first member.
pub(super) fn groups(findings: &[Reported]) -> Vec<Group> {
    let mut index: HashMap<(&str, &str), usize> = HashMap::new();
    let mut out: Vec<Group> = Vec::new();
    for (k, f) in findings.iter().enumerate() {
        match index.get(&key(f)) {
            Some(&g) => out[g].members.push(k),
            None => {
                index.insert(key(f), out.len());
                out.push(Group { members: vec![k] });
            }
        }
    }
    out
}

/// How much one artefact weighs. Arithmetic, tables and numbering are what a
/// report is judged on and what a reader cannot repair; a typo is visible and
/// harmless; input notes say nothing about the report's content.
pub(super) fn weight(family: Option<LintFamily>, severity: Severity) -> f64 {
    let family = match family {
        Some(LintFamily::Arithmetic | LintFamily::Tables | LintFamily::Numbering) => 10.0,
        Some(LintFamily::Typo) => 1.0,
        Some(LintFamily::Input) | None => 0.2,
    };
    let severity = match severity {
        Severity::Error => 1.0,
        Severity::Warning => 0.4,
        Severity::Info => 0.1,
    };
    family * severity
}

/// Findings of these families are about the report's content: its numbers
/// and its outline. The others (typos, input notes) are about its surface.
fn substantive(family: Option<LintFamily>) -> bool {
    matches!(
        family,
        Some(LintFamily::Arithmetic | LintFamily::Tables | LintFamily::Numbering)
    )
}

/// The most that surface findings add up to: less than one content warning,
/// so a report with a wrong number or a duplicated section always ranks above
/// one with only typos, however many.
pub(super) const SURFACE_CAP: f64 = 3.5;

/// A report's score: each group weighs its lead's weight, growing only with
/// the logarithm of its size (17 copies of one caption weigh about five); the
/// surface findings' sum is squashed below [`SURFACE_CAP`], keeping its order.
pub(super) fn score(input: &Input<'_>, families: &HashMap<&str, LintFamily>) -> f64 {
    let (mut content, mut surface) = (0.0, 0.0);
    for g in groups(input.findings) {
        let f = &input.findings[g.members[0]];
        let family = families.get(f.code).copied();
        let w = weight(family, f.severity) * (1.0 + (g.members.len() as f64).log2());
        if substantive(family) {
            content += w;
        } else {
            surface += w;
        }
    }
    content + SURFACE_CAP * (1.0 - (-surface / SURFACE_CAP).exp())
}

/// The lints with the most findings in a report, most first (ties by code).
pub(super) fn top_lints(
    findings: &[Reported],
    n: usize,
) -> Vec<(&'static str, &'static str, usize)> {
    let mut by: HashMap<&'static str, (&'static str, usize)> = HashMap::new();
    for f in findings {
        by.entry(f.code).or_insert((f.lint, 0)).1 += 1;
    }
    let mut all: Vec<(&'static str, &'static str, usize)> = by
        .into_iter()
        .map(|(code, (lint, c))| (code, lint, c))
        .collect();
    all.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    all.truncate(n);
    all
}

/// The folder every name shares (`reports/2023/`), shown once above the table:
/// each row then shows only what tells it apart. Empty when names share none.
pub(super) fn common_prefix<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut prefix: Option<Vec<&str>> = None;
    for name in names {
        let dirs: Vec<&str> = match name.rsplit_once('/') {
            Some((dir, _)) => dir.split_inclusive('/').collect(),
            None => Vec::new(),
        };
        prefix = Some(match prefix {
            None => dirs,
            Some(p) => p
                .iter()
                .zip(&dirs)
                .take_while(|(a, b)| a.trim_end_matches('/') == b.trim_end_matches('/'))
                .map(|(a, _)| *a)
                .collect(),
        });
    }
    let mut out: String = prefix.unwrap_or_default().concat();
    if !out.is_empty() && !out.ends_with('/') {
        out.push('/');
    }
    out
}
