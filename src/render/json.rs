//! `--format json`: `{"version": 1, "findings": [...], "summary": {...}}`.

use super::Reported;
use serde::Serialize;

#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: &'a [Reported],
    summary: Summary,
}

pub fn render(findings: &[Reported], summary: Summary) -> String {
    let out = Output {
        version: 1,
        findings,
        summary,
    };
    let mut s =
        serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
