//! What every lint declares about itself: code, name, family, default severity
//! and docs. It sits below the lints and the findings so that both can name it
//! without importing each other.

use crate::diagnostic::Severity;
use crate::i18n::Lang;

// `ZH_DOCS`: every `src/lints/**/<lint>.zh.md`, listed by build.rs.
include!(concat!(env!("OUT_DIR"), "/zh_docs.rs"));

/// Chinese docs live beside the lint, `src/lints/<family>/<lint>.zh.md`: the
/// first line is the summary (`list`), then a blank line and the documentation
/// with the English sections' Chinese headings (## 作用, ## 原因, ## 选项,
/// ## 示例) and the same kind of ```bad / ```good examples, which are run too.
fn zh_file(name: &str) -> Option<&'static str> {
    ZH_DOCS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// The lint names that have a `.zh.md` file (a test checks each names a lint).
pub fn zh_doc_names() -> impl Iterator<Item = &'static str> {
    ZH_DOCS.iter().map(|(n, _)| *n)
}

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
    /// The Chinese summary and documentation, when the lint has them.
    pub fn zh(&self) -> Option<(&'static str, &'static str)> {
        let text = zh_file(self.name)?;
        let (summary, body) = text.split_once('\n').unwrap_or((text, ""));
        Some((summary.trim(), body.trim_start_matches(['\n', '\r'])))
    }

    /// The one-line summary in `lang` (English where the Chinese is missing).
    pub fn summary_in(&self, lang: Lang) -> &'static str {
        match (lang, self.zh()) {
            (Lang::Zh, Some((summary, _))) => summary,
            _ => self.summary,
        }
    }

    /// The summary in the interface language.
    pub fn localized_summary(&self) -> &'static str {
        self.summary_in(crate::i18n::current())
    }

    /// The documentation in `lang`: None for Chinese when the lint has none yet.
    pub fn documentation_in(&self, lang: Lang) -> Option<String> {
        match lang {
            Lang::En => Some(self.documentation()),
            Lang::Zh => self.zh().map(|(_, body)| body.to_owned()),
        }
    }

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
        examples_of(&self.documentation())
    }

    /// The examples of the docs in `lang` (none when there are no such docs).
    pub fn examples_in(&self, lang: Lang) -> Vec<(&'static str, String)> {
        self.documentation_in(lang)
            .map(|d| examples_of(&d))
            .unwrap_or_default()
    }
}

/// The ```bad and ```good blocks of a documentation text.
fn examples_of(docs: &str) -> Vec<(&'static str, String)> {
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
