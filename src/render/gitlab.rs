//! `--format gitlab`: GitLab Code Quality JSON (an array of issues).

use super::Reported;
use crate::diagnostic::Severity;
use serde_json::{json, Value};

/// A fingerprint that survives lines moving: path, code, message and the offending
/// text, not the position. FNV-1a, stable across builds and platforms.
pub fn fingerprint(f: &Reported) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [
        f.path.as_str(),
        f.code,
        f.message.as_str(),
        f.snippet.as_str(),
    ] {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
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
