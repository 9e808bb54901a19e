//! `--format gitlab`: GitLab Code Quality JSON (an array of issues).

use super::Reported;
use crate::diagnostic::Severity;
use serde_json::{json, Value};

/// The finding's fingerprint: path, code, offending text and its surroundings.
pub fn fingerprint(f: &Reported) -> String {
    f.fingerprint.clone()
}

pub fn render(findings: &[Reported]) -> String {
    let issues: Vec<Value> = findings
        .iter()
        .map(|f| {
            json!({
                "description": format!("{} {}", f.code, f.message),
                "check_name": f.lint,
                "fingerprint": fingerprint(f),
                "severity": match f.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                "location": {
                    "path": f.path.strip_prefix("./").unwrap_or(&f.path),
                    "lines": { "begin": f.at.line, "end": f.at.end_line },
                },
            })
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&issues).unwrap_or_default();
    s.push('\n');
    s
}
