//! `--format github`: workflow commands that GitHub Actions turns into annotations:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`.

use super::{Problem, Reported};
use crate::diagnostic::Severity;

/// Escaping for the message part of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a property value (also `:` and `,`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(findings: &[Reported]) -> String {
    render_with_problems(findings, &[])
}

/// Findings, then an error annotation for every input that was not checked.
pub fn render_with_problems(findings: &[Reported], problems: &[Problem]) -> String {
    let mut out = String::new();
    for p in problems {
        out.push_str(&format!(
            "::error file={},title=reportlint: not checked::{}\n",
            property(&p.path),
            data(&p.message)
        ));
    }
    for f in findings {
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let message = match &f.help {
            Some(h) => format!("{} — {h}", f.message),
            None => f.message.clone(),
        };
        out.push_str(&format!(
            "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            property(f.path.strip_prefix("./").unwrap_or(&f.path)),
            f.at.line,
            f.at.column,
            f.at.end_line,
            f.at.end_column,
            property(&format!("{} {}", f.code, f.lint)),
            data(&message)
        ));
    }
    out
}
