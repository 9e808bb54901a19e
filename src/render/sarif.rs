//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards.

use super::{rule_url, Problem, Reported};
use crate::diagnostic::Severity;
use crate::lints;
use serde::Serialize;
use serde_json::{json, Value};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(at: &super::Position) -> Value {
    json!({
        "startLine": at.line,
        "startColumn": at.column,
        "endLine": at.end_line,
        "endColumn": at.end_column,
        "charOffset": at.char_start,
        "charLength": at.char_end - at.char_start,
    })
}

fn location(
    path: &str,
    at: &super::Position,
    message: Option<&str>,
    place: Option<&crate::input::location::Place>,
) -> Value {
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(path) },
            "region": region(at),
        }
    });
    if let Some(m) = message {
        loc["message"] = json!({ "text": m });
    }
    // The page and line (PDF) or section and cell (Word) the region is in.
    if let Some(p) = place {
        loc["properties"] = json!({ "reportlint/location": p });
    }
    loc
}

/// A relative URI reference (RFC 3986): forward slashes kept, every byte outside
/// the unreserved set percent-encoded, Chinese file names included.
fn uri(path: &str) -> String {
    // Names are `/`-separated on every platform already: a `\\` is part of a
    // Unix file name and is kept (percent-encoded), not turned into a folder.
    let p = path.strip_prefix("./").unwrap_or(path);
    let mut out = String::with_capacity(p.len());
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn render(findings: &[Reported]) -> String {
    render_with_problems(findings, &[])
}

/// The run's invocation: an inputs that was not checked is a tool execution
/// notification at level error, and the run did not succeed.
fn invocation(problems: &[Problem]) -> Value {
    let notes: Vec<Value> = problems
        .iter()
        .map(|p| {
            json!({
                "level": "error",
                "message": { "text": format!("{}: {}", p.path, p.message) },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&p.path) } } }],
            })
        })
        .collect();
    json!({
        "executionSuccessful": problems.is_empty(),
        "toolExecutionNotifications": notes,
    })
}

/// The log, serialized field by field: each result is built as a JSON value and
/// written out before the next is built, so the whole log never exists twice
/// (as values and as text) at once.
#[derive(Serialize)]
// Fields in the order serde_json's maps keep keys (sorted), as before.
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    column_kind: &'static str,
    invocations: [Value; 1],
    results: Results<'a>,
    tool: Value,
}

struct Results<'a> {
    findings: &'a [Reported],
    registry: &'a [lints::Registration],
}

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.findings.iter().map(|f| result(f, self.registry)))
    }
}

fn result(f: &Reported, registry: &[lints::Registration]) -> Value {
    let index = registry
        .iter()
        .position(|r| r.meta.code == f.code)
        .unwrap_or(0);
    let text = match &f.help {
        Some(h) => format!("{}（{h}）", f.message),
        None => f.message.clone(),
    };
    let mut result = json!({
        "ruleId": f.code,
        "ruleIndex": index,
        "level": level(f.severity),
        "message": { "text": text },
        "locations": [location(&f.path, &f.at, None, f.location.as_ref())],
        "partialFingerprints": { "reportlint/v1": super::gitlab::fingerprint(f) },
    });
    if !f.labels.is_empty() {
        let related: Vec<Value> = f
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut loc = location(&f.path, &l.at, Some(&l.message), l.location.as_ref());
                loc["id"] = json!(i + 1);
                loc
            })
            .collect();
        result["relatedLocations"] = json!(related);
    }
    if let Some(fix) = &f.fix {
        result["fixes"] = json!([{
            "description": { "text": format!("改为「{}」", fix.replacement) },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri(&f.path) },
                "replacements": [{
                    "deletedRegion": { "charOffset": fix.char_start, "charLength": fix.char_end - fix.char_start },
                    "insertedContent": { "text": fix.replacement },
                }],
            }],
        }]);
    }
    result
}

pub fn render_with_problems(findings: &[Reported], problems: &[Problem]) -> String {
    let registry = lints::registry();
    let rules: Vec<Value> = registry
        .iter()
        .map(|r| {
            let m = r.meta;
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary },
                "fullDescription": { "text": m.documentation() },
                "help": { "text": m.documentation(), "markdown": m.documentation() },
                "helpUri": rule_url(m.code, m.name),
                "defaultConfiguration": { "level": level(m.default_severity) },
                "properties": { "tags": [m.family.as_str()] },
            })
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: json!({
                "driver": {
                    "name": "reportlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/reportlint/reportlint",
                    "rules": rules,
                }
            }),
            column_kind: "unicodeCodePoints",
            invocations: [invocation(problems)],
            results: Results {
                findings,
                registry: &registry,
            },
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}
