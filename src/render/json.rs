//! `--format json`: `{"version": 1, "findings": [...], "summary": {...}}`.

use super::{Problem, Reported};
use serde::Serialize;

#[derive(Debug, Default, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Inputs that were not checked (listed under `problems`).
    pub unchecked: usize,
}

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: &'a [Reported],
    /// Inputs that were not checked, and why.
    problems: &'a [Problem],
    summary: Summary,
}

pub fn render(findings: &[Reported], summary: Summary) -> String {
    render_with_problems(findings, summary, &[])
}

pub fn render_with_problems(
    findings: &[Reported],
    summary: Summary,
    problems: &[Problem],
) -> String {
    let out = Output {
        version: 1,
        findings,
        problems,
        summary,
    };
    let mut s =
        serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
