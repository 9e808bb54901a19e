//! Rendering findings. `Reported` is the one resolved model (lines, columns,
//! snippet) that every output format is built from.

pub mod excerpt;
pub mod human;
pub mod json;

use crate::diagnostic::Finding;
use crate::document::Document;
use serde::Serialize;

pub const FORMATS: &[&str] = &["human", "json"];

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportedLabel {
    pub message: String,
    #[serde(flatten)]
    pub at: Position,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportedFix {
    pub byte_start: usize,
    pub byte_end: usize,
    pub replacement: String,
}

/// A finding with its positions resolved: the JSON shape of one finding.
#[derive(Debug, Clone, Serialize)]
pub struct Reported {
    pub path: String,
    pub code: &'static str,
    pub lint: &'static str,
    pub severity: crate::diagnostic::Severity,
    pub message: String,
    #[serde(flatten)]
    pub at: Position,
    pub snippet: String,
    pub labels: Vec<ReportedLabel>,
    pub help: Option<String>,
    pub fix: Option<ReportedFix>,
}

const SNIPPET_CHARS: usize = 200;

pub fn position(doc: &Document, span: crate::span::Span) -> Position {
    let a = doc.line_col(span.start);
    let b = doc.line_col(span.end);
    Position {
        line: a.line,
        column: a.column,
        end_line: b.line,
        end_column: b.column,
        byte_start: span.start,
        byte_end: span.end,
    }
}

pub fn resolve(doc: &Document, f: &Finding) -> Reported {
    let text = doc.slice(f.span);
    let snippet = match text.char_indices().nth(SNIPPET_CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    };
    Reported {
        path: doc.name.clone(),
        code: f.meta.code,
        lint: f.meta.name,
        severity: f.severity,
        message: f.message.clone(),
        at: position(doc, f.span),
        snippet,
        labels: f
            .labels
            .iter()
            .map(|l| ReportedLabel {
                message: l.message.clone(),
                at: position(doc, l.span),
            })
            .collect(),
        help: f.help.clone(),
        fix: f.fix.as_ref().map(|x| ReportedFix {
            byte_start: x.span.start,
            byte_end: x.span.end,
            replacement: x.replacement.clone(),
        }),
    }
}
