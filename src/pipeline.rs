//! One file in, findings out: decode, parse once, run the enabled lints.

use crate::config::Config;
use crate::decode::{self, Skip};
use crate::diagnostic::Finding;
use crate::document::Document;
use crate::render::{self, human, Reported};
use std::path::Path;

/// Which lints the command line asked for, on top of the config.
#[derive(Debug, Default, Clone)]
pub struct Selection {
    /// Codes, code prefixes (`RL1`), names or families (`numbering`); empty = all.
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

fn matches(sel: &str, meta: &crate::lints::LintMeta) -> bool {
    let sel = sel.trim();
    !sel.is_empty()
        && (meta
            .code
            .to_ascii_lowercase()
            .starts_with(&sel.to_ascii_lowercase())
            || meta.name == sel
            || meta.family.as_str() == sel
            || sel.eq_ignore_ascii_case("all"))
}

impl Selection {
    pub fn wants(&self, meta: &crate::lints::LintMeta) -> Option<bool> {
        if self.ignore.iter().any(|s| matches(s, meta)) {
            return Some(false);
        }
        if self.select.is_empty() {
            None
        } else {
            Some(self.select.iter().any(|s| matches(s, meta)))
        }
    }
}

/// The result of linting one input.
#[derive(Debug, Default)]
pub struct FileOutcome {
    pub name: String,
    pub reported: Vec<Reported>,
    /// Pre-rendered human output, when asked for.
    pub human: String,
    /// A problem that stopped the file from being linted (exit code 2).
    pub error: Option<String>,
    /// Something worth saying that is not a finding (a skipped binary file).
    pub note: Option<String>,
}

/// Run every enabled lint over a parsed document; findings sorted by position.
pub fn lint_document(
    doc: &Document,
    path: &Path,
    config: &Config,
    sel: &Selection,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for lint in &config.lints {
        let meta = lint.meta();
        let switch = config.switch_for(meta.name, path);
        let enabled = sel.wants(meta).unwrap_or(switch.enabled.unwrap_or(true));
        if !enabled {
            continue;
        }
        let from = out.len();
        lint.check(doc, &mut out);
        if let Some(sev) = switch.severity {
            for f in &mut out[from..] {
                f.severity = sev;
            }
        }
    }
    out.sort_by(|a, b| {
        (a.span.start, a.meta.code, a.span.end).cmp(&(b.span.start, b.meta.code, b.span.end))
    });
    out
}

/// Decode, parse and lint one file's bytes.
pub fn check_bytes(
    name: &str,
    path: &Path,
    bytes: &[u8],
    config: &Config,
    sel: &Selection,
    human_style: Option<human::Style>,
) -> FileOutcome {
    let mut outcome = FileOutcome {
        name: name.to_owned(),
        ..FileOutcome::default()
    };
    let decoded = match config.encoding.as_deref() {
        Some(label) => match decode::decode_with(bytes, label) {
            Some(d) => d,
            None => {
                outcome.error = Some(format!("{name}: unknown encoding `{label}`"));
                return outcome;
            }
        },
        None => match decode::decode(bytes) {
            Ok(d) => d,
            Err(Skip::Binary) => {
                outcome.note = Some(format!(
                    "{name}: skipped, looks like a binary file (NUL bytes)"
                ));
                return outcome;
            }
        },
    };
    let doc = Document::parse_decoded(name, decoded);
    let findings = lint_document(&doc, path, config, sel);
    if let Some(style) = human_style {
        for f in &findings {
            outcome
                .human
                .push_str(&human::render_finding(&doc, f, style));
        }
    }
    outcome.reported = findings.iter().map(|f| render::resolve(&doc, f)).collect();
    outcome
}

/// Read and lint a file from disk.
pub fn check_file(
    path: &Path,
    config: &Config,
    sel: &Selection,
    human_style: Option<human::Style>,
) -> FileOutcome {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => check_bytes(&name, path, &bytes, config, sel, human_style),
        Err(e) => FileOutcome {
            name: name.clone(),
            error: Some(format!("{name}: cannot read: {e}")),
            ..FileOutcome::default()
        },
    }
}
