//! What every lint declares about itself: code, name, family, default severity
//! and docs. It sits below the lints and the findings so that both can name it
//! without importing each other.

use crate::diagnostic::Severity;

/// Which part of a report a lint checks; the HTML page and `list` group by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LintFamily {
    Input,
    Numbering,
    Arithmetic,
    Tables,
    Typo,
}

impl LintFamily {
    pub fn as_str(self) -> &'static str {
        match self {
            LintFamily::Input => "input",
            LintFamily::Numbering => "numbering",
            LintFamily::Arithmetic => "arithmetic",
            LintFamily::Tables => "tables",
            LintFamily::Typo => "typo",
        }
    }
}

#[derive(Debug)]
pub struct LintMeta {
    /// Stable code, e.g. `RL101`. Never reused.
    pub code: &'static str,
    /// Stable kebab-case name, e.g. `numbering-duplicate`.
    pub name: &'static str,
    pub family: LintFamily,
    pub default_severity: Severity,
    /// One line for `reportlint list`.
    pub summary: &'static str,
    /// The doc comment of the lint's struct, printed by `reportlint explain`.
    pub docs: &'static str,
}

impl LintMeta {
    /// The docs without the one-space indent that `///` leaves on every line.
    pub fn documentation(&self) -> String {
        let mut out = String::new();
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The fenced examples in the docs: (`bad` or `good`, text).
    pub fn examples(&self) -> Vec<(&'static str, String)> {
        let docs = self.documentation();
        let mut out = Vec::new();
        let mut current: Option<(&'static str, String)> = None;
        for line in docs.lines() {
            if let Some((kind, text)) = current.as_mut() {
                if line.trim_start().starts_with("```") {
                    out.push((*kind, std::mem::take(text)));
                    current = None;
                } else {
                    text.push_str(line);
                    text.push('\n');
                }
            } else if let Some(tag) = line.trim_start().strip_prefix("```") {
                match tag.trim() {
                    "bad" => current = Some(("bad", String::new())),
                    "good" => current = Some(("good", String::new())),
                    _ => {}
                }
            }
        }
        out
    }
}
