//! `--format rdjson`: reviewdog's diagnostic format, so merge-request bots can
//! comment on the exact line. Columns are 1-based UTF-8 byte counts, as reviewdog expects.

use super::{rule_url, Reported};
use crate::diagnostic::Severity;
use serde_json::{json, Value};

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

fn range(at: &super::Position) -> Value {
    json!({
        "start": { "line": at.line, "column": at.byte_column },
        "end": { "line": at.end_line, "column": at.end_byte_column },
    })
}

pub fn render(findings: &[Reported]) -> String {
    let diagnostics: Vec<Value> = findings
        .iter()
        .map(|f| {
            let mut d = json!({
                "message": match &f.help { Some(h) => format!("{}（{h}）", f.message), None => f.message.clone() },
                "location": { "path": f.path.strip_prefix("./").unwrap_or(&f.path), "range": range(&f.at) },
                "severity": severity(f.severity),
                "code": { "value": f.code, "url": rule_url(f.code, f.lint) },
            });
            if let Some(fix) = &f.fix {
                d["suggestions"] = json!([{ "range": range(&f.at), "text": fix.replacement }]);
            }
            d
        })
        .collect();
    let out = json!({
        "source": { "name": "reportlint", "url": "https://github.com/reportlint/reportlint" },
        "diagnostics": diagnostics,
    });
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}
