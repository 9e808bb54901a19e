//! `--statistics`: how many findings each lint made, most first.

use super::Reported;
use std::collections::BTreeMap;

pub fn render(findings: &[Reported]) -> String {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for f in findings {
        *counts.entry((f.code, f.lint)).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let width = rows.first().map_or(1, |r| r.1.to_string().len());
    rows.iter()
        .map(|((code, lint), n)| format!("{n:>width$}  {code}  {lint}\n"))
        .collect()
}
