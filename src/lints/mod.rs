//! The lint registry. One lint per file; each declares its metadata and docs with
//! [`declare_lint!`](crate::declare_lint) and implements [`Lint`].

use crate::diagnostic::{Finding, Severity};
use crate::document::Document;
use serde::de::DeserializeOwned;

mod bounded_rate;
mod claim_vs_counts;
mod completion_vs_target;
mod confusable;
mod date_consistency;
mod doubled_char;
mod doubled_punct;
mod enumeration_count;
mod growth_mismatch;
mod halfwidth_punct;
mod numbering_duplicate;
mod numbering_gap;
mod numbering_mixed_style;
mod numbering_nested_style;
mod numbering_order;
mod rate_mismatch;
mod rate_table;
mod repeated_phrase;
mod stray_whitespace;
mod sum_mismatch;
mod table_math;
mod table_prose_mismatch;
mod table_rate_column;
mod table_share_sum;
mod table_total_column;
mod table_total_row;
mod toc_mismatch;
mod total_vs_items;
mod unbalanced_pair;
mod undecodable_bytes;
pub(crate) mod unused_suppression;

/// Which part of a report a lint checks; the HTML page and `list` group by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LintFamily {
    Input,
    Numbering,
    Arithmetic,
    Typo,
}

impl LintFamily {
    pub fn as_str(self) -> &'static str {
        match self {
            LintFamily::Input => "input",
            LintFamily::Numbering => "numbering",
            LintFamily::Arithmetic => "arithmetic",
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

/// A lint: reads the document, appends findings.
pub trait Lint: Send + Sync {
    fn meta(&self) -> &'static LintMeta;
    fn check(&self, doc: &Document, out: &mut Vec<Finding>);
}

/// A lint built from its own typed options (`[lints.NAME]` in `reportlint.toml`).
pub trait Configurable: Lint + Sized + 'static {
    type Options: DeserializeOwned + Default;
    fn new(options: Self::Options) -> Result<Self, String>;
}

/// Options of a lint that has none: any key in its table is an error.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoOptions {}

/// Builds a lint from its `[lints.NAME]` options (none given: the defaults).
pub type Builder = fn(Option<toml::Table>) -> Result<Box<dyn Lint>, String>;

/// How to make a lint from its options table.
pub struct Registration {
    pub meta: &'static LintMeta,
    pub build: Builder,
}

fn build<L: Configurable>(options: Option<toml::Table>) -> Result<Box<dyn Lint>, String> {
    let options = match options {
        None => L::Options::default(),
        Some(table) => toml::Value::Table(table)
            .try_into()
            .map_err(|e: toml::de::Error| e.message().to_owned())?,
    };
    Ok(Box::new(L::new(options)?))
}

macro_rules! register {
    ($($module:ident :: $lint:ident),* $(,)?) => {
        vec![$(Registration { meta: &$module::META, build: build::<$module::$lint> }),*]
    };
}

/// Every lint, in code order.
pub fn registry() -> Vec<Registration> {
    let mut all = register![
        undecodable_bytes::UndecodableBytes,
        unused_suppression::UnusedSuppression,
        numbering_duplicate::NumberingDuplicate,
        numbering_gap::NumberingGap,
        numbering_order::NumberingOrder,
        numbering_mixed_style::NumberingMixedStyle,
        numbering_nested_style::NumberingNestedStyle,
        toc_mismatch::TocMismatch,
        date_consistency::DateConsistency,
        enumeration_count::EnumerationCount,
        sum_mismatch::SumMismatch,
        total_vs_items::TotalVsItems,
        claim_vs_counts::ClaimVsCounts,
        rate_mismatch::RateMismatch,
        completion_vs_target::CompletionVsTarget,
        bounded_rate::BoundedRate,
        growth_mismatch::GrowthMismatch,
        table_total_row::TableTotalRow,
        table_total_column::TableTotalColumn,
        table_rate_column::TableRateColumn,
        table_share_sum::TableShareSum,
        table_prose_mismatch::TableProseMismatch,
        doubled_char::DoubledChar,
        repeated_phrase::RepeatedPhrase,
        doubled_punct::DoubledPunct,
        unbalanced_pair::UnbalancedPair,
        halfwidth_punct::HalfwidthPunct,
        confusable::Confusable,
        stray_whitespace::StrayWhitespace,
    ];
    all.sort_by_key(|r| r.meta.code);
    all
}

/// The lint reference, `docs/lints.md`, generated from every lint's own docs.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Lints\n\n<!-- Generated from the lints' doc comments by `UPDATE_DOCS=1 cargo test --test docs`. Do not edit. -->\n\n",
    );
    out.push_str("| code | name | family | default severity | summary |\n|---|---|---|---|---|\n");
    let all = registry();
    for r in &all {
        let m = r.meta;
        out.push_str(&format!(
            "| {} | [`{}`](#{}-{}) | {} | {} | {} |\n",
            m.code,
            m.name,
            m.code.to_ascii_lowercase(),
            m.name,
            m.family.as_str(),
            m.default_severity.as_str(),
            m.summary
        ));
    }
    for r in &all {
        let m = r.meta;
        out.push_str(&format!("\n## {} {}\n\n{}\n\n", m.code, m.name, m.summary));
        for line in m.documentation().lines() {
            // Demote the docs' own headings below the lint's heading.
            if line.starts_with('#') {
                out.push_str(&format!("##{line}\n"));
            } else {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// Find a lint by code (case-insensitive) or name.
pub fn lookup(key: &str) -> Option<&'static LintMeta> {
    registry()
        .into_iter()
        .map(|r| r.meta)
        .find(|m| m.code.eq_ignore_ascii_case(key) || m.name == key)
}

/// Declare a lint struct and its `META`; the struct's doc comment becomes the docs.
#[macro_export]
macro_rules! declare_lint {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident $body:tt
        code = $code:literal, name = $lname:literal, family = $family:ident,
        severity = $sev:ident, summary = $summary:literal $(,)?
    ) => {
        $(#[doc = $doc])*
        $vis struct $name $body

        pub static META: $crate::lints::LintMeta = $crate::lints::LintMeta {
            code: $code,
            name: $lname,
            family: $crate::lints::LintFamily::$family,
            default_severity: $crate::diagnostic::Severity::$sev,
            summary: $summary,
            docs: concat!($($doc, "\n"),*),
        };
    };
}

/// Shared test helpers: run one lint over a text.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub fn run(lint: &dyn Lint, text: &str) -> Vec<Finding> {
        let mut doc = Document::parse("test.txt", text.to_owned());
        doc.directives = crate::suppress::parse(&doc.text, &doc);
        let mut out = Vec::new();
        lint.check(&doc, &mut out);
        out
    }

    /// oxc-style pass/fail cases: every `pass` text yields nothing, every `fail`
    /// text at least one finding, and the docs' own examples agree.
    pub fn pass_fail(lint: &dyn Lint, pass: &[&str], fail: &[&str]) {
        for text in pass {
            let found = run(lint, text);
            assert!(
                found.is_empty(),
                "{} should pass:\n{text}\nbut found {:#?}",
                lint.meta().code,
                found
            );
        }
        for text in fail {
            assert!(
                !run(lint, text).is_empty(),
                "{} should fail:\n{text}",
                lint.meta().code
            );
        }
        for (kind, text) in lint.meta().examples() {
            let n = run(lint, &text).len();
            match kind {
                "bad" => assert!(
                    n > 0,
                    "{}: doc example should fail:\n{text}",
                    lint.meta().code
                ),
                _ => assert_eq!(
                    n,
                    0,
                    "{}: doc example should pass:\n{text}",
                    lint.meta().code
                ),
            }
        }
    }
}
