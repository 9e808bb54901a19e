//! The lint registry. One lint per file; each declares its metadata and docs with
//! [`declare_lint!`](crate::declare_lint) and implements [`Lint`].

use crate::diagnostic::Finding;
use crate::document::Document;
use serde::de::DeserializeOwned;

pub(crate) mod arithmetic;
pub(crate) mod input;
pub(crate) mod numbering;
pub(crate) mod tables;
pub(crate) mod typo;

use crate::i18n::Lang;
pub use crate::meta::{LintFamily, LintMeta};

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
    ($($family:ident :: $module:ident :: $lint:ident),* $(,)?) => {
        vec![$(Registration { meta: &$family::$module::META, build: build::<$family::$module::$lint> }),*]
    };
}

/// Every lint, in code order.
pub fn registry() -> Vec<Registration> {
    let mut all = register![
        input::undecodable_bytes::UndecodableBytes,
        input::unused_suppression::UnusedSuppression,
        numbering::numbering_duplicate::NumberingDuplicate,
        numbering::numbering_gap::NumberingGap,
        numbering::numbering_order::NumberingOrder,
        numbering::numbering_mixed_style::NumberingMixedStyle,
        numbering::numbering_nested_style::NumberingNestedStyle,
        numbering::toc_mismatch::TocMismatch,
        arithmetic::date_consistency::DateConsistency,
        arithmetic::enumeration_count::EnumerationCount,
        arithmetic::sum_mismatch::SumMismatch,
        arithmetic::total_vs_items::TotalVsItems,
        arithmetic::claim_vs_counts::ClaimVsCounts,
        arithmetic::rate_mismatch::RateMismatch,
        arithmetic::completion_vs_target::CompletionVsTarget,
        arithmetic::bounded_rate::BoundedRate,
        arithmetic::growth_mismatch::GrowthMismatch,
        tables::table_total_row::TableTotalRow,
        tables::table_total_column::TableTotalColumn,
        tables::table_rate_column::TableRateColumn,
        tables::table_share_sum::TableShareSum,
        tables::table_prose_mismatch::TableProseMismatch,
        typo::doubled_char::DoubledChar,
        typo::repeated_phrase::RepeatedPhrase,
        typo::doubled_punct::DoubledPunct,
        typo::unbalanced_pair::UnbalancedPair,
        typo::halfwidth_punct::HalfwidthPunct,
        typo::confusable::Confusable,
        typo::stray_whitespace::StrayWhitespace,
        typo::homophone::Homophone,
        typo::idiom_slip::IdiomSlip,
    ];
    all.sort_by_key(|r| r.meta.code);
    all
}

/// The lint reference in `lang`, generated from every lint's own docs:
/// `docs/lints.md` (English) and `docs/lints.zh.md` (Chinese; a lint without
/// Chinese docs yet shows its English ones under a note).
pub fn reference_markdown_in(lang: Lang) -> String {
    let t = |key| crate::i18n::text_in(lang, key);
    let mut out = format!("{}\n\n{}\n\n", t("docs.title"), t("docs.generated"));
    out.push_str(t("docs.table-head"));
    out.push_str("\n|---|---|---|---|---|\n");
    let all = registry();
    for r in &all {
        let m = r.meta;
        out.push_str(&format!(
            "| {} | [`{}`](#{}-{}) | {} | {} | {} |\n",
            m.code,
            m.name,
            m.code.to_ascii_lowercase(),
            m.name,
            crate::i18n::with(lang, || crate::i18n::family_name(m.family)),
            crate::i18n::with(lang, || crate::i18n::severity_name(m.default_severity)),
            m.summary_in(lang)
        ));
    }
    for r in &all {
        let m = r.meta;
        out.push_str(&format!(
            "\n## {} {}\n\n{}\n\n",
            m.code,
            m.name,
            m.summary_in(lang)
        ));
        let docs = match m.documentation_in(lang) {
            Some(d) => d,
            None => format!("{}\n\n{}", t("docs.untranslated"), m.documentation()),
        };
        for line in docs.lines() {
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

/// `docs/lints.md`, the English reference.
pub fn reference_markdown() -> String {
    reference_markdown_in(Lang::En)
}

/// What `reportlint explain` prints, in the interface language.
pub fn explain(m: &LintMeta) -> String {
    let lang = crate::i18n::current();
    let severity = crate::tr!(
        "explain.severity",
        severity = crate::i18n::severity_name(m.default_severity),
        lint = m.name
    );
    let docs = match m.documentation_in(lang) {
        Some(d) => d,
        None => format!(
            "{}\n\n{}",
            crate::tr!("docs.untranslated"),
            m.documentation()
        ),
    };
    format!(
        "# {} {}\n\n{}\n\n{severity}\n\n{docs}",
        m.code,
        m.name,
        m.localized_summary()
    )
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
        doc.directives = crate::document::directives::parse(&doc.text, &doc);
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
        let examples = Lang::ALL.iter().flat_map(|&l| lint.meta().examples_in(l));
        for (kind, text) in examples {
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
