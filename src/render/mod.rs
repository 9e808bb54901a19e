//! Rendering findings. `Reported` is the one resolved model (lines, columns,
//! snippet) that every output format is built from.

pub mod escape;
pub mod excerpt;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod rdjson;
pub mod sarif;
pub mod statistics;

use crate::diagnostic::Finding;
use crate::document::Document;
use serde::Serialize;

pub const FORMATS: &[&str] = &[
    "human", "json", "sarif", "github", "rdjson", "gitlab", "html",
];

/// An input that was not checked (unreadable, unsupported, missing, a broken
/// config): every format reports it, and it makes the exit code 2.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: &str, message: impl Into<String>) -> Problem {
        Problem {
            path: path.to_owned(),
            message: message.into(),
        }
    }
}

/// Where a lint's documentation is published, for formats that link rules.
pub fn rule_url(code: &str, name: &str) -> String {
    format!(
        "https://github.com/reportlint/reportlint/blob/main/docs/lints.md#{}-{name}",
        code.to_ascii_lowercase()
    )
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    /// Character offsets from the start of the text (SARIF regions).
    #[serde(skip)]
    pub char_start: usize,
    #[serde(skip)]
    pub char_end: usize,
    /// 1-based columns counted in UTF-8 bytes (reviewdog's convention).
    #[serde(skip)]
    pub byte_column: usize,
    #[serde(skip)]
    pub end_byte_column: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportedLabel {
    pub message: String,
    #[serde(flatten)]
    pub at: Position,
    /// Where the label is in the original file (PDF page and line, Word section or cell).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<crate::input::location::Place>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportedFix {
    pub byte_start: usize,
    pub byte_end: usize,
    pub replacement: String,
    /// Character offsets from the start of the text (SARIF's `deletedRegion`:
    /// right whatever the file's encoding, GBK and BOM included).
    #[serde(skip)]
    pub char_start: usize,
    #[serde(skip)]
    pub char_end: usize,
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
    /// Where the finding is in the original file, for inputs whose extracted
    /// lines are not the file's own (PDF page and line, Word section or cell).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<crate::input::location::Place>,
    /// Path, code, offending text and its surroundings: stable when lines move.
    #[serde(skip)]
    pub fingerprint: String,
}

const SNIPPET_CHARS: usize = 200;

pub fn position(doc: &Document, span: crate::span::Span) -> Position {
    let span = span.snap_to(doc.display_text());
    let a = doc.line_col(span.start);
    let b = doc.line_col(span.end);
    let byte_col = |line: usize, off: usize| off.saturating_sub(doc.lines.line_start(line - 1)) + 1;
    Position {
        line: a.line,
        column: a.column,
        end_line: b.line,
        end_column: b.column,
        byte_start: span.start,
        byte_end: span.end,
        char_start: doc.lines.char_offset(&doc.text, span.start),
        char_end: doc.lines.char_offset(&doc.text, span.end),
        byte_column: byte_col(a.line, span.start),
        end_byte_column: byte_col(b.line, span.end),
    }
}

/// Where `span` starts in the original file, when the input format knows it.
pub fn place(doc: &Document, span: crate::span::Span) -> Option<crate::input::location::Place> {
    doc.places.as_ref()?.place(doc.display_text(), span.start)
}

/// Up to `n` characters before and after a span, within its line.
fn context(doc: &Document, span: crate::span::Span, n: usize) -> (&str, &str) {
    let text = doc.display_text();
    let line = doc.lines.line_range(text, doc.lines.line_of(span.start));
    let before = text
        .get(line.start.min(span.start)..span.start)
        .unwrap_or("");
    let before = before
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(before, |(i, _)| &before[i..]);
    let end = span.end.min(text.len()).max(span.start);
    let after = text.get(end..line.end.max(end)).unwrap_or("");
    let after = after
        .char_indices()
        .nth(n)
        .map_or(after, |(i, _)| &after[..i]);
    (before, after)
}

/// FNV-1a over the parts: stable across builds and platforms.
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

pub fn resolve(doc: &Document, f: &Finding) -> Reported {
    let span = f.span.snap_to(doc.display_text());
    let text = &doc.display_text()[span.start..span.end];
    let (before, after) = context(doc, span, 8);
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
                location: place(doc, l.span),
            })
            .collect(),
        help: f.help.clone(),
        fix: f.fix.as_ref().map(|x| ReportedFix {
            byte_start: x.span.start,
            byte_end: x.span.end,
            replacement: x.replacement.clone(),
            char_start: doc.lines.char_offset(&doc.text, x.span.start),
            char_end: doc.lines.char_offset(&doc.text, x.span.end),
        }),
        location: place(doc, f.span),
        fingerprint: fingerprint(&[&doc.name, f.meta.code, text, before, after]),
    }
}
